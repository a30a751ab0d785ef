package org.lptem.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.lptem.cli.CliRunner.lptem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.Detection;
import org.lptem.core.PixelType;
import org.lptem.core.Track;
import org.lptem.core.Video;
import org.lptem.io.DetectionsCsv;
import org.lptem.io.TracksCsv;
import org.lptem.io.VideoIO;
import org.lptem.io.samem.SamEmOutput;
import org.lptem.segment.sam2.SyntheticSam2Models;
import org.lptem.segment.sam2.SyntheticSam2Models.Convention;

class Sam2CommandTest {

    /** The demo simulation, 3 frames. */
    private static Path simulate(Path dir) {
        Path sim = dir.resolve("sim");
        CliRunner.Run r = lptem("simulate", "--preset", "demo", "--frames", "3", "--seed", "5", "--out",
                sim.toString());
        assertEquals(0, r.code(), r.err());
        return sim;
    }

    private static List<String> videoModels(Path dir) throws Exception {
        Files.write(dir.resolve("E.onnx"), SyntheticSam2Models.encoder(Convention.VIDEO, 0));
        Files.write(dir.resolve("D.onnx"), SyntheticSam2Models.decoder(Convention.VIDEO));
        Files.write(dir.resolve("M.onnx"), SyntheticSam2Models.memoryAttention());
        Files.write(dir.resolve("N.onnx"), SyntheticSam2Models.memoryEncoder());
        return List.of("--encoder", dir.resolve("E.onnx").toString(), "--decoder", dir.resolve("D.onnx").toString(),
                "--memory-attention", dir.resolve("M.onnx").toString(), "--memory-encoder",
                dir.resolve("N.onnx").toString());
    }

    private static String[] args(Object... parts) {
        List<String> a = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof List<?> l) {
                l.forEach(x -> a.add(x.toString()));
            } else {
                a.add(p.toString());
            }
        }
        return a.toArray(String[]::new);
    }

    @Test
    void boxPromptsFromATableGiveLabelsDetectionsTracksAndASamEmFolder(@TempDir Path dir) throws Exception {
        Path sim = simulate(dir);
        List<Track> truth = TracksCsv.read(sim.resolve("tracks.csv"));
        StringBuilder csv = new StringBuilder("frame,particle,x0,y0,x1,y1\n");
        for (Track t : truth) {
            Detection d = t.points().get(0);
            csv.append(String.format(java.util.Locale.ROOT, "0,%d,%d,%d,%d,%d%n", t.particle(),
                    Math.round(d.x()) - 7, Math.round(d.y()) - 7, Math.round(d.x()) + 7, Math.round(d.y()) + 7));
        }
        Path prompts = dir.resolve("prompts.csv");
        Files.writeString(prompts, csv);
        Path out = dir.resolve("seg");
        CliRunner.Run r = lptem(args("segment", sim.resolve("video.tif"), "--method", "sam2", videoModels(dir),
                "--prompts", prompts, "--memory-frames", "3", "--out", out));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("segmented 3 frames of") && r.out().contains("sam2 video export"), r.out());
        try (Video labels = VideoIO.open(out.resolve("labels.tif"))) {
            assertEquals(3, labels.frameCount());
            assertEquals(PixelType.UINT16, labels.pixelType());
        }
        List<Detection> detections = DetectionsCsv.read(out.resolve("detections.csv"));
        Map<Integer, Detection> frame0 = detections.stream().filter(d -> d.frame() == 0)
                .collect(Collectors.toMap(Detection::label, d -> d));
        for (Track t : truth) {
            Detection p = frame0.get(t.particle());
            assertNotNull(p, "particle " + t.particle() + " on frame 0");
            // on the prompted frame the echo decoder returns the box: its centre is the rounded true centre
            assertEquals(Math.round(t.points().get(0).x()), p.x(), 0.5);
            assertEquals(Math.round(t.points().get(0).y()), p.y(), 0.5);
        }
        assertEquals(List.of(0, 1, 2), SamEmOutput.frames(out.resolve("samem")));
        SamEmOutput.FrameMasks masks = SamEmOutput.readFrame(out.resolve("samem"), 0);
        assertEquals(256, masks.width());
        assertEquals(frame0.size(), masks.objIds().length);
        try (Video labels = VideoIO.open(out.resolve("labels.tif"))) {
            int[] fromNpz = masks.toLabels("npz");
            for (int i = 0; i < fromNpz.length; i++) {
                assertEquals(fromNpz[i], (int) labels.frame(0).get(i), "pixel " + i);
            }
        }
        List<Detection> rows = SamEmOutput.readTrajectories(out.resolve("samem"));
        assertEquals(detections.size(), rows.size());
        for (int k = 0; k < rows.size(); k++) {
            assertEquals(detections.get(k).x(), rows.get(k).x(), 1e-9);
            assertEquals(detections.get(k).label(), rows.get(k).label());
        }
        assertTrue(Files.isRegularFile(out.resolve("tracks.csv")));
    }

    @Test
    void automaticPromptsWithAnImageOnlyExport(@TempDir Path dir) throws Exception {
        Path sim = simulate(dir);
        Files.write(dir.resolve("E.onnx"), SyntheticSam2Models.encoder(Convention.IMAGE_B, 0));
        Files.write(dir.resolve("D.onnx"), SyntheticSam2Models.decoder(Convention.IMAGE_B));
        Path out = dir.resolve("auto");
        CliRunner.Run r = lptem(args("segment", sim.resolve("video.tif"), "--method", "sam2", "--encoder",
                dir.resolve("E.onnx"), "--decoder", dir.resolve("D.onnx"), "--auto", "--min-radius", "5",
                "--max-radius", "10", "--normalization", "half", "--out", out));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("image-only export"), r.out());
        long first = DetectionsCsv.read(out.resolve("detections.csv")).stream().filter(d -> d.frame() == 0).count();
        assertTrue(first >= 6, first + " particles prompted automatically on frame 0 of 8");
    }

    @Test
    void badModelsAndOptionsFailCleanlyWithoutOutput(@TempDir Path dir) throws Exception {
        Path sim = simulate(dir);
        List<String> models = videoModels(dir);
        Path out = dir.resolve("bad");
        CliRunner.Run swapped = lptem(args("segment", sim.resolve("video.tif"), "--method", "sam2", "--encoder",
                models.get(3), "--decoder", models.get(1), "--auto", "--out", out));
        assertEquals(2, swapped.code(), swapped.err());
        assertTrue(swapped.err().contains("D.onnx: not a SAM2 image encoder") && swapped.err().contains(
                "wrong order"), swapped.err());
        assertFalse(Files.exists(out));
        CliRunner.Run noPrompts = lptem(args("segment", sim.resolve("video.tif"), "--method", "sam2", models,
                "--out", out));
        assertEquals(2, noPrompts.code(), noPrompts.err());
        assertTrue(noPrompts.err().contains("needs prompts"), noPrompts.err());
        Path prompts = dir.resolve("p.csv");
        Files.writeString(prompts, "frame,particle,x0,y0,x1,y1\n9,1,1,1,5,5\n");
        CliRunner.Run late = lptem(args("segment", sim.resolve("video.tif"), "--method", "sam2", models,
                "--prompts", prompts, "--out", out));
        assertEquals(2, late.code(), late.err());
        assertTrue(late.err().contains("p.csv: line 2: frame 9 is not among the analysed frames"), late.err());
        CliRunner.Run norm = lptem(args("segment", sim.resolve("video.tif"), "--method", "sam2", models, "--auto",
                "--normalization", "zscore", "--out", out));
        assertEquals(2, norm.code(), norm.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void benchPrintsOnnxRuntimeAndJavaTimes() {
        CliRunner.Run r = lptem("bench-sam2", "--frames", "2", "--size", "96", "--particles", "2",
                "--synthetic-layers", "1");
        assertEquals(0, r.code(), r.err());
        double ort = value(r.out(), "onnx_runtime_ms_per_frame");
        double java = value(r.out(), "java_ms_per_frame");
        assertTrue(ort > 0 && java > 0, r.out());
        assertEquals(java / ort, value(r.out(), "java_to_onnx_runtime"), 0.01 + 1e-3 * java / ort);
        assertTrue(r.out().contains("\nmodel_set generated-video-1-layers\n"), r.out());
        // one 256 -> 256 1x1 convolution over 64 x 64 is 2 * 256^2 * 4096 = 0.54 GFLOP, far below SAM2.1-tiny
        assertTrue(r.out().contains("the generated encoder computes 0.5 GFLOP per frame"), r.out());
        assertTrue(r.out().contains("is an upper bound for real exports"), r.out());
        assertTrue(r.out().contains("\njava_side: from a frame in memory to its labels and detections"), r.out());
        assertTrue(r.out().contains("no video reading or decoding is included"), r.out());
        assertTrue(value(r.out(), "java_cpu_ms_per_frame") > 0, r.out());
        assertTrue(r.out().contains("\nload_average "), r.out());
        // the video decoder's 1024^2 memory mask (11 operations per value) dominates its 0.013 GFLOP; SAM2.1-tiny's
        // memory attention pairs 4096 tokens with 7 x 4096 memory tokens at 64 channels, twice: 30 GFLOP
        assertTrue(r.out().contains("per tracked object decoder 0.013, memory attention 0.007 (7 memories), memory "
                + "encoder 0.003. SAM2.1-tiny: encoder over 40 per frame; memory attention over 30 per tracked "
                + "object"), r.out());
    }

    private static double value(String out, String key) {
        return Double.parseDouble(out.lines().filter(l -> l.startsWith(key + " ")).findFirst().orElseThrow()
                .substring(key.length() + 1).trim());
    }
}
