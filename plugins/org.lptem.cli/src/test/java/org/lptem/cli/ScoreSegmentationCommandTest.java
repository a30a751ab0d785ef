package org.lptem.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.lptem.cli.CliRunner.lptem;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.Calibration;
import org.lptem.core.Frame;
import org.lptem.io.TiffStackWriter;

class ScoreSegmentationCommandTest {
    private static final int W = 8;
    private static final int H = 6;

    /** One frame per square: a 3 x 3 square of label {@code label} with its top-left corner at (x, 1). */
    private static Path stack(Path file, int label, int... xs) {
        try (TiffStackWriter w = TiffStackWriter.labels(file, W, H, Calibration.NONE)) {
            for (int x0 : xs) {
                short[] s = new short[W * H];
                for (int y = 1; y <= 3; y++) {
                    for (int x = x0; x < x0 + 3; x++) {
                        s[y * W + x] = (short) label;
                    }
                }
                w.write(Frame.ofShorts(W, H, s, false));
            }
        }
        return file;
    }

    @Test
    void scoresStacksInTextAndJson(@TempDir Path dir) {
        Path truth = stack(dir.resolve("truth.tif"), 1, 1, 1);
        // frame 0 predicted exactly (under another label), frame 1 one pixel to the right: IoU 6 / 12
        Path pred = stack(dir.resolve("pred.tif"), 9, 1, 2);
        CliRunner.Run r = lptem("score-segmentation", "--truth", truth.toString(), "--pred", pred.toString(),
                "--tolerance", "0");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("frames                 2"), r.out());
        assertTrue(r.out().contains("j                      0.7500"), r.out());
        assertTrue(r.out().contains("tp                     2"), r.out());
        assertTrue(r.out().contains("f1                     1.0000"), r.out());
        assertTrue(r.out().contains("centroid_error_px      0.5000"), r.out());
        assertTrue(r.out().contains("orientation_error_deg  nan"), r.out());
        CliRunner.Run json = lptem("score-segmentation", "--truth", truth.toString(), "--pred", pred.toString(),
                "--json");
        assertEquals(0, json.code(), json.err());
        for (String key : new String[] {"\"iou\": ", "\"dice\": ", "\"j_and_f\": ", "\"f1\": ",
                "\"boundary_tolerance_px\": 1"}) {
            assertTrue(json.out().contains(key), key + " in " + json.out());
        }
    }

    @Test
    void stacksOfDifferentLengthsExitWithTwo(@TempDir Path dir) {
        Path truth = stack(dir.resolve("t.tif"), 1, 1, 1);
        Path pred = stack(dir.resolve("p.tif"), 1, 1);
        CliRunner.Run r = lptem("score-segmentation", "--truth", truth.toString(), "--pred", pred.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("p.tif") && r.err().contains("has 1 frames"), r.err());
    }
}
