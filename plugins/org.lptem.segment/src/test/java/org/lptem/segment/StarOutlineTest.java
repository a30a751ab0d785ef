package org.lptem.segment;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class StarOutlineTest {

    @Test
    void boundaryIsTheStepThatMisclassifiesLeastContrast() {
        // crossing between samples 3 (0.9) and 4 (0.1) at level 0.5: 3 + 0.4 / 0.8
        assertEquals(3.5, StarOutline.boundary(new float[] {1, 1, 1, 0.9f, 0.1f, 0, 0, 0}, 8, 0.5), 1e-6);
        // a dip inside (sample 2) and a blob outside (sample 6) do not move it
        assertEquals(4.5, StarOutline.boundary(new float[] {1, 1, 0.3f, 1, 1, 0, 0.8f, 0, 0, 0}, 10, 0.5), 1e-6);
        // nothing above the level: no particle along this ray
        assertEquals(0, StarOutline.boundary(new float[] {0.2f, 0.1f, 0}, 3, 0.5));
        // above the level to the end: the ray's end
        assertEquals(2.5, StarOutline.boundary(new float[] {1, 1, 1}, 3, 0.5));
    }

    @Test
    void aRegionBeyondAGapIsNotTakenIn() {
        // 3 px of excess 0.5, then background: after 3 px the deficit (1.5) passes 1 and the scan stops
        float[] profile = {1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1};
        assertEquals(2.5, StarOutline.boundary(profile, profile.length, 0.5), 1e-6);
    }

    @Test
    void fourierFitKeepsLowHarmonicsAndDropsHighOnes() {
        double[] r = new double[StarOutline.RAYS];
        double[] low = new double[StarOutline.RAYS];
        for (int k = 0; k < r.length; k++) {
            double t = 2 * Math.PI * k / r.length;
            low[k] = 20 + 3 * Math.cos(2 * t) - 2 * Math.sin(3 * t);
            r[k] = low[k] + Math.cos(10 * t);
        }
        assertArrayEquals(low, StarOutline.fourierFit(r, 6), 1e-9);
    }

    @Test
    void robustFitIgnoresARunOfLeakingRays() {
        // four neighbouring rays (22 degrees) that followed a noise blob to twice the radius and more
        double[] r = new double[StarOutline.RAYS];
        java.util.Arrays.fill(r, 10);
        for (int k = 20; k < 24; k++) {
            r[k] = 30;
        }
        double[] fit = StarOutline.robustFourierFit(r, 6);
        for (int k = 0; k < r.length; k++) {
            assertEquals(10, fit[k], 1e-6, "ray " + k);
        }
        // the plain least-squares fit would carry the run into its neighbours
        assertTrue(StarOutline.fourierFit(r, 6)[19] > 13);
    }

    @Test
    void outlineOfAFlatDiscIsTheDisc() {
        int w = 41;
        float[] relative = new float[w * w];
        int[] owners = new int[w * w];
        for (int i = 0; i < relative.length; i++) {
            double dx = i % w - 20.3;
            double dy = i / w - 19.6;
            relative[i] = Math.hypot(dx, dy) <= 12 ? 1 : 0;
        }
        StarOutline star = StarOutline.fit(relative, owners, w, w, 1, 20.3, 19.6, 0.5, 19);
        int wrong = 0;
        for (int y = 0; y < w; y++) {
            for (int x = 0; x < w; x++) {
                if (star.contains(x, y) != (relative[y * w + x] > 0)) {
                    wrong++;
                }
            }
        }
        // only pixels whose centres lie within a fraction of a pixel of the circle may differ
        assertTrue(wrong < 15, wrong + " pixels differ");
        assertEquals(12, star.maxRadius(), 0.6);
    }
}
