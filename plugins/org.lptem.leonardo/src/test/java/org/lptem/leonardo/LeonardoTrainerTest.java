package org.lptem.leonardo;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.CanceledException;
import org.lptem.core.Progress;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.ml.onnx.OnnxModel;
import org.lptem.ml.torch.Torch;
import org.lptem.testing.NativeMemoryChurn;

class LeonardoTrainerTest {
    private static TrajectoryWindows data;

    @BeforeAll
    static void data() {
        data = TestData.windows(40, 32, 3);
    }

    private static TrainingSettings settings(int epochs) {
        return TrainingSettings.defaults().withEpochs(epochs).withBatchSize(16).withLearningRate(1e-3)
                .withValidationFraction(0.2).withPatience(0).withSeed(11);
    }

    @Test
    void theLossFallsAndTheHistoryHasEveryTerm() {
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU);
                LeonardoModel model = new LeonardoTrainer(data, settings(8), Progress.NONE, e -> { })
                        .train(TestData.tiny(), m, Map.of())) {
            List<EpochLoss> h = model.history();
            assertEquals(8, h.size());
            assertTrue(h.get(7).trainTotal() < 0.7 * h.get(0).trainTotal(),
                    "train loss " + h.get(0).trainTotal() + " -> " + h.get(7).trainTotal());
            assertTrue(h.get(7).validationTotal() < h.get(0).validationTotal());
            assertEquals(LossTerm.values().length, h.get(0).train().size());
            assertEquals(LossTerm.values().length, h.get(0).validation().size());
            assertEquals(0, h.get(0).validation().get(LossTerm.FRAME_VARIATION), "no per-frame code, no variation");
            double sum = 0;
            for (LossTerm t : LossTerm.values()) {
                sum += model.weights().get(t) * h.get(3).validation().get(t);
            }
            assertEquals(h.get(3).validationTotal(), sum, 1e-4 * sum, "the total is the weighted sum of the terms");

            // training ends by fitting the aggregate prior to every window of the table
            LatentPrior prior = model.aggregatePrior();
            assertNotNull(prior);
            assertEquals(data.size(), prior.count());
            float[] flat = new float[data.size() * 64];
            for (int i = 0; i < data.size(); i++) {
                System.arraycopy(data.windows().get(i).xy(), 0, flat, i * 64, 64);
            }
            try (NDManager scratch = m.newSubManager()) {
                ai.djl.ndarray.NDList post = model.vae().encode(scratch.create(flat,
                        new ai.djl.ndarray.types.Shape(data.size(), 32, 2)));
                LatentPrior direct = LatentPrior.fit(post.get(0).toFloatArray(), post.get(1).toFloatArray(),
                        data.size(), 4);
                assertArrayEquals(direct.mean(), prior.mean(), 1e-5);
                assertArrayEquals(direct.covariance(), prior.covariance(), 1e-5);
            }
        }
    }

    @Test
    void sameSeedSameModelBytesAndGeneration(@TempDir Path dir) throws Exception {
        byte[][] files = new byte[2][];
        for (int run = 0; run < 2; run++) {
            try (NDManager m = Torch.newManager(ExecutionDevice.CPU);
                    LeonardoModel model = new LeonardoTrainer(data, settings(2), Progress.NONE, e -> { })
                            .train(TestData.tiny(), m, Map.of("source", "test"))) {
                Path f = dir.resolve("m" + run + ".leonardo");
                ModelFile.write(f, model);
                files[run] = Files.readAllBytes(f);
                Path g = dir.resolve("g" + run + ".csv");
                GeneratedTracks.write(g, new Generator(model).generate(20, 5, Map.of(), Progress.NONE),
                        model.scales().calibration(), Progress.NONE);
            }
        }
        assertArrayEquals(files[0], files[1]);
        assertArrayEquals(Files.readAllBytes(dir.resolve("g0.csv")), Files.readAllBytes(dir.resolve("g1.csv")));
        assertEquals("frame,particle,x,y,x_nm,y_nm,t_s", Files.readAllLines(dir.resolve("g0.csv")).get(0));
        assertEquals(1 + 20 * 32, Files.readAllLines(dir.resolve("g0.csv")).size());
    }

    @Test
    void theCollectorRunningThroughoutChangesNoByte(@TempDir Path dir) throws Exception {
        byte[] quiet = trainedBytes(dir.resolve("quiet.leonardo"));
        byte[] busy;
        try (AutoCloseable churn = NativeMemoryChurn.inBackground()) {
            busy = trainedBytes(dir.resolve("busy.leonardo"));
        }
        assertArrayEquals(quiet, busy);
    }

    private static byte[] trainedBytes(Path file) throws Exception {
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU);
                LeonardoModel model = new LeonardoTrainer(data, settings(3), Progress.NONE, e -> { })
                        .train(TestData.tiny(), m, Map.of("source", "test"))) {
            ModelFile.write(file, model);
        }
        return Files.readAllBytes(file);
    }

    @Test
    void modelFileRoundTripAndOnnxParity(@TempDir Path dir) {
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU);
                LeonardoModel model = new LeonardoTrainer(data, settings(2), Progress.NONE, e -> { })
                        .train(TestData.tiny(), m, Map.of())) {
            Path f = dir.resolve("model.leonardo");
            ModelFile.write(f, model);
            try (LeonardoModel back = ModelFile.read(f, m)) {
                assertEquals(model.config(), back.config());
                assertEquals(model.history(), back.history());
                assertArrayEquals(model.scales().extentsPx(), back.scales().extentsPx());
                assertEquals(model.scales().calibration(), back.scales().calibration());
                assertArrayEquals(model.trainingReference().covariance(), back.trainingReference().covariance());
                for (String name : model.vae().parameters().names()) {
                    assertArrayEquals(model.vae().parameters().values(name), back.vae().parameters().values(name),
                            name);
                }
                List<double[]> a = new Generator(model).generate(7, 9, Map.of(1, 0.5), Progress.NONE);
                List<double[]> b = new Generator(back).generate(7, 9, Map.of(1, 0.5), Progress.NONE);
                for (int i = 0; i < a.size(); i++) {
                    assertArrayEquals(a.get(i), b.get(i));
                }
            }
            assertOnnxParity(model);
        }
    }

    /** The ONNX decoder gives DJL's trajectories for the same codes, and the output depends on the code. */
    private static void assertOnnxParity(LeonardoModel model) {
        int n = 5;
        int code = model.config().codeSize();
        float[] z = new float[n * code];
        java.util.SplittableRandom r = new java.util.SplittableRandom(4);
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) r.nextGaussian();
        }
        float[] djl = new Generator(model).decode(z, n, Progress.NONE);
        try (OnnxModel onnx = OnnxModel.load("decoder", DecoderOnnx.export(model.vae()), ExecutionDevice.CPU)) {
            float[] ort = onnx.run(DecoderOnnx.INPUT, z, new long[] {n, code}, DecoderOnnx.OUTPUT);
            assertEquals(djl.length, ort.length);
            double spread = 0;
            for (int i = 0; i < djl.length; i++) {
                assertEquals(djl[i], ort[i], 1e-4, "value " + i);
                spread = Math.max(spread, Math.abs(djl[i] - djl[0]));
            }
            assertTrue(spread > 1e-3, "the decoder output is not constant");
        }
    }

    @Test
    void frameLatentsAreEncodedDecodedStoredAndExported(@TempDir Path dir) {
        LeonardoConfig config = TestData.tiny().withFrameLatent(2);
        assertEquals(4 + 32 * 2, config.codeSize());
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU);
                LeonardoModel model = new LeonardoTrainer(data, settings(2), Progress.NONE, e -> { })
                        .train(config, m, Map.of())) {
            assertEquals(config.codeSize(), model.aggregatePrior().dimension());
            assertEquals(config.codeSize() + 1, model.jointPrior().dimension());
            Path f = dir.resolve("frames.leonardo");
            ModelFile.write(f, model);
            assertEquals(FramePrior.Sizes.of(config), model.framePrior().sizes(), "training fits the frame prior");
            assertTrue(model.history().get(0).validation().get(LossTerm.FRAME_VARIATION) > 0,
                    "the trainer measures the per-frame code's variation");
            // the shape extent prior: (z, shape summary, ln extent) of the windows; its ln extent is theirs
            LatentPrior shape = model.shapeExtentPrior();
            assertEquals(config.latent() + ShapeSummary.SIZE + 1, shape.dimension());
            double meanLog = data.windows().stream().mapToDouble(w -> Math.log(w.extentPx())).average().orElseThrow();
            assertEquals(meanLog, shape.mean()[shape.dimension() - 1], 1e-9);
            assertArrayEquals(java.util.Arrays.copyOf(model.aggregatePrior().mean(), config.latent()),
                    java.util.Arrays.copyOf(shape.mean(), config.latent()), 1e-6, "z as in the aggregate prior");
            assertTrue(new Generator(model).extentGivenShape());
            extentsFollowTheDecodedShape(model);
            chooseAmongFramePriorFits(model);
            try (LeonardoModel back = ModelFile.read(f, m)) {
                assertEquals(config, back.config());
                assertArrayEquals(model.aggregatePrior().covariance(), back.aggregatePrior().covariance());
                assertArrayEquals(shape.covariance(), back.shapeExtentPrior().covariance());
                assertArrayEquals(model.framePrior().scale(), back.framePrior().scale());
                List<double[]> a = new Generator(model).generate(6, 3, Map.of(), Progress.NONE);
                List<double[]> b = new Generator(back).generate(6, 3, Map.of(), Progress.NONE);
                for (int i = 0; i < a.size(); i++) {
                    assertArrayEquals(a.get(i), b.get(i), "the stored frame prior draws the same codes");
                }
            }
            // the same trajectory latent with other per-frame values gives another trajectory, changed at the
            // frames whose values changed (the decoder reads them frame by frame before attention mixes them)
            float[] z = new float[2 * config.codeSize()];
            for (int i = 0; i < config.latent(); i++) {
                z[i] = 0.3f * i;
                z[config.codeSize() + i] = 0.3f * i;
            }
            z[config.codeSize() + config.latent() + 2 * 10] = 2f;
            float[] x = new Generator(model).decode(z, 2, Progress.NONE);
            double change = 0;
            for (int i = 0; i < 64; i++) {
                change = Math.max(change, Math.abs(x[i] - x[64 + i]));
            }
            assertTrue(change > 1e-4, "a per-frame latent value changes the trajectory: " + change);
            assertOnnxParity(model);
            List<double[]> generated = new Generator(model).generate(3, 1, Map.of(), Progress.NONE);
            assertEquals(3, generated.size());
            assertEquals(64, generated.get(0).length);
        }
    }

    /**
     * Three frame prior fits (seeds 11, 12, 13): the first is the one training made (the settings' seed 11), and the
     * fit kept is the one whose samples' distance to the training windows, recorded per fit, is the least.
     */
    private static void chooseAmongFramePriorFits(LeonardoModel model) {
        int n = data.size();
        LeonardoModel chosen = LeonardoTrainer.fitPriors(model, data, 11, 3, Progress.NONE);
        try {
            assertEquals("3", chosen.info().get("frame_prior_fits"));
            double[] scores = java.util.Arrays.stream(chosen.info().get("frame_prior_scores").split(","))
                    .mapToDouble(Double::parseDouble).toArray();
            assertEquals(3, scores.length);
            assertEquals(Evaluation.distanceToTraining(model, n, 11, Progress.NONE), scores[0], 1e-5 * scores[0],
                    "fit 1 is the trained model's own frame prior");
            int best = 0;
            for (int k = 1; k < 3; k++) {
                best = scores[k] < scores[best] ? k : best;
            }
            assertEquals(Long.toString(11 + best), chosen.info().get("frame_prior_seed"));
            assertEquals(scores[best], Evaluation.distanceToTraining(chosen, n, 11, Progress.NONE),
                    1e-5 * scores[best], "the kept fit is the one scored least");
            assertNotEquals(scores[0], scores[1], "other seeds, other fits");
            assertSame(model.vae(), chosen.vae());
        } finally {
            chosen.framePrior().close();
        }
        assertThrows(org.lptem.core.LptemException.class,
                () -> LeonardoTrainer.fitPriors(model, data, 11, 0, Progress.NONE));
        assertThrows(org.lptem.core.LptemException.class, () -> settings(1).withFramePriorFits(0));
    }

    /**
     * A shape extent prior in which ln extent is minus the step-kurtosis summary (residual sd 0.01), the rest
     * independent: generated trajectories are then the smaller the more their decoded steps jump, which an extent
     * drawn given z alone would not do.
     */
    private static void extentsFollowTheDecodedShape(LeonardoModel model) {
        int d = model.config().latent() + ShapeSummary.SIZE + 1;
        int kurtosis = model.config().latent();
        double[] cov = new double[d * d];
        for (int i = 0; i < d; i++) {
            cov[i * d + i] = 1;
        }
        cov[kurtosis * d + d - 1] = -1;
        cov[(d - 1) * d + kurtosis] = -1;
        cov[d * d - 1] = 1 + 1e-4;
        LeonardoModel handMade = model.withShapeExtentPrior(new LatentPrior(new double[d], cov, 100));
        List<double[]> generated = new Generator(handMade).generate(40, 9, Map.of(), Progress.NONE);
        float[] s = new float[ShapeSummary.SIZE];
        double[] k = new double[generated.size()];
        double[] range = new double[generated.size()];
        for (int i = 0; i < k.length; i++) {
            double[] p = generated.get(i);
            float[] f = new float[p.length];
            for (int j = 0; j < p.length; j++) {
                f[j] = (float) p[j];
            }
            ShapeSummary.of(f, 0, p.length / 2, s, 0);
            k[i] = s[0];
            range[i] = Generator.extent(f, 0, p.length / 2);
        }
        int pairs = 0;
        for (int i = 0; i < k.length; i++) {
            for (int j = 0; j < k.length; j++) {
                if (k[i] < k[j] - 0.05) {
                    pairs++;
                    assertTrue(range[i] >= range[j] * (1 - 1e-5), "kurtosis " + k[i] + " < " + k[j] + " but extent "
                            + range[i] + " < " + range[j]);
                }
            }
        }
        assertTrue(pairs > 100, "the decoded shapes differ enough to test the order: " + pairs + " pairs");
    }

    @Test
    void checkpointsResumeToTheSameModel(@TempDir Path dir) {
        Path ck = dir.resolve("ck.leonardo");
        List<Double> straight = new ArrayList<>();
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU)) {
            try (LeonardoModel model = new LeonardoTrainer(data, settings(3), Progress.NONE,
                    e -> straight.add(e.trainTotal())).train(TestData.tiny(), m, Map.of())) {
                assertEquals(3, model.history().size());
            }
            try (LeonardoModel part = new LeonardoTrainer(data, settings(2).withCheckpoint(ck, 1), Progress.NONE,
                    e -> { }).train(TestData.tiny(), m, Map.of())) {
                assertEquals(2, part.history().size());
            }
            assertTrue(Files.exists(ck));
            try (LeonardoModel resumed = new LeonardoTrainer(data, settings(3), Progress.NONE, e -> { })
                    .resume(ck, m)) {
                assertEquals(3, resumed.history().size());
                for (int i = 0; i < 3; i++) {
                    assertEquals(straight.get(i), resumed.history().get(i).trainTotal(), 1e-5 * straight.get(i),
                            "epoch " + (i + 1));
                }
            }
        }
    }

    @Test
    void aCosineRunCanceledAndResumedFollowsTheSameCurve(@TempDir Path dir) {
        TrainingSettings cosine = settings(3).withSchedule(LearningRateSchedule.COSINE);
        Path ck = dir.resolve("ck.leonardo");
        List<Double> straight = new ArrayList<>();
        List<Double> constant = new ArrayList<>();
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU)) {
            try (LeonardoModel model = new LeonardoTrainer(data, cosine, Progress.NONE,
                    e -> straight.add(e.trainTotal())).train(TestData.tiny(), m, Map.of())) {
                assertEquals("cosine", model.info().get("learning_rate_schedule"));
            }
            try (LeonardoModel model = new LeonardoTrainer(data, settings(3), Progress.NONE,
                    e -> constant.add(e.trainTotal())).train(TestData.tiny(), m, Map.of())) {
                assertEquals("constant", model.info().get("learning_rate_schedule"));
            }
            // the first steps are the same (the cosine starts at the base rate), later ones are not
            assertNotEquals(constant.get(2), straight.get(2));
            // stopped during epoch 3 of 3: the checkpoint holds epoch 2 of the same 3-epoch curve
            boolean[] stop = {false};
            Progress cancelInEpoch3 = new Progress() {
                @Override
                public void report(double fraction, String message) {
                }

                @Override
                public void checkCanceled() {
                    if (stop[0]) {
                        throw new CanceledException();
                    }
                }
            };
            assertThrows(CanceledException.class, () -> new LeonardoTrainer(data, cosine.withCheckpoint(ck, 1),
                    cancelInEpoch3, e -> stop[0] = e.epoch() == 2).train(TestData.tiny(), m, Map.of()));
            try (LeonardoModel resumed = new LeonardoTrainer(data, cosine, Progress.NONE, e -> { }).resume(ck, m)) {
                assertEquals(3, resumed.history().size());
                for (int i = 0; i < 3; i++) {
                    assertEquals(straight.get(i), resumed.history().get(i).trainTotal(), 1e-5 * straight.get(i),
                            "epoch " + (i + 1));
                }
            }
        }
    }

    @Test
    void cancelStopsTraining() {
        Progress cancelAfterFirstReport = new Progress() {
            private boolean reported;

            @Override
            public void report(double fraction, String message) {
                reported = true;
            }

            @Override
            public void checkCanceled() {
                if (reported) {
                    throw new CanceledException();
                }
            }
        };
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU)) {
            assertThrows(CanceledException.class, () -> new LeonardoTrainer(data, settings(5),
                    cancelAfterFirstReport, e -> { }).train(TestData.tiny(), m, Map.of()));
        }
    }
}
