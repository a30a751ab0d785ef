package org.lptem.segment.unet;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AugmentationTest {
    private static float[] ramp(int n) {
        float[] a = new float[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = i;
        }
        return a;
    }

    @Test
    void quarterTurnsAndFlipsAreTheSymmetriesOfTheSquare() {
        int n = 5;
        float[] a = ramp(n);
        // a clockwise quarter turn brings the bottom-left pixel to the top-left
        assertEquals(a[(n - 1) * n], Augmentation.orient(a, n, 1, false)[0]);
        assertEquals(a[n - 1], Augmentation.orient(a, n, 0, true)[0]);
        float[] r = a;
        for (int k = 0; k < 4; k++) {
            r = Augmentation.orient(r, n, 1, false);
        }
        assertArrayEquals(a, r);
        assertArrayEquals(a, Augmentation.orient(Augmentation.orient(a, n, 0, true), n, 0, true));
        assertArrayEquals(Augmentation.orient(a, n, 2, false),
                Augmentation.orient(Augmentation.orient(a, n, 1, false), n, 1, false));
    }

    @Test
    void imageAndMaskMoveTogetherAndTheSameSeedGivesTheSameSample() {
        BlobSamples source = new BlobSamples(24, 3);
        Sample s = source.sample(0);
        Augmentation aug = Augmentation.defaults();
        for (int k = 0; k < 20; k++) {
            Sample t = aug.apply(s, new Random(k));
            // the mask is only moved, never changed in content
            assertEquals(sum(s.mask()), sum(t.mask()), 1e-6);
            // particles are dark: the mean inside the moved mask stays below the mean outside it
            assertTrue(meanWhere(t, true) < meanWhere(t, false) - 0.5, "sample " + k);
            assertArrayEquals(t.image(), aug.apply(s, new Random(k)).image());
        }
        Sample same = Augmentation.none().apply(s, new Random(1));
        assertArrayEquals(s.image(), same.image(), 1e-5f);
        assertArrayEquals(s.mask(), same.mask());
    }

    private static double sum(float[] a) {
        double s = 0;
        for (float f : a) {
            s += f;
        }
        return s;
    }

    private static double meanWhere(Sample s, boolean inside) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < s.mask().length; i++) {
            if ((s.mask()[i] > 0) == inside) {
                sum += s.image()[i];
                n++;
            }
        }
        return sum / n;
    }
}
