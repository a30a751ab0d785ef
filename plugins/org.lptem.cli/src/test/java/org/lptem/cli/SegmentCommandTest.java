package org.lptem.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.lptem.cli.CliRunner.lptem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.Detection;
import org.lptem.core.PixelType;
import org.lptem.core.Video;
import org.lptem.io.DetectionsCsv;
import org.lptem.io.VideoIO;
import org.lptem.segment.onnx.BlobFilterModel;

class SegmentCommandTest {

    /** The demo simulation (8 spheres of radius 7 px, SNR ~3), 4 frames: video.tif and labels.tif. */
    private static Path simulate(Path dir) {
        Path sim = dir.resolve("sim");
        CliRunner.Run r = lptem("simulate", "--preset", "demo", "--frames", "4", "--seed", "3", "--out",
                sim.toString());
        assertEquals(0, r.code(), r.err());
        return sim;
    }

    @Test
    void writesLabelsAndDetectionsThatScoreAgainstTheTruth(@TempDir Path dir) throws Exception {
        Path sim = simulate(dir);
        Path out = dir.resolve("seg");
        CliRunner.Run r = lptem("segment", sim.resolve("video.tif").toString(), "--out", out.toString(),
                "--min-radius", "5", "--max-radius", "10");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("segmented 4 frames of "), r.out());
        try (Video labels = VideoIO.open(out.resolve("labels.tif"))) {
            assertEquals(4, labels.frameCount());
            assertEquals(PixelType.UINT16, labels.pixelType());
            assertEquals(256, labels.width());
        }
        List<Detection> detections = DetectionsCsv.read(out.resolve("detections.csv"));
        for (int f = 0; f < 4; f++) {
            int frame = f;
            long n = detections.stream().filter(d -> d.frame() == frame).count();
            assertTrue(n >= 7 && n <= 9, n + " detections in frame " + f + " of 8 particles");
        }
        CliRunner.Run score = lptem("score-segmentation", "--truth", sim.resolve("labels.tif").toString(), "--pred",
                out.resolve("labels.tif").toString());
        assertEquals(0, score.code(), score.err());
        double f1 = Double.parseDouble(score.out().lines().filter(l -> l.startsWith("f1 ")).findFirst()
                .orElseThrow().substring(3).trim());
        assertTrue(f1 > 0.9, "detection F1 at IoU 0.5 on the demo: " + score.out());
    }

    @Test
    void aNetworkSegmentsThroughOnnxRuntime(@TempDir Path dir) throws Exception {
        Path sim = simulate(dir);
        Path net = dir.resolve("dog.onnx");
        Files.write(net, BlobFilterModel.build(5, true, 1, 4));
        Path out = dir.resolve("net");
        CliRunner.Run r = lptem("segment", sim.resolve("video.tif").toString(), "--method", "onnx", "--model",
                net.toString(), "--frames", "1:3", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("segmented 2 frames") && r.out().contains("onnx dog.onnx"), r.out());
        List<Detection> detections = DetectionsCsv.read(out.resolve("detections.csv"));
        assertFalse(detections.isEmpty());
        assertTrue(detections.stream().allMatch(d -> d.frame() <= 1 && d.score() >= 0.5), detections.toString());
    }

    @Test
    void badMethodsAndMissingModelsExitWithTwoAndWriteNothing(@TempDir Path dir) {
        Path sim = simulate(dir);
        String video = sim.resolve("video.tif").toString();
        Path out = dir.resolve("none");
        CliRunner.Run bad = lptem("segment", video, "--method", "sam", "--out", out.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--method 'sam' is not one of classical, onnx, unet"), bad.err());
        CliRunner.Run noModel = lptem("segment", video, "--method", "onnx", "--out", out.toString());
        assertEquals(2, noModel.code());
        assertTrue(noModel.err().contains("needs --model"), noModel.err());
        CliRunner.Run badRadius = lptem("segment", video, "--min-radius", "9", "--max-radius", "4", "--out",
                out.toString());
        assertEquals(2, badRadius.code());
        assertTrue(badRadius.err().contains("largest particle radius"), badRadius.err());
        CliRunner.Run ignored = lptem("segment", video, "--model", "m.onnx", "--probability", "0.7", "--out",
                out.toString());
        assertEquals(2, ignored.code());
        assertTrue(ignored.err().contains("--model, --probability apply to --method unet and onnx only"),
                ignored.err());
        CliRunner.Run probability = lptem("segment", video, "--method", "unet", "--probability", "1.5", "--out",
                out.toString());
        assertEquals(2, probability.code());
        assertTrue(probability.err().contains("--probability must be between 0 and 1, got 1.5"), probability.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void averagingFramesBeforeSegmenting(@TempDir Path dir) throws Exception {
        Path sim = simulate(dir);
        Path out = dir.resolve("avg");
        CliRunner.Run r = lptem("segment", sim.resolve("video.tif").toString(), "--method", "classical",
                "--average-frames", "3", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        try (org.lptem.core.Video labels = org.lptem.io.VideoIO.open(out.resolve("labels.tif"))) {
            assertEquals(4, labels.frameCount(), "one label frame per video frame");
        }
        Path single = dir.resolve("single");
        assertEquals(0, lptem("segment", sim.resolve("video.tif").toString(), "--method", "classical", "--out",
                single.toString()).code());
        assertNotEquals(java.nio.file.Files.readString(single.resolve("detections.csv")),
                java.nio.file.Files.readString(out.resolve("detections.csv")), "the averaged frames were segmented");
        CliRunner.Run even = lptem("segment", sim.resolve("video.tif").toString(), "--average-frames", "2",
                "--out", dir.resolve("even").toString());
        assertEquals(2, even.code());
        assertTrue(even.err().contains("odd number"), even.err());
        assertFalse(java.nio.file.Files.exists(dir.resolve("even")));
    }
}
