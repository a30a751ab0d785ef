package org.lptem.segment;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class ThresholdMethodTest {

    @Test
    void otsuMaximisesBetweenClassVariance() {
        // Between-class variances (class probabilities times squared mean difference) for splits after bin k:
        // k=3: 5.9369, k=4: 6.0487, k=5: 5.8631 -> split after bin 4, i.e. at the edge 5.
        long[] counts = {1, 4, 6, 4, 1, 2, 5, 9, 5, 2};
        assertEquals(5.0, ThresholdMethod.OTSU.binPosition(counts), 0);
    }

    @Test
    void otsuPutsTheThresholdInTheMiddleOfAnEmptyGap() {
        // Any edge from 3 to 6 separates the two modes perfectly; the middle is 4.5.
        long[] counts = {2, 6, 2, 0, 0, 0, 3, 3};
        assertEquals(4.5, ThresholdMethod.OTSU.binPosition(counts), 0);
    }

    @Test
    void liIteratesToTheMinimumCrossEntropyFixedPoint() {
        // Bin centres 0.5, 1.5, ... Start at the mean, 2.0: low class = bins 0-1, means 11/14 and 25/4,
        // t = (6.25 - 0.785714) / ln(6.25 / 0.785714) = 2.634986 -> low class = bins 0-2, means 0.9 and 7.5,
        // t = 6.6 / ln(7.5 / 0.9) = 3.112821, which keeps bins 0-2: converged.
        long[] counts = {10, 4, 1, 0, 0, 0, 1, 1, 1};
        assertEquals(6.6 / Math.log(7.5 / 0.9), ThresholdMethod.LI.binPosition(counts), 1e-12);
        assertEquals(3.112821, ThresholdMethod.LI.binPosition(counts), 1e-6);
        // one step: means 2 and 7 of the two modes
        assertEquals(5 / Math.log(3.5), ThresholdMethod.LI.binPosition(new long[] {0, 4, 4, 0, 0, 0, 2, 2}),
                1e-12);
    }

    @Test
    void triangleFindsTheKneeOfTheLongerTail() {
        // Peak 100 at bin 8; the low tail (bins 1-7) is longer than the high one (9-11). Line from (0, 0) to
        // (8, 100) is 12.5 i; gaps 12.5 i - count: 9.5, 21, 34.5, 48, 61.5, 65, 47.5 -> knee at bin 6, edge 7.
        long[] counts = {0, 3, 4, 3, 2, 1, 10, 40, 100, 60, 20, 5, 0};
        assertEquals(7.0, ThresholdMethod.TRIANGLE.binPosition(counts), 0);
        long[] mirrored = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            mirrored[counts.length - 1 - i] = counts[i];
        }
        assertEquals(13 - 7.0, ThresholdMethod.TRIANGLE.binPosition(mirrored), 0);
    }

    @Test
    void triangleFollowsTheParticlesSideWhenAsked() {
        long[] counts = {0, 3, 4, 3, 2, 1, 10, 40, 100, 60, 20, 5, 0};
        assertEquals(7.0, ThresholdMethod.TRIANGLE.binPosition(counts, Polarity.DARK), 0);
        // High tail: line from (12, 0) to (8, 100), 25 per bin: gaps 75-60, 50-20, 25-5 -> knee at bin 10.
        assertEquals(10.0, ThresholdMethod.TRIANGLE.binPosition(counts, Polarity.BRIGHT), 0);
        // Otsu and Li do not depend on the side.
        assertEquals(ThresholdMethod.OTSU.binPosition(counts), ThresholdMethod.OTSU.binPosition(counts,
                Polarity.BRIGHT));
    }

    @Test
    void histogramsWithOneOccupiedBinCannotBeSplit() {
        for (ThresholdMethod m : ThresholdMethod.values()) {
            assertTrue(Double.isNaN(m.binPosition(new long[] {0, 0, 7, 0})), m.name());
            assertTrue(Double.isNaN(m.apply(Histogram.of(new float[] {3, 3, 3, Float.NaN}, 16))), m.name());
        }
    }

    @Test
    void thresholdsMapBackToIntensities() {
        // 90 pixels at 100, 10 at 200: 256 bins over [100, 200]; Otsu's gap runs from bin 0 to bin 255.
        float[] values = new float[100];
        java.util.Arrays.fill(values, 0, 90, 100f);
        java.util.Arrays.fill(values, 90, 100, 200f);
        Histogram h = Histogram.of(values, 256);
        assertEquals(100, h.min(), 0);
        assertEquals(100.0 / 256, h.binWidth(), 1e-12);
        assertEquals(90, h.counts()[0]);
        assertEquals(10, h.counts()[255]);
        assertEquals(150, ThresholdMethod.OTSU.apply(h), 1e-9);
    }
}
