package org.lptem.leonardo;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDManager;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.LptemException;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.ml.torch.Torch;

class ModelFileTest {

    static LeonardoModel untrained(NDManager m) {
        TransformerVae vae = TransformerVae.initialise(TestData.tiny(), m, 5);
        FeatureMoments ref = new FeatureMoments(new double[] {1, 2}, new double[] {1, 0.5, 0.5, 2}, 10);
        return new LeonardoModel(vae, new ScaleDistribution(new double[] {3, 1, 2}, TestData.CALIBRATION),
                List.of(), LossWeights.paper().with(LossTerm.KL, 0.2), ref, Map.of("source", "unit test"));
    }

    /** A tiny model with per-frame latents and all three priors. */
    static LeonardoModel complete(NDManager m) {
        LeonardoConfig c = TestData.tiny().withFrameLatent(1);
        int code = c.codeSize();
        TransformerVae vae = TransformerVae.initialise(c, m, 5);
        FeatureMoments ref = new FeatureMoments(new double[] {1, 2}, new double[] {1, 0.5, 0.5, 2}, 10);
        LatentPrior aggregate = new LatentPrior(new double[code], identity(code), 40);
        LatentPrior joint = new LatentPrior(new double[code + 1], identity(code + 1), 40);
        FramePrior frames = FramePrior.initialise(new FramePrior.Sizes(c.latent(), 1, c.length(), 4, 2, 8),
                new double[] {0.1}, m, 3);
        return new LeonardoModel(vae, new ScaleDistribution(new double[] {3, 1, 2}, TestData.CALIBRATION), List.of(),
                LossWeights.paper(), ref, Map.of("source", "fuzz"), aggregate, joint, frames,
                new LatentPrior(new double[c.latent() + 3], identity(c.latent() + 3), 40));
    }

    private static double[] identity(int d) {
        double[] v = new double[d * d];
        for (int i = 0; i < d; i++) {
            v[i * d + i] = 1;
        }
        return v;
    }

    @Test
    void roundTripKeepsEverything(@TempDir Path dir) {
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU); LeonardoModel model = untrained(m)) {
            Path f = dir.resolve("a.leonardo");
            ModelFile.write(f, model);
            try (LeonardoModel back = ModelFile.read(f, m)) {
                assertEquals(TestData.tiny(), back.config());
                assertEquals(0.2, back.weights().get(LossTerm.KL));
                assertArrayEquals(new double[] {1, 2, 3}, back.scales().extentsPx());
                assertEquals(0.5, back.scales().calibration().nmPerPixel().getAsDouble());
                assertEquals("unit test", back.info().get("source"));
                assertArrayEquals(new double[] {1, 0.5, 0.5, 2}, back.trainingReference().covariance());
                assertArrayEquals(model.vae().parameters().values("dec.block0.cross.k.w"),
                        back.vae().parameters().values("dec.block0.cross.k.w"));
            }
        }
    }

    /** Files written before the project's loss term existed: its weight reads as 0, its history as NaN. */
    @Test
    void filesWithoutTheProjectsLossTermStillRead(@TempDir Path dir) throws Exception {
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU); LeonardoModel fresh = untrained(m)) {
            Map<LossTerm, Double> terms = new java.util.EnumMap<>(LossTerm.class);
            for (LossTerm t : LossTerm.values()) {
                terms.put(t, 1.0 + t.ordinal());
            }
            EpochLoss epoch = new EpochLoss(1, terms, 7, terms, 8);
            LeonardoModel model = new LeonardoModel(fresh.vae(), fresh.scales(), List.of(epoch),
                    LossWeights.paper().with(LossTerm.FRAME_VARIATION, 0.3), fresh.trainingReference(), Map.of());
            Path now = dir.resolve("now.leonardo");
            ModelFile.write(now, model);
            Map<String, byte[]> entries = ModelArchives.read(now);
            String props = new String(entries.get(ModelFile.PROPERTIES), StandardCharsets.ISO_8859_1);
            String old = props.lines().filter(l -> !l.contains("frame_variation="))
                    .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
            assertNotEquals(props.lines().count(), old.lines().count());
            entries.put(ModelFile.PROPERTIES, old.getBytes(StandardCharsets.ISO_8859_1));
            Path before = dir.resolve("before.leonardo");
            ModelArchives.write(before, entries);
            try (LeonardoModel back = ModelFile.read(now, m)) {
                assertEquals(0.3, back.weights().get(LossTerm.FRAME_VARIATION));
                assertEquals(1.0 + LossTerm.FRAME_VARIATION.ordinal(),
                        back.history().get(0).train().get(LossTerm.FRAME_VARIATION));
            }
            try (LeonardoModel back = ModelFile.read(before, m)) {
                assertEquals(0, back.weights().get(LossTerm.FRAME_VARIATION));
                assertEquals(0.05, back.weights().get(LossTerm.KL));
                assertTrue(Double.isNaN(back.history().get(0).train().get(LossTerm.FRAME_VARIATION)));
                assertFalse(back.history().get(0).validation().containsKey(LossTerm.FRAME_VARIATION));
                assertEquals(1.0 + LossTerm.KL.ordinal(), back.history().get(0).validation().get(LossTerm.KL));
            }
            // a published term is still required
            entries.put(ModelFile.PROPERTIES, old.lines().filter(l -> !l.startsWith("weight.kl="))
                    .collect(java.util.stream.Collectors.joining("\n", "", "\n")).getBytes(StandardCharsets.ISO_8859_1));
            Path broken = dir.resolve("broken.leonardo");
            ModelArchives.write(broken, entries);
            assertError(broken, m, "lacks weight.kl");
        }
    }

    @Test
    void corruptAndForeignFilesGiveClearErrors(@TempDir Path dir) throws Exception {
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU); LeonardoModel model = untrained(m)) {
            Path good = dir.resolve("good.leonardo");
            ModelFile.write(good, model);
            byte[] bytes = Files.readAllBytes(good);

            Path text = dir.resolve("notes.txt");
            Files.writeString(text, "hello, not a model");
            assertError(text, m, "not a LEONARDO model");

            Path truncated = dir.resolve("truncated.leonardo");
            Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
            assertError(truncated, m, "corrupt");

            Path foreign = dir.resolve("foreign.zip");
            ModelArchives.write(foreign, Map.of("readme.txt", "x".getBytes(StandardCharsets.UTF_8)));
            assertError(foreign, m, "has no leonardo.properties");

            Map<String, byte[]> entries = ModelArchives.read(good);
            String props = new String(entries.get("leonardo.properties"), StandardCharsets.ISO_8859_1);

            entries.put("leonardo.properties", props.replace("format=lptem-leonardo", "format=other")
                    .getBytes(StandardCharsets.ISO_8859_1));
            Path otherFormat = dir.resolve("other.leonardo");
            ModelArchives.write(otherFormat, entries);
            assertError(otherFormat, m, "format is 'other'");

            entries.put("leonardo.properties", props.replace("version=3", "version=7")
                    .getBytes(StandardCharsets.ISO_8859_1));
            Path future = dir.resolve("future.leonardo");
            ModelArchives.write(future, entries);
            assertError(future, m, "version 7 is not supported");

            entries.put("leonardo.properties", props.replace("config.width=16", "config.width=20")
                    .getBytes(StandardCharsets.ISO_8859_1));
            Path mismatch = dir.resolve("mismatch.leonardo");
            ModelArchives.write(mismatch, entries);
            assertError(mismatch, m, "weights.bin holds");

            // a damaged size is refused before a network of that size is built (it ran out of memory)
            String hidden = props.lines().filter(l -> l.startsWith("config.decoderHidden=")).findFirst().orElseThrow();
            for (String huge : new String[] {"300000000", "2000000000"}) {
                entries.put("leonardo.properties", props.replace(hidden, "config.decoderHidden=" + huge)
                        .getBytes(StandardCharsets.ISO_8859_1));
                Path big = dir.resolve("big" + huge + ".leonardo");
                ModelArchives.write(big, entries);
                assertError(big, m, "weights.bin holds");
            }

            // per-frame latents the weights were not trained with, or of impossible sizes
            for (String[] frame : new String[][] {{"3", "weights.bin holds"}, {"-1", "frame-latent must be at least 0"},
                {"2000000000", "must fit an int"}}) {
                entries.put("leonardo.properties", (props + "config.frameLatent=" + frame[0] + "\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                Path framed = dir.resolve("frame" + frame[0] + ".leonardo");
                ModelArchives.write(framed, entries);
                assertError(framed, m, frame[1]);
            }

            entries = ModelArchives.read(good);
            byte[] w = entries.get("weights.bin");
            entries.put("weights.bin", java.util.Arrays.copyOf(w, w.length - 5));
            Path shortWeights = dir.resolve("short.leonardo");
            ModelArchives.write(shortWeights, entries);
            assertError(shortWeights, m, "weights.bin: truncated");

            entries = ModelArchives.read(good);
            entries.remove("scales.bin");
            Path missing = dir.resolve("missing.leonardo");
            ModelArchives.write(missing, entries);
            assertError(missing, m, "scales.bin is missing");

            assertError(dir.resolve("absent.leonardo"), m, "does not exist");
        }
    }

    @Test
    void aFinishedModelCannotBeResumed(@TempDir Path dir) {
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU); LeonardoModel model = untrained(m)) {
            Path f = dir.resolve("done.leonardo");
            ModelFile.write(f, model);
            LeonardoTrainer trainer = new LeonardoTrainer(TestData.windows(4, 32, 1), TrainingSettings.defaults(),
                    org.lptem.core.Progress.NONE, e -> { });
            LptemException e = assertThrows(LptemException.class, () -> trainer.resume(f, m));
            assertTrue(e.getMessage().contains("not a checkpoint"), e.getMessage());
        }
    }

    @Test
    void damagedPriorsAreNamedWhenTheFileIsRead(@TempDir Path dir) throws Exception {
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU); LeonardoModel model = complete(m)) {
            Path good = dir.resolve("good.leonardo");
            ModelFile.write(good, model);
            Map<String, byte[]> entries = ModelArchives.read(good);
            try (LeonardoModel back = ModelFile.read(good, m)) {
                assertArrayEquals(model.shapeExtentPrior().covariance(), back.shapeExtentPrior().covariance());
            }

            // a shape extent prior of the wrong size, and one in a file without the frame prior it belongs to
            Path shape = dir.resolve("shape.leonardo");
            Map<String, byte[]> e0 = new java.util.LinkedHashMap<>(entries);
            e0.put(ModelFile.SHAPE_EXTENT_PRIOR, java.util.Arrays.copyOf(entries.get(ModelFile.SHAPE_EXTENT_PRIOR), 8));
            ModelArchives.write(shape, e0);
            assertError(shape, m, "shape_extent_prior.bin holds 1 values, 7 dimensions need 56");
            e0 = new java.util.LinkedHashMap<>(entries);
            e0.put(ModelFile.PROPERTIES, ModelArchives.withProperty(e0.get(ModelFile.PROPERTIES),
                    "frame_prior.order", null));
            ModelArchives.write(shape, e0);
            assertError(shape, m, "a shape extent prior without a frame prior");

            // sizes of a frame prior that would not fit in memory, or not even in a long
            Path huge = dir.resolve("huge.leonardo");
            Map<String, byte[]> e = new java.util.LinkedHashMap<>(entries);
            e.put(ModelFile.PROPERTIES, ModelArchives.withProperty(e.get(ModelFile.PROPERTIES),
                    "frame_prior.hidden", "2147483647"));
            ModelArchives.write(huge, e);
            assertError(huge, m, "frame prior (");
            assertError(huge, m, "needs 4611686052787126261 weights, frame_prior.bin holds 214");
            e.put(ModelFile.PROPERTIES, ModelArchives.withProperty(e.get(ModelFile.PROPERTIES),
                    "frame_prior.components", "2147483647"));
            ModelArchives.write(huge, e);
            assertError(huge, m, "needs more weights than can be counted, frame_prior.bin holds");

            // an aggregate prior whose covariance lost its symmetry
            Path skew = dir.resolve("skew.leonardo");
            e = new java.util.LinkedHashMap<>(entries);
            byte[] prior = e.get(ModelFile.PRIOR).clone();
            int d = model.config().codeSize();
            java.nio.ByteBuffer.wrap(prior).order(java.nio.ByteOrder.LITTLE_ENDIAN).putDouble(8 * (d + 1), 0.9);
            e.put(ModelFile.PRIOR, prior);
            ModelArchives.write(skew, e);
            assertError(skew, m, "the latent prior covariance is not symmetric positive definite");
        }
    }

    private static void assertError(Path file, NDManager m, String text) {
        LptemException e = assertThrows(LptemException.class, () -> ModelFile.read(file, m).close());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(text), e.getMessage());
    }
}
