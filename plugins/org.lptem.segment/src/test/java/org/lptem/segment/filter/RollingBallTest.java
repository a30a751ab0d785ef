package org.lptem.segment.filter;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RollingBallTest {

    /** Closing (from above) or opening by the paraboloid c r^2, by exhaustive search. */
    private static float[] bruteForce(float[] f, int w, int h, double c, boolean fromAbove) {
        double sign = fromAbove ? 1 : -1;
        double[] first = new double[f.length];
        for (int p = 0; p < f.length; p++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int q = 0; q < f.length; q++) {
                best = Math.max(best, sign * f[q] - c * dist2(p, q, w));
            }
            first[p] = best;
        }
        float[] out = new float[f.length];
        for (int p = 0; p < f.length; p++) {
            double best = Double.POSITIVE_INFINITY;
            for (int q = 0; q < f.length; q++) {
                best = Math.min(best, first[q] + c * dist2(p, q, w));
            }
            out[p] = (float) (sign * best);
        }
        return out;
    }

    private static double dist2(int p, int q, int w) {
        double dx = p % w - q % w;
        double dy = p / w - q / w;
        return dx * dx + dy * dy;
    }

    @Test
    void separableParaboloidEqualsTheExhaustiveClosingAndOpening() {
        int w = 15;
        int h = 12;
        Random random = new Random(11);
        float[] img = new float[w * h];
        for (int i = 0; i < img.length; i++) {
            img[i] = (float) (100 + 10 * random.nextGaussian());
        }
        double radius = 6;
        double unit = 4;
        for (boolean above : new boolean[] {true, false}) {
            float[] fast = RollingBall.background(img, w, h, radius, unit, above);
            float[] slow = bruteForce(img, w, h, unit / (2 * radius), above);
            assertArrayEquals(slow, fast, 1e-3f, above ? "closing" : "opening");
        }
    }

    @Test
    void aPlaneIsItsOwnBackgroundAndANarrowDipIsBridged() {
        int w = 40;
        int h = 30;
        float[] img = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img[y * w + x] = 500 + 0.02f * x - 0.01f * y;
            }
        }
        float[] dipped = img.clone();
        for (int y = 13; y <= 16; y++) {
            for (int x = 18; x <= 21; x++) {
                dipped[y * w + x] -= 30;
            }
        }
        float[] background = RollingBall.background(dipped, w, h, 20, 1, true);
        // The paraboloid (c = 1 / 40 per px^2) follows a gentle plane to within |slope|^2 / (4 c) = 0.005 (where the
        // image ends before its best contact point), and over a 4-pixel dip 30 deep it only sags between the rims,
        // by at most c x (distance to the nearest rim)^2 < c x 3^2.
        double c = 1.0 / 40;
        for (int i = 0; i < img.length; i++) {
            boolean inDip = dipped[i] < img[i];
            assertEquals(img[i], background[i], inDip ? c * 9 : 0.01, "pixel " + i);
        }
    }
}
