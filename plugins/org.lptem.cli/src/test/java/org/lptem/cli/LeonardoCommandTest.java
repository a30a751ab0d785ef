package org.lptem.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.Calibration;
import org.lptem.core.Track;
import org.lptem.io.TracksCsv;
import org.lptem.simulate.SettingsKeys;
import org.lptem.simulate.SimulationSettings;
import org.lptem.simulate.TrajectoryExport;

class LeonardoCommandTest {

    private static Path tracks(Path dir, String name, long seed) {
        return tracks(dir, name, seed, Calibration.of(0.5, 0.02));
    }

    private static Path tracks(Path dir, String name, long seed, Calibration calibration) {
        List<Track> out = new ArrayList<>();
        for (String model : new String[] {"fbm", "ctrw"}) {
            SimulationSettings s = SettingsKeys.apply(SimulationSettings.demo(), List.of("motion=" + model,
                    "alpha=0.6", "seed=" + seed));
            for (Track t : TrajectoryExport.simulate(s, 30, 64)) {
                out.add(new Track(out.size() + 1, t.points()));
            }
        }
        Path csv = dir.resolve(name);
        TracksCsv.write(csv, out, calibration);
        return csv;
    }

    @Test
    void trainGenerateEvaluate(@TempDir Path dir) throws Exception {
        Path train = tracks(dir, "train.csv", 1);
        Path held = tracks(dir, "held.csv", 2);
        Path model = dir.resolve("m.leonardo");
        CliRunner.Run r = trainTiny(train, model, 2, "--lr-schedule", "cosine", "--loss-weight", "kl=0.2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s)\\d+ windows of 32 frames from .*"), r.out());
        assertTrue(r.out().matches("(?s).*\n\\d+ samples against the training windows: shared motion "
                + "\\d\\.\\d{4} \\(windows \\d\\.\\d{4}\\), step timing distance \\d\\.\\d{3} \\(window halves "
                + "\\d\\.\\d{3}\\)\n(warning: the generated trajectories are not independent paths: [^\n]*\n)?model "
                + "written to .*"), r.out());
        java.util.Properties props = new java.util.Properties();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(model.toFile())) {
            props.load(zip.getInputStream(zip.getEntry("leonardo.properties")));
        }
        assertEquals("cosine", props.getProperty("info.learning_rate_schedule"));
        // the small preset's weights, with the one asked for on top
        assertEquals(org.lptem.leonardo.LossWeights.small().get(org.lptem.leonardo.LossTerm.VARIANCE),
                Double.parseDouble(props.getProperty("weight.variance")));
        assertEquals(0.2, Double.parseDouble(props.getProperty("weight.kl")));
        assertTrue(r.out().contains("0.5 nm/px, 0.02 s/frame"), r.out());
        assertTrue(Files.size(model) > 0);

        Path g = dir.resolve("g.csv");
        Path onnx = dir.resolve("decoder.onnx");
        r = CliRunner.lptem("leonardo", "generate", "--model", model.toString(), "--n", "10", "--seed", "4", "--out",
                g.toString(), "--onnx", onnx.toString(), "--fix", "0=1.5");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(g);
        assertEquals("frame,particle,x,y,x_nm,y_nm,t_s", lines.get(0));
        assertEquals(1 + 10 * 32, lines.size());
        assertEquals("0,1,0,0,0,0,0", lines.get(1));
        String[] second = lines.get(2).split(",");
        assertEquals(Double.parseDouble(second[2]) * 0.5, Double.parseDouble(second[4]), 1e-9);
        assertEquals(0.02, Double.parseDouble(second[6]), 1e-12);
        assertTrue(Files.size(onnx) > 1000);

        Path again = dir.resolve("again.csv");
        assertEquals(0, CliRunner.lptem("leonardo", "generate", "--model", model.toString(), "--n", "10", "--seed",
                "4", "--out", again.toString(), "--fix", "0=1.5").code());
        assertArrayEquals(Files.readAllBytes(g), Files.readAllBytes(again));
        byte[] modelBytes = Files.readAllBytes(model);
        CliRunner.Run overModel = CliRunner.lptem("leonardo", "generate", "--model", model.toString(), "--n", "2",
                "--out", model.toString());
        assertEquals(2, overModel.code());
        assertTrue(overModel.err().contains("is an input of this command"), overModel.err());
        assertArrayEquals(modelBytes, Files.readAllBytes(model), "the model is untouched");

        r = CliRunner.lptem("leonardo", "evaluate", "--model", model.toString(), "--tracks", held.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("vacf lag 1"), r.out());
        assertTrue(r.out().contains("floor (training vs held-out)"), r.out());
        assertTrue(r.out().matches("(?s).*frechet by feature group +generated +floor\\n  log10_variance +[-+0-9.e]+ +"
                + "[-+0-9.e]+\\n  log10_kurtosis .*\\n  vacf .*\\n  log10_msd .*\\n  alpha .*"), r.out());
        assertTrue(r.out().matches("(?s).*\\n  vacf_lag20 +[-+]\\d+\\.\\d{3} +\\d+\\.\\d{3}\\n.*"), r.out());

        // the training table judged as if generated is exactly the floor; the held-out table itself is at 0
        r = CliRunner.lptem("leonardo", "evaluate", "--model", model.toString(), "--tracks", held.toString(),
                "--generated", train.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("generated: "), r.out());
        assertEquals(distance(r.out(), "floor (training vs held-out):"),
                distance(r.out(), "frechet distance (generated vs held-out):"), r.out());
        assertTrue(distance(r.out(), "floor (training vs held-out):") > 0, r.out());
        assertTrue(r.out().contains("ratio to floor:                          1.00\n"), r.out());
        r = CliRunner.lptem("leonardo", "evaluate", "--model", model.toString(), "--tracks", held.toString(),
                "--generated", held.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(0, distance(r.out(), "frechet distance (generated vs held-out):"), 1e-6, r.out());
        assertTrue(r.out().contains("step timing distance:                    0.0000 (held-out halves "), r.out());
        assertTrue(r.out().matches("(?s).*\\nshared motion +(\\S+) +\\1 +\\+0\\.0%\\n.*"), r.out());
        r = CliRunner.lptem("leonardo", "evaluate", "--model", model.toString(), "--tracks", held.toString(),
                "--generated", held.toString(), "--n", "5");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--n samples the model; with --generated the table's windows are judged"),
                r.err());
        StringBuilder few = new StringBuilder("frame,particle,x,y,x_nm,y_nm,t_s\n");
        for (int f = 0; f < 10; f++) {
            few.append(f).append(",1,").append(f).append(",0,").append(0.5 * f).append(",0,").append(0.02 * f)
                    .append('\n');
        }
        Path shortTracks = Files.writeString(dir.resolve("short.csv"), few);
        r = CliRunner.lptem("leonardo", "evaluate", "--model", model.toString(), "--tracks", held.toString(),
                "--generated", shortTracks.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(shortTracks + ": has 0 windows of 32 consecutive frames"), r.err());
        r = CliRunner.lptem("leonardo", "evaluate", "--model", model.toString(), "--tracks", held.toString(),
                "--generated", tracks(dir, "coarse.csv", 1, Calibration.of(0.7, 0.02)).toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("the generated table is calibrated"), r.err());

        r = CliRunner.lptem("leonardo", "diagnose", "--model", model.toString(), "--tracks", held.toString(), "--n",
                "8", "--threads", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("loss terms on 8 windows"), r.out());
        assertTrue(r.out().matches("(?s).*\\n +kl +0\\.2000 .*"), r.out());
        assertTrue(r.out().contains("reconstruction (decoded encoder means)"), r.out());
        assertTrue(r.out().contains("variance lag 1 "), r.out());
    }

    /** Trains a tiny network (32 frames, width 16, 2 heads, latent 4, batch 16, seed 3, one thread). */
    private static CliRunner.Run trainTiny(Path tracks, Path model, int epochs, String... more) {
        List<String> args = new ArrayList<>(List.of("leonardo", "train", "--tracks", tracks.toString(), "--out",
                model.toString(), "--length", "32", "--width", "16", "--heads", "2", "--latent", "4", "--epochs",
                Integer.toString(epochs), "--batch-size", "16", "--seed", "3", "--threads", "1"));
        args.addAll(List.of(more));
        return CliRunner.lptem(args.toArray(String[]::new));
    }

    private static double distance(String out, String label) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(label)
                + " +(\\S+)").matcher(out);
        assertTrue(m.find(), out);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void perFrameSetsTheMeasuredRecipeAndExplicitOptionsWin(@TempDir Path dir) throws Exception {
        Path train = tracks(dir, "train.csv", 1);
        Path model = dir.resolve("p.leonardo");
        CliRunner.Run r = trainTiny(train, model, 1, "--per-frame", "--loss-weight", "frame_variation=0.5");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s).*\nframe prior fits: 4, kept seed [3-6] .*"), r.out());
        java.util.Properties props = new java.util.Properties();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(model.toFile())) {
            props.load(zip.getInputStream(zip.getEntry("leonardo.properties")));
        }
        assertEquals("2", props.getProperty("config.frameLatent"));
        assertEquals(30000.0, Double.parseDouble(props.getProperty("weight.mse")));
        assertEquals(0.5, Double.parseDouble(props.getProperty("weight.frame_variation")), "the explicit weight wins");
        assertEquals(org.lptem.leonardo.LossWeights.small().get(org.lptem.leonardo.LossTerm.VARIANCE),
                Double.parseDouble(props.getProperty("weight.variance")), "the rest is the preset's");
        assertEquals("4", props.getProperty("info.frame_prior_fits"));

        r = trainTiny(train, model, 1, "--per-frame", "--frame-latent", "1", "--frame-prior-fits", "1");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("frame prior fits:"), r.out());
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(model.toFile())) {
            props.clear();
            props.load(zip.getInputStream(zip.getEntry("leonardo.properties")));
        }
        assertEquals("1", props.getProperty("config.frameLatent"));
        assertEquals(0.3, Double.parseDouble(props.getProperty("weight.frame_variation")));
    }

    @Test
    void frameLatentsTrainGenerateAndCannotBeChangedOnResume(@TempDir Path dir) throws Exception {
        Path train = tracks(dir, "train.csv", 1);
        Path model = dir.resolve("f.leonardo");
        Path checkpoint = dir.resolve("ck.leonardo");
        CliRunner.Run r = trainTiny(train, model, 1, "--frame-latent", "2", "--checkpoint", checkpoint.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("network: length 32, latent 4 + 2 per frame, "), r.out());
        assertTrue(r.out().contains("frame prior: 2 values per frame from the previous 31, 8 mixture components"),
                r.out());
        assertTrue(r.out().matches("(?s).*\nlog extent given the latent and the decoded shape \\(step kurtosis and "
                + "size\\): sd \\d+\\.\\d{3} \\(R\\^2 -?\\d+\\.\\d{3}\\)\n.*"), r.out());
        // the prior lists the trajectory latent only and counts the 32 x 2 per-frame values
        assertTrue(r.out().matches("(?s).*prior mean:( -?\\d+\\.\\d{3}){4}\n.*\\(and 64 per-frame latent values, "
                + "not listed\\)\n.*"), r.out());
        java.util.Properties props = new java.util.Properties();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(model.toFile())) {
            props.load(zip.getInputStream(zip.getEntry("leonardo.properties")));
        }
        assertEquals("2", props.getProperty("config.frameLatent"));
        assertEquals("31", props.getProperty("frame_prior.order"));
        assertNotNull(props.getProperty("shape_extent_prior.count"), "the shape extent prior is stored");

        // refitting the priors on the training table gives the stored ones again, frame prior included
        Path refit = dir.resolve("refit.leonardo");
        r = CliRunner.lptem("leonardo", "prior", "--model", model.toString(), "--tracks", train.toString(), "--out",
                refit.toString(), "--threads", "1");
        assertEquals(0, r.code(), r.err());
        assertArrayEquals(Files.readAllBytes(model), Files.readAllBytes(refit));
        // two fits (seeds 3 and 4), the one whose samples come closer to the training windows kept
        r = CliRunner.lptem("leonardo", "prior", "--model", model.toString(), "--tracks", train.toString(), "--out",
                refit.toString(), "--threads", "1", "--frame-prior-fits", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s).*\nframe prior fits: 2, kept seed [34] \\(Frechet distance of their "
                + "samples to the training windows: \\d\\S*, \\d\\S*\\)\n.*"), r.out());
        r = CliRunner.lptem("leonardo", "prior", "--model", model.toString(), "--tracks", train.toString(), "--out",
                dir.resolve("none.leonardo").toString(), "--frame-prior-fits", "0");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("the number of frame prior fits must be at least 1, got 0"), r.err());
        assertFalse(Files.exists(dir.resolve("none.leonardo")));

        Path g = dir.resolve("g.csv");
        r = CliRunner.lptem("leonardo", "generate", "--model", model.toString(), "--n", "3", "--seed", "1", "--out",
                g.toString(), "--fix", "1=0.5");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("extent: drawn given the latent and the decoded shape"), r.out());
        assertEquals(1 + 3 * 32, Files.readAllLines(g).size());
        r = CliRunner.lptem("leonardo", "generate", "--model", model.toString(), "--n", "3", "--out",
                dir.resolve("bad.csv").toString(), "--fix", "4=0.5");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("latent dimension 4 does not exist (the model has 4, numbered 0..3)"), r.err());

        r = CliRunner.lptem("leonardo", "train", "--tracks", train.toString(), "--out",
                dir.resolve("negative.leonardo").toString(), "--frame-latent", "-1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("frame-latent must be at least 0, got -1"), r.err());
        assertFalse(Files.exists(dir.resolve("negative.leonardo")));

        r = CliRunner.lptem("leonardo", "train", "--tracks", train.toString(), "--out",
                dir.resolve("again.leonardo").toString(), "--resume", checkpoint.toString(), "--frame-latent", "1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--resume takes the network sizes from the checkpoint"), r.err());
    }

    @Test
    void priorCommandRoundTrip(@TempDir Path dir) throws Exception {
        Path train = tracks(dir, "train.csv", 1);
        Path model = dir.resolve("m.leonardo");
        CliRunner.Run r = trainTiny(train, model, 1);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("aggregate prior fitted to "), r.out());
        assertTrue(r.out().contains("KL(aggregate || N(0, I)): "), r.out());
        assertTrue(r.out().matches("(?s).*log extent \\(ln px\\): mean -?\\d+\\.\\d{3}, sd \\d+\\.\\d{3}, "
                + "sd given the latent \\d+\\.\\d{3} \\(R\\^2 -?\\d+\\.\\d{3}\\)\n.*"), r.out());

        // refitting on the training table reproduces what train stored, to the byte
        Path refit = dir.resolve("refit.leonardo");
        r = CliRunner.lptem("leonardo", "prior", "--model", model.toString(), "--tracks", train.toString(), "--out",
                refit.toString(), "--threads", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s)aggregate prior fitted to \\d+ windows of 32 frames from .*train\\.csv "
                + "\\(stride 32\\).*prior mean:( -?\\d+\\.\\d{3}){4}\n.*model written to .*"), r.out());
        assertArrayEquals(Files.readAllBytes(model), Files.readAllBytes(refit));

        // fitted on another table, the prior (and so the file) changes
        Path other = dir.resolve("other.leonardo");
        assertEquals(0, CliRunner.lptem("leonardo", "prior", "--model", model.toString(), "--tracks",
                tracks(dir, "held.csv", 2).toString(), "--out", other.toString(), "--threads", "1").code());
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(model), Files.readAllBytes(other)));

        Path agg = dir.resolve("agg.csv");
        Path std = dir.resolve("std.csv");
        r = CliRunner.lptem("leonardo", "generate", "--model", refit.toString(), "--n", "5", "--out", agg.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("latent prior: aggregate"), r.out());
        assertTrue(r.out().contains("extent: drawn jointly with the latent"), r.out());
        assertTrue(r.err().isEmpty() || !r.err().contains("note:"), r.err());
        r = CliRunner.lptem("leonardo", "generate", "--model", refit.toString(), "--n", "5", "--out", std.toString(),
                "--prior", "standard");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("latent prior: standard N(0, I)"), r.out());
        assertTrue(r.out().contains("extent: drawn from the training windows, independent of the shape"), r.out());
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(agg), Files.readAllBytes(std)));

        r = CliRunner.lptem("leonardo", "generate", "--model", refit.toString(), "--n", "5", "--out",
                dir.resolve("x.csv").toString(), "--prior", "uniform");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--prior 'uniform': expected aggregate or standard"), r.err());
        assertFalse(Files.exists(dir.resolve("x.csv")));

        Path missing = dir.resolve("missing.csv");
        r = CliRunner.lptem("leonardo", "prior", "--model", model.toString(), "--tracks", missing.toString(),
                "--out", dir.resolve("never.leonardo").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("missing.csv"), r.err());
        assertFalse(Files.exists(dir.resolve("never.leonardo")));
    }

    @Test
    void badInputIsAClearError(@TempDir Path dir) throws Exception {
        Path notModel = dir.resolve("x.leonardo");
        Files.writeString(notModel, "frame,particle,x,y\n");
        CliRunner.Run r = CliRunner.lptem("leonardo", "generate", "--model", notModel.toString(), "--n", "3", "--out",
                dir.resolve("g.csv").toString(), "--threads", "1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains(notModel + ": not a LEONARDO model"), r.err());
        assertFalse(Files.exists(dir.resolve("g.csv")));

        Path shortTracks = tracks(dir, "short.csv", 1);
        r = CliRunner.lptem("leonardo", "train", "--tracks", shortTracks.toString(), "--out",
                dir.resolve("m.leonardo").toString(), "--length", "100", "--threads", "1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("short.csv: has 0 windows of 100 consecutive frames"), r.err());
        assertFalse(Files.exists(dir.resolve("m.leonardo")));

        r = CliRunner.lptem("leonardo", "train", "--tracks", shortTracks.toString(), "--out",
                dir.resolve("m.leonardo").toString(), "--lr-schedule", "step", "--threads", "1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown learning-rate schedule 'step'"), r.err());
        assertFalse(Files.exists(dir.resolve("m.leonardo")));
    }

    /** A checkpoint of a network of another length than the preset's is resumed at its own length. */
    @Test
    void resumingTakesTheCheckpointsLength(@TempDir Path dir) throws Exception {
        Path train = tracks(dir, "train.csv", 1);
        Path ck = dir.resolve("ck.leonardo");
        CliRunner.Run first = trainTiny(train, dir.resolve("a.leonardo"), 1, "--checkpoint", ck.toString());
        assertEquals(0, first.code(), first.err());
        CliRunner.Run resumed = CliRunner.lptem("leonardo", "train", "--tracks", train.toString(), "--out",
                dir.resolve("b.leonardo").toString(), "--epochs", "2", "--batch-size", "16", "--threads", "1",
                "--resume", ck.toString());
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().matches("(?s)\\d+ windows of 32 frames from .*"), resumed.out());
        CliRunner.Run missing = CliRunner.lptem("leonardo", "train", "--tracks", train.toString(), "--out",
                dir.resolve("c.leonardo").toString(), "--resume", dir.resolve("nosuch.leonardo").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nosuch.leonardo") && missing.err().contains("does not exist"),
                missing.err());
    }
}
