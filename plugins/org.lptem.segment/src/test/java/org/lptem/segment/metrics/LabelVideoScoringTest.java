package org.lptem.segment.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lptem.core.CanceledException;
import org.lptem.core.Calibration;
import org.lptem.core.Frame;
import org.lptem.core.InMemoryVideo;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;

class LabelVideoScoringTest {
    private static final int W = 12;
    private static final int H = 8;

    /** Label frame with one square of {@code label} whose top-left corner is at (x0, y0), side {@code side}. */
    private static Frame square(int label, int x0, int y0, int side) {
        short[] s = new short[W * H];
        for (int y = y0; y < y0 + side; y++) {
            for (int x = x0; x < x0 + side; x++) {
                s[y * W + x] = (short) label;
            }
        }
        return Frame.ofShorts(W, H, s, false);
    }

    private static InMemoryVideo video(String name, Frame... frames) {
        return new InMemoryVideo(name, List.of(frames), Calibration.NONE);
    }

    @Test
    void perFrameAndOverallScores() {
        // frame 0: perfect; frame 1: the 4 x 4 square shifted 2 px right (IoU 8/24, centroid error 2 px)
        InMemoryVideo truth = video("truth", square(1, 2, 2, 4), square(1, 2, 2, 4));
        InMemoryVideo pred = video("pred", square(3, 2, 2, 4), square(9, 4, 2, 4));
        List<LabelVideoScoring.FrameScores> frames = new ArrayList<>();
        SegmentationScores all = LabelVideoScoring.score(truth, pred, 1, Progress.NONE, frames::add);

        assertEquals(2, frames.size());
        assertEquals(0, frames.get(0).frame());
        assertEquals(1, frames.get(0).scores().iou(), 1e-12);
        assertEquals(0, frames.get(0).scores().centroidErrorPx(), 1e-12);
        assertEquals(1, frames.get(0).scores().f1(), 1e-12);
        assertEquals(8.0 / 24, frames.get(1).scores().iou(), 1e-12);
        assertEquals(2, frames.get(1).scores().centroidErrorPx(), 1e-12);
        assertEquals(0, frames.get(1).scores().f1(), 1e-12, "IoU 1/3 < 0.5 is no detection");

        assertEquals(2, all.frames());
        assertEquals((1 + 8.0 / 24) / 2, all.iou(), 1e-12);
        assertEquals(1, all.centroidErrorPx(), 1e-12);
        assertEquals(1, all.truePositives());
        assertEquals(1, all.falsePositives());
        assertEquals(1, all.falseNegatives());
    }

    @Test
    void overallCentroidErrorWeighsObjectsNotFrames() {
        // frame 0: two objects, both exact; frame 1: one object 3 px off. Mean over pairs = 3 / 3 = 1, not 1.5.
        short[] two = new short[W * H];
        Frame a = square(1, 0, 0, 3);
        Frame b = square(2, 6, 4, 3);
        for (int i = 0; i < two.length; i++) {
            two[i] = (short) Math.max(a.get(i), b.get(i));
        }
        Frame both = Frame.ofShorts(W, H, two, false);
        InMemoryVideo truth = video("truth", both, square(1, 0, 0, 4));
        InMemoryVideo pred = video("pred", both, square(1, 3, 0, 4));
        List<LabelVideoScoring.FrameScores> frames = new ArrayList<>();
        SegmentationScores all = LabelVideoScoring.score(truth, pred, 1, Progress.NONE, frames::add);
        assertEquals(3, frames.get(1).scores().centroidErrorPx(), 1e-12);
        assertEquals(1, all.centroidErrorPx(), 1e-12);
    }

    @Test
    void mismatchedVideosNameBothSources() {
        InMemoryVideo truth = video("truth.tif", square(1, 0, 0, 2), square(1, 0, 0, 2));
        InMemoryVideo pred = video("pred.tif", square(1, 0, 0, 2));
        LptemException e = assertThrows(LptemException.class,
                () -> LabelVideoScoring.score(truth, pred, Double.NaN, Progress.NONE, f -> { }));
        assertTrue(e.getMessage().contains("truth.tif") && e.getMessage().contains("pred.tif"), e.getMessage());
    }

    @Test
    void floatFramesAreNotLabels() {
        InMemoryVideo truth = video("truth.tif", Frame.ofFloats(W, H, new float[W * H]));
        InMemoryVideo pred = video("pred.tif", square(1, 0, 0, 2));
        LptemException e = assertThrows(LptemException.class,
                () -> LabelVideoScoring.score(truth, pred, Double.NaN, Progress.NONE, f -> { }));
        assertTrue(e.getMessage().contains("truth.tif"), e.getMessage());
    }

    @Test
    void cancelStopsBeforeTheNextFrame() {
        InMemoryVideo v = video("v", square(1, 0, 0, 2), square(1, 0, 0, 2), square(1, 0, 0, 2));
        int[] checks = {0};
        Progress cancelSecond = new Progress() {
            @Override
            public void report(double fraction, String message) {
            }

            @Override
            public void checkCanceled() {
                if (++checks[0] == 2) {
                    throw new CanceledException();
                }
            }
        };
        List<LabelVideoScoring.FrameScores> frames = new ArrayList<>();
        assertThrows(CanceledException.class, () -> LabelVideoScoring.score(v, v, 1, cancelSecond, frames::add));
        assertEquals(1, frames.size());
    }
}
