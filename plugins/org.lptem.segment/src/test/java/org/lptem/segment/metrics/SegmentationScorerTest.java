package org.lptem.segment.metrics;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.lptem.core.Frame;
import org.lptem.core.LptemException;

class SegmentationScorerTest {
    private static final int W = 10;
    private static final int H = 6;

    private static void fill(int[] image, int label, int x0, int y0, int x1, int y1) {
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                image[y * W + x] = label;
            }
        }
    }

    /**
     * Truth: a 3 x 3 square (label 1) and a vertical 2 x 4 bar (label 2). Prediction: the square one pixel to the
     * right (IoU 6/12), the bar one pixel down (IoU 6/10), and a stray pixel.
     */
    private static SegmentationScores scoreExample(double tolerance) {
        return scoreExample(tolerance, new int[] {1, 2}, new int[] {5, 7, 9});
    }

    /** The example with the square and bar labelled {@code truthIds}, the predictions {@code predIds}. */
    private static SegmentationScores scoreExample(double tolerance, int[] truthIds, int[] predIds) {
        int[] truth = new int[W * H];
        fill(truth, truthIds[0], 1, 1, 3, 3);
        fill(truth, truthIds[1], 6, 1, 7, 4);
        int[] pred = new int[W * H];
        fill(pred, predIds[0], 2, 1, 4, 3);
        fill(pred, predIds[1], 6, 2, 7, 5);
        fill(pred, predIds[2], 9, 5, 9, 5);
        SegmentationScorer scorer = new SegmentationScorer(tolerance);
        scorer.add(truth, pred, W, H);
        return scorer.scores();
    }

    @Test
    void handComputedExample() {
        SegmentationScores s = scoreExample(5);
        assertEquals(1, s.frames());
        assertEquals(2, s.truthObjects());
        assertEquals(3, s.predObjects());
        // foregrounds: 17 and 18 pixels, 12 shared
        assertEquals(12.0 / 23, s.iou(), 1e-12);
        assertEquals(24.0 / 35, s.dice(), 1e-12);
        assertEquals((0.5 + 0.6) / 2, s.j(), 1e-12);
        // every boundary pixel lies within 5 px of the other's: F = 1
        assertEquals(1, s.f(), 1e-12);
        assertEquals((0.55 + 1) / 2, s.jAndF(), 1e-12);
        // IoU 0.5 is a match (>=), the stray pixel a false positive
        assertEquals(2, s.truePositives());
        assertEquals(1, s.falsePositives());
        assertEquals(0, s.falseNegatives());
        assertEquals(2.0 / 3, s.precision(), 1e-12);
        assertEquals(1, s.recall(), 1e-12);
        assertEquals(0.8, s.f1(), 1e-12);
        // both pairs are one pixel apart
        assertEquals(1, s.centroidErrorPx(), 1e-12);
        // only the bar is elongated (axis ratio sqrt 5); both bars stand at 90 degrees
        assertEquals(1, s.orientedPairs());
        assertEquals(0, s.orientationErrorDeg(), 1e-9);
        assertEquals(5, s.boundaryTolerancePx());
    }

    @Test
    void tightToleranceLowersOnlyF() {
        SegmentationScores loose = scoreExample(5);
        SegmentationScores tight = scoreExample(0);
        assertTrue(tight.f() < 0.8, "a one-pixel shift at tolerance 0: " + tight.f());
        assertEquals(loose.j(), tight.j());
        assertEquals(loose.f1(), tight.f1());
    }

    @Test
    void davisToleranceIsTheDefault() {
        SegmentationScorer scorer = new SegmentationScorer();
        scorer.add(new int[512 * 512], new int[512 * 512], 512, 512);
        SegmentationScores s = scorer.scores();
        assertEquals(6, s.boundaryTolerancePx());
        assertTrue(Double.isNaN(s.j()), "no true object: J is undefined");
        assertEquals(1, s.iou());
    }

    @Test
    void framesAccumulate() {
        int[] truth = new int[W * H];
        fill(truth, 1, 0, 0, 3, 1);
        int[] half = new int[W * H];
        fill(half, 1, 0, 0, 1, 1);
        SegmentationScorer scorer = new SegmentationScorer(1);
        scorer.add(truth, truth, W, H);
        scorer.add(truth, half, W, H);
        scorer.add(truth, new int[W * H], W, H);
        SegmentationScores s = scorer.scores();
        assertEquals(3, s.frames());
        assertEquals((1 + 0.5 + 0) / 3, s.iou(), 1e-12);
        assertEquals((1 + 0.5 + 0) / 3, s.j(), 1e-12);
        // the half at IoU 0.5 still counts as found; the empty frame misses one
        assertEquals(2, s.truePositives());
        assertEquals(1, s.falseNegatives());
        assertEquals(0, s.falsePositives());
    }

    @Test
    void orientationDifferenceIsModulo180() {
        assertEquals(10, SegmentationScorer.orientationDifference(85, -85), 1e-12);
        assertEquals(0, SegmentationScorer.orientationDifference(90, -90), 1e-12);
        assertEquals(45, SegmentationScorer.orientationDifference(0, 45), 1e-12);
        assertEquals(90, SegmentationScorer.orientationDifference(0, 90), 1e-12);
    }

    @Test
    void labelFramesMustBeIntegerAndTheSameSize() {
        SegmentationScorer scorer = new SegmentationScorer();
        Frame a = Frame.ofShorts(2, 2, new short[] {0, 1, 1, (short) 40000}, false);
        assertArrayEquals(new int[] {0, 1, 1, 40000}, SegmentationScorer.labelsOf(a));
        assertThrows(LptemException.class, () -> scorer.add(a, Frame.ofShorts(1, 4, new short[4], false)));
        assertThrows(LptemException.class, () -> SegmentationScorer.labelsOf(Frame.ofFloats(1, 1, new float[1])));
        assertThrows(LptemException.class,
                () -> SegmentationScorer.labelsOf(Frame.ofShorts(1, 1, new short[] {-3}, true)));
    }

    /** Ids are the caller's (a tracker's object ids): arrays sized by the largest one ran out of memory. */
    @Test
    void labelIdsAsLargeAsAnIntScoreAsSmallOnes() {
        SegmentationScores small = scoreExample(5);
        SegmentationScores huge = scoreExample(5, new int[] {7, 2_000_000_000},
                new int[] {3, 1_999_999_999, Integer.MAX_VALUE});
        assertEquals(small, huge);
        assertEquals((0.5 + 0.6) / 2, huge.j(), 1e-12);
        assertEquals(1, huge.orientedPairs());
    }

    /**
     * A single true pixel has no axis (both axes 0), so it passed "major >= 1.2 minor" and counted a 90 degree
     * error against a two-pixel prediction; a one-pixel-wide line (minor axis 0) has an exact axis and still counts.
     */
    @Test
    void onlyRegionsWithAnAxisHaveTheirOrientationScored() {
        int[] dot = new int[W * H];
        dot[2 * W + 3] = 1;
        int[] pair = new int[W * H];
        fill(pair, 1, 3, 2, 3, 3);
        SegmentationScorer scorer = new SegmentationScorer(1);
        scorer.add(dot, pair, W, H);
        assertEquals(0, scorer.scores().orientedPairs());
        assertTrue(Double.isNaN(scorer.scores().orientationErrorDeg()));

        int[] line = new int[W * H];
        fill(line, 1, 2, 2, 6, 2);
        int[] diagonal = new int[W * H];
        for (int k = 0; k < 3; k++) {
            diagonal[(1 + k) * W + 3 + k] = 4;
        }
        scorer = new SegmentationScorer(1);
        scorer.add(line, diagonal, W, H);
        assertEquals(1, scorer.scores().orientedPairs());
        assertEquals(45, scorer.scores().orientationErrorDeg(), 1e-9);
    }
}
