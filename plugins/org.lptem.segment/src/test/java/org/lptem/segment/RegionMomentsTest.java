package org.lptem.segment;

import static org.junit.jupiter.api.Assertions.*;

import org.lptem.core.Detection;
import org.junit.jupiter.api.Test;

class RegionMomentsTest {

    /** Width 5: region 1 = horizontal bar of 3 at row 0, region 2 = vertical bar of 3 at column 4, rows 1-3. */
    private static final int[] BARS = {
        1, 1, 1, 0, 0,
        0, 0, 0, 0, 2,
        0, 0, 0, 0, 2,
        0, 0, 0, 0, 2};

    @Test
    void barsHaveTheirHandComputedMoments() {
        float[] intensity = new float[BARS.length];
        for (int i = 0; i < intensity.length; i++) {
            intensity[i] = i;
        }
        RegionMoments m = RegionMoments.measure(BARS, 2, 5, intensity);
        assertEquals(3, m.area(1));
        assertEquals(1, m.centroidX(1), 1e-12);
        assertEquals(0, m.centroidY(1), 1e-12);
        // variance of {0, 1, 2} is 2/3: major = 4 sqrt(2/3), minor 0
        assertEquals(4 * Math.sqrt(2.0 / 3), m.majorAxis(1), 1e-12);
        assertEquals(0, m.minorAxis(1), 1e-12);
        assertEquals(0, m.orientationDeg(1), 1e-12);
        assertEquals(1, m.meanIntensity(1), 1e-12);
        assertEquals(4, m.centroidX(2), 1e-12);
        assertEquals(2, m.centroidY(2), 1e-12);
        assertEquals(90, m.orientationDeg(2), 1e-12);
        assertEquals((9 + 14 + 19) / 3.0, m.meanIntensity(2), 1e-12);
        Detection d = m.toDetection(2, 6, 0.25, 1);
        assertEquals(new Detection(6, 4, 2, 3, 90, d.majorAxis(), 0, 14, 0.25, 1), d);
        assertEquals(4 * Math.sqrt(2.0 / 3), d.majorAxis(), 1e-12);
    }

    @Test
    void diagonalsPointDownRightPositive() {
        // y down: the main diagonal goes from +x towards +y, so +45; the anti-diagonal -45.
        int[] diagonal = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        int[] anti = {0, 0, 1, 0, 1, 0, 1, 0, 0};
        float[] zero = new float[9];
        assertEquals(45, RegionMoments.measure(diagonal, 1, 3, zero).orientationDeg(1), 1e-9);
        assertEquals(-45, RegionMoments.measure(anti, 1, 3, zero).orientationDeg(1), 1e-9);
        // variance along the diagonal: positions -sqrt2, 0, +sqrt2 -> 4/3
        assertEquals(4 * Math.sqrt(4.0 / 3), RegionMoments.measure(diagonal, 1, 3, zero).majorAxis(1), 1e-9);
    }

    @Test
    void regionMeansAverageAnyImage() {
        float[] image = new float[BARS.length];
        java.util.Arrays.fill(image, 2f);
        image[0] = 5;
        double[] means = RegionMoments.regionMeans(BARS, 2, image);
        assertEquals(3, means[1], 1e-12);
        assertEquals(2, means[2], 1e-12);
        assertTrue(Double.isNaN(means[0]));
    }

    /** Measuring shapes only (no intensities) of a label image that does not fit the width is bad input, not a NPE. */
    @Test
    void aMisfitWithoutIntensitiesIsReportedAsSuch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RegionMoments.measure(BARS, 2, 3));
        assertTrue(e.getMessage().contains("width 3"), e.getMessage());
    }

    /** Caller-chosen ids (a tracker's object ids) up to 2^31 - 1: memory follows the regions present. */
    @Test
    void hugeIdsAreMeasuredLikeSmallOnes() {
        int big = 2_000_000_000;
        int[] labels = BARS.clone();
        for (int i = 0; i < labels.length; i++) {
            labels[i] = labels[i] == 1 ? big : labels[i] == 2 ? 5 : 0;
        }
        float[] intensity = new float[labels.length];
        for (int i = 0; i < intensity.length; i++) {
            intensity[i] = i;
        }
        RegionMoments m = RegionMoments.measure(labels, Integer.MAX_VALUE, 5, intensity);
        assertEquals(3, m.area(big));
        assertEquals(1, m.centroidX(big), 1e-12);
        assertEquals(4 * Math.sqrt(2.0 / 3), m.majorAxis(big), 1e-12);
        assertEquals(90, m.orientationDeg(5), 1e-12);
        assertEquals((9 + 14 + 19) / 3.0, m.meanIntensity(5), 1e-12);
        assertEquals(1, m.minY(5));
        assertEquals(0, m.area(6));
        assertEquals(Integer.MAX_VALUE, m.minX(6));
        assertEquals(-1, m.maxX(big - 1));
        assertThrows(IllegalArgumentException.class, () -> RegionMoments.measure(labels, 7, 5));
    }
}
