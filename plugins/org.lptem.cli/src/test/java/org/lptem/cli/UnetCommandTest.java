package org.lptem.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.lptem.cli.CliRunner.lptem;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.ml.onnx.OnnxModel;
import org.lptem.segment.onnx.RegionClassifier;

class UnetCommandTest {
    /** A very small network on a few crops: this checks the command, not the model's quality. */
    private static CliRunner.Run train(Path model, String seed) {
        return lptem("unet", "train", "--out", model.toString(), "--presets", "thickness-50nm,multi", "--samples",
                "12", "--epochs", "2", "--crop", "64", "--depth", "2", "--channels", "2", "--batch", "4", "--seed",
                seed);
    }

    @Test
    void trainsAModelWithItsRecordAndSegmentRunsIt(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("models/m.onnx");
        CliRunner.Run r = train(model, "3");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("trained a U-Net (depth 2, 2 channels"), r.out());
        String record = Files.readString(dir.resolve("models/m.json"));
        assertTrue(record.contains("\"command\": \"lptem unet train --out " + model), record);
        assertTrue(record.contains("\"complete\": true"), record);
        assertTrue(record.contains("\"seed\": 3"), record);
        assertTrue(record.contains("\"thickness-50nm\""), record);
        assertTrue(record.contains("\"epoch\": 2"), record);
        assertTrue(record.contains("\"validation_loss\""), record);
        assertEquals(2, Files.list(dir.resolve("models")).count(), "no temporary files left");

        Path sim = dir.resolve("sim");
        assertEquals(0, lptem("simulate", "--preset", "demo", "--frames", "2", "--seed", "3", "--out",
                sim.toString()).code());
        Path seg = dir.resolve("seg");
        CliRunner.Run s = lptem("segment", sim.resolve("video.tif").toString(), "--method", "unet", "--model",
                model.toString(), "--out", seg.toString());
        assertEquals(0, s.code(), s.err());
        assertTrue(s.out().contains("unet m.onnx"), s.out());
        assertTrue(Files.exists(seg.resolve("labels.tif")));
    }

    @Test
    void segmentAndTheBenchmarkUseTheShippedUnetByDefault(@TempDir Path dir) throws Exception {
        Path sim = dir.resolve("sim");
        assertEquals(0, lptem("simulate", "--preset", "thickness-50nm", "--frames", "2", "--out", sim.toString())
                .code());
        Path seg = dir.resolve("seg");
        CliRunner.Run s = lptem("segment", sim.resolve("video.tif").toString(), "--method", "unet", "--out",
                seg.toString());
        assertEquals(0, s.code(), s.err());
        assertTrue(s.out().contains("unet default-unet.onnx"), s.out());
        CliRunner.Run score = lptem("score-segmentation", "--truth", sim.resolve("labels.tif").toString(), "--pred",
                seg.resolve("labels.tif").toString());
        assertEquals(0, score.code(), score.err());
        double f1 = Double.parseDouble(score.out().lines().filter(l -> l.startsWith("f1 ")).findFirst()
                .orElseThrow().substring(3).trim());
        assertEquals(1.0, f1, 1e-9, score.out());

        CliRunner.Run bench = lptem("bench-segmentation", "--presets", "thickness-50nm", "--methods",
                "classical,unet", "--frames", "1", "--accuracy-only");
        assertEquals(0, bench.code(), bench.err());
        String row = bench.out().lines().filter(l -> l.startsWith("thickness-50nm   unet")).findFirst()
                .orElseThrow(() -> new AssertionError(bench.out()));
        String[] cells = row.trim().split("\\s+");
        double ms = Double.parseDouble(cells[cells.length - 2]);
        double onnxMs = Double.parseDouble(cells[cells.length - 1]);
        assertTrue(onnxMs > 0 && onnxMs <= ms, row);
    }

    @Test
    void analyzeTracksTheDemoWithTheUnet(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("demo");
        CliRunner.Run r = lptem("analyze", "--demo", "--segmentation", "unet", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        java.util.List<org.lptem.core.Track> tracks = org.lptem.io.TracksCsv.read(out.resolve("tracks.csv"));
        long whole = tracks.stream().filter(t -> t.size() >= 48).count();
        // the demo's 8 spheres, most followed through at least 80 % of its 60 frames
        assertTrue(whole >= 7 && tracks.size() <= 12, whole + " long tracks of " + tracks.size());

        CliRunner.Run bad = lptem("analyze", "--demo", "--segmentation", "sam", "--out", dir.resolve("x").toString());
        assertEquals(Main.BAD_INPUT, bad.code());
        assertTrue(bad.err().contains("--segmentation 'sam' is not one of classical, unet"), bad.err());
        CliRunner.Run bright = lptem("analyze", "--demo", "--segmentation", "unet", "--polarity", "BRIGHT", "--out",
                dir.resolve("y").toString());
        assertEquals(Main.BAD_INPUT, bright.code());
        assertTrue(bright.err().contains("dark particles"), bright.err());
        assertFalse(Files.exists(dir.resolve("x")) || Files.exists(dir.resolve("y")));
    }

    @Test
    void theSameSeedWritesTheSameModel(@TempDir Path dir) throws Exception {
        assertEquals(0, train(dir.resolve("a.onnx"), "5").code());
        assertEquals(0, train(dir.resolve("b.onnx"), "5").code());
        assertEquals(0, train(dir.resolve("c.onnx"), "6").code());
        // the files differ only in the command line they record: the weights must be the same to the bit
        float[] a = run(dir.resolve("a.onnx"));
        assertArrayEquals(a, run(dir.resolve("b.onnx")));
        assertFalse(java.util.Arrays.equals(a, run(dir.resolve("c.onnx"))));
    }

    private static float[] run(Path model) {
        float[] x = new float[40 * 24];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.sin(0.37 * i);
        }
        try (OnnxModel m = OnnxModel.load(model, ExecutionDevice.CPU)) {
            return m.run("image", x, new long[] {1, 1, 24, 40}, "probability");
        }
    }

    @Test
    void trainsOnMeansOfFramesWhenAsked(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("m3.onnx");
        CliRunner.Run r = lptem("unet", "train", "--out", model.toString(), "--presets", "multi", "--samples", "8",
                "--epochs", "1", "--crop", "64", "--depth", "2", "--channels", "2", "--batch", "4",
                "--average-frames", "3");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(dir.resolve("m3.json")).contains("\"averaged_frames\": 3"));
        Path sim = dir.resolve("sim");
        assertEquals(0, lptem("simulate", "--preset", "demo", "--frames", "3", "--out", sim.toString()).code());
        CliRunner.Run single = lptem("segment", sim.resolve("video.tif").toString(), "--method", "onnx", "--model",
                model.toString(), "--out", dir.resolve("seg1").toString());
        assertEquals(Main.BAD_INPUT, single.code());
        assertTrue(single.err().contains("(m3.json) was trained on means of 3 frame(s)")
                && single.err().contains("average 3 frame(s) to segment with it, not 1"), single.err());
        assertEquals(0, lptem("segment", sim.resolve("video.tif").toString(), "--method", "onnx", "--model",
                model.toString(), "--average-frames", "3", "--out", dir.resolve("seg3").toString()).code());
        CliRunner.Run even = lptem("unet", "train", "--out", dir.resolve("e.onnx").toString(), "--average-frames",
                "2");
        assertEquals(Main.BAD_INPUT, even.code());
        assertTrue(even.err().contains("odd number"), even.err());
    }

    @Test
    void fitsARegionClassifierThatTheSegmenterCanRead(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("c.json");
        CliRunner.Run r = lptem("unet", "train-classifier", "--out", out.toString(), "--presets", "multi",
                "--videos", "10", "--seed", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("fitted a region classifier on "), r.out());
        String json = Files.readString(out);
        RegionClassifier c = RegionClassifier.fromJson(json, out.toString());
        assertEquals(3, c.averagedFrames());
        assertEquals(0.5, c.threshold());
        assertTrue(json.contains("\"command\": \"lptem unet train-classifier --out " + out), json);
        assertTrue(json.contains("\"videos\": 10"), json);
        assertTrue(json.contains("\"particles_kept\""), json);
        // the same seed gives the same bytes but for the time taken
        Path again = dir.resolve("again.json");
        assertEquals(0, lptem("unet", "train-classifier", "--out", again.toString(), "--presets", "multi",
                "--videos", "10", "--seed", "2").code());
        assertEquals(c, RegionClassifier.fromJson(Files.readString(again), again.toString()));

        // segment applies it to the network it was fitted for, given as --model
        Path unet = dir.resolve("default.onnx");
        Files.write(unet, org.lptem.segment.unet.DefaultUnet.mean3Bytes()); // the network it was fitted on
        Path sim = dir.resolve("sim");
        assertEquals(0, lptem("simulate", "--preset", "multi", "--frames", "3", "--out", sim.toString()).code());
        Path seg = dir.resolve("seg");
        CliRunner.Run s = lptem("segment", sim.resolve("video.tif").toString(), "--method", "onnx", "--model",
                unet.toString(), "--classifier", out.toString(), "--average-frames", "3", "--out", seg.toString());
        assertEquals(0, s.code(), s.err());
        assertTrue(Files.exists(seg.resolve("labels.tif")));
        CliRunner.Run single = lptem("segment", sim.resolve("video.tif").toString(), "--method", "onnx", "--model",
                unet.toString(), "--classifier", out.toString(), "--out", dir.resolve("seg1").toString());
        assertEquals(Main.BAD_INPUT, single.code());
        assertTrue(single.err().contains("fitted on means of 3 frames; segment with --average-frames 3"),
                single.err());
        CliRunner.Run lower = lptem("segment", sim.resolve("video.tif").toString(), "--method", "onnx", "--model",
                unet.toString(), "--classifier", out.toString(), "--average-frames", "3", "--probability", "0.4",
                "--out", dir.resolve("seg3").toString());
        assertEquals(Main.BAD_INPUT, lower.code());
        assertTrue(lower.err().contains("leave --probability at that"), lower.err());
        CliRunner.Run alone = lptem("segment", sim.resolve("video.tif").toString(), "--method", "unet",
                "--classifier", out.toString(), "--average-frames", "3", "--out", dir.resolve("seg2").toString());
        assertEquals(Main.BAD_INPUT, alone.code());
        assertTrue(alone.err().contains("--classifier goes with --model"), alone.err());
        assertFalse(Files.exists(dir.resolve("seg1")) || Files.exists(dir.resolve("seg2")));

        CliRunner.Run even = lptem("unet", "train-classifier", "--out", dir.resolve("e.json").toString(),
                "--average-frames", "2");
        assertEquals(Main.BAD_INPUT, even.code());
        assertTrue(even.err().contains("odd --average-frames"), even.err());
        assertFalse(Files.exists(dir.resolve("e.json")));
        CliRunner.Run txt = lptem("unet", "train-classifier", "--out", dir.resolve("c.txt").toString());
        assertEquals(Main.BAD_INPUT, txt.code());
        assertTrue(txt.err().contains("--out must name a .json file"), txt.err());
        CliRunner.Run one = lptem("unet", "train-classifier", "--out", dir.resolve("o.json").toString(), "--videos",
                "1");
        assertEquals(Main.BAD_INPUT, one.code());
        assertTrue(one.err().contains("--videos >= 2"), one.err());
        assertFalse(Files.exists(dir.resolve("c.txt")) || Files.exists(dir.resolve("o.json")));
    }

    @Test
    void theBenchmarkScoresTheUnetOnMeansOfThreeFrames() {
        CliRunner.Run bench = lptem("bench-segmentation", "--presets", "multi", "--methods", "unet,unet-mean3",
                "--frames", "2", "--accuracy-only");
        assertEquals(0, bench.code(), bench.err());
        String row = bench.out().lines().filter(l -> l.startsWith("multi            unet-mean3")).findFirst()
                .orElseThrow(() -> new AssertionError(bench.out()));
        String[] cells = row.trim().split("\\s+");
        assertTrue(Double.parseDouble(cells[11]) > 0.9, "F1 on the benchmark's first two frames: " + row);
    }

    @Test
    void badOptionsAreClearErrorsAndWriteNothing(@TempDir Path dir) throws Exception {
        CliRunner.Run crop = lptem("unet", "train", "--out", dir.resolve("m.onnx").toString(), "--crop", "100",
                "--depth", "4");
        assertEquals(Main.BAD_INPUT, crop.code());
        assertTrue(crop.err().contains("--crop 100 px must be a multiple of 8"), crop.err());
        CliRunner.Run name = lptem("unet", "train", "--out", dir.resolve("m.txt").toString());
        assertEquals(Main.BAD_INPUT, name.code());
        assertTrue(name.err().contains(".onnx"), name.err());
        CliRunner.Run preset = lptem("unet", "train", "--out", dir.resolve("m.onnx").toString(), "--presets",
                "rods");
        assertEquals(Main.BAD_INPUT, preset.code());
        assertTrue(preset.err().contains("unknown preset 'rods'"), preset.err());
        CliRunner.Run big = lptem("unet", "train", "--out", dir.resolve("m.onnx").toString(), "--presets",
                "thickness-5nm", "--crop", "1024");
        assertEquals(Main.BAD_INPUT, big.code());
        assertTrue(big.err().contains("larger than preset thickness-5nm"), big.err());
        assertEquals(0, Files.list(dir).count());
        assertEquals(Main.BAD_INPUT, lptem("unet").code());
    }
}
