package org.lptem.segment;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RegionProfileTest {
    private static final int W = 96;
    private static final int H = 96;

    /**
     * A sphere's thickness profile (contrast {@code contrast} at the centre) on a level of 100 with unit noise
     * drawn from {@code seed}, none for a negative seed.
     */
    private static float[] sphere(double cx, double cy, double r, double contrast, double blurPx, long seed) {
        double[] thick = new double[W * H];
        for (int i = 0; i < thick.length; i++) {
            double dx = i % W - cx;
            double dy = i / W - cy;
            double d2 = dx * dx + dy * dy;
            thick[i] = d2 < r * r ? Math.sqrt(r * r - d2) / r : 0;
        }
        double[] seen = blurPx > 0 ? diskMean(thick, blurPx) : thick;
        SplittableRandom rng = new SplittableRandom(seed);
        float[] img = new float[W * H];
        for (int i = 0; i < img.length; i++) {
            img[i] = (float) (100 + contrast * seen[i] + (seed < 0 ? 0 : rng.nextGaussian()));
        }
        return img;
    }

    private static double[] diskMean(double[] v, double radius) {
        double[] out = new double[v.length];
        int r = (int) Math.ceil(radius);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double s = 0;
                int n = 0;
                for (int dy = -r; dy <= r; dy++) {
                    for (int dx = -r; dx <= r; dx++) {
                        if (dx * dx + dy * dy <= radius * radius) {
                            int xx = Math.min(W - 1, Math.max(0, x + dx));
                            int yy = Math.min(H - 1, Math.max(0, y + dy));
                            s += v[yy * W + xx];
                            n++;
                        }
                    }
                }
                out[y * W + x] = s / n;
            }
        }
        return out;
    }

    private static int[] disk(double cx, double cy, double r, int label, int[] labels) {
        for (int i = 0; i < labels.length; i++) {
            double dx = i % W - cx;
            double dy = i / W - cy;
            if (dx * dx + dy * dy < r * r) {
                labels[i] = label;
            }
        }
        return labels;
    }

    @Test
    void anInFocusParticleIsPositiveInsideAndBackgroundJustOutside() {
        float[] img = sphere(48, 48, 8, -6, 0, 1);
        double[] p = new RegionProfile(12, 2).measure(disk(48, 48, 8, 1, new int[W * H]), 1, W, H, img)[1];
        // dark particle: the inner rings are positive in noise units (contrast 6 sigma at the centre)
        assertTrue(p[0] > 4 && p[1] > 4, java.util.Arrays.toString(p));
        // rings from d = 1.25 out lie on the liquid: within the noise of their few hundred pixels' mean
        for (int k = 5; k < 12; k++) {
            assertEquals(0, p[k], 0.3, "ring " + k + " " + java.util.Arrays.toString(p));
        }
    }

    @Test
    void anOutOfFocusParticleFadesBeyondItsOutline() {
        float[] img = sphere(48, 48, 7, -12, 7, 2);
        // the outline a network would draw: the blurred blob's core
        double[] p = new RegionProfile(12, 2).measure(disk(48, 48, 6, 1, new int[W * H]), 1, W, H, img)[1];
        assertTrue(p[5] > 1 && p[6] > 0.8, java.util.Arrays.toString(p));
    }

    @Test
    void brightAndDarkParticlesGiveTheSameProfile() {
        int[] labels = disk(48, 48, 8, 1, new int[W * H]);
        RegionProfile profile = new RegionProfile(6, 2);
        double[] dark = profile.measure(labels, 1, W, H, sphere(48, 48, 8, -6, 0, 3))[1];
        double[] bright = profile.measure(labels, 1, W, H, sphere(48, 48, 8, 6, 0, 3))[1];
        for (int k = 0; k < 6; k++) {
            assertEquals(dark[k], bright[k], 0.3, "ring " + k);
        }
    }

    @Test
    void aNeighboursPixelsAreNotPartOfTheHalo() {
        float[] lone = sphere(40, 48, 8, -6, 0, 4);
        float[] img = lone.clone();
        float[] other = sphere(58, 48, 8, -6, 0, -1);
        for (int i = 0; i < img.length; i++) {
            img[i] += other[i] - 100;
        }
        RegionProfile profile = new RegionProfile(12, 2);
        int[] alone = disk(40, 48, 8, 1, new int[W * H]);
        double[] reference = profile.measure(alone, 1, W, H, lone)[1];
        double[] labelled = profile.measure(disk(58, 48, 8, 2, alone.clone()), 2, W, H, img)[1];
        double[] unlabelled = profile.measure(alone, 1, W, H, img)[1];
        // the neighbour's edge is 10 px away (d = 1.25): left out, the profile is the lone particle's; counted, it
        // darkens the halo
        assertEquals(0, halo(labelled), 0.12);
        assertEquals(reference[0], labelled[0], 0.6);
        assertTrue(halo(unlabelled) > halo(labelled) + 0.25, java.util.Arrays.toString(unlabelled));
    }

    /** Mean of the rings from d = 1.25 to 3. */
    private static double halo(double[] p) {
        double s = 0;
        for (int k = 5; k < 12; k++) {
            s += p[k];
        }
        return s / 7;
    }

    @Test
    void aRegionWithoutBackgroundHasNoProfile() {
        int[] labels = new int[W * H];
        java.util.Arrays.fill(labels, 1);
        assertNull(new RegionProfile(12, 2).measure(labels, 1, W, H, new float[W * H])[1]);
        assertThrows(org.lptem.core.LptemException.class, () -> new RegionProfile(0, 2));
        assertThrows(org.lptem.core.LptemException.class, () -> new RegionProfile(4, 0));
    }
}
