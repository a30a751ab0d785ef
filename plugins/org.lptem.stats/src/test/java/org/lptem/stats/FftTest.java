package org.lptem.stats;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FftTest {

    @Test
    void forwardMatchesTheDefinitionAndInverseUndoesIt() {
        SplittableRandom random = new SplittableRandom(1);
        for (int n : new int[] {1, 2, 4, 8, 64, 1024}) {
            double[] re = new double[n];
            double[] im = new double[n];
            for (int i = 0; i < n; i++) {
                re[i] = random.nextGaussian();
                im[i] = random.nextGaussian();
            }
            double[] r0 = re.clone();
            double[] i0 = im.clone();
            Fft.of(n).forward(re, im);
            for (int k = 0; k < n; k += Math.max(1, n / 16)) {
                double sr = 0;
                double si = 0;
                for (int j = 0; j < n; j++) {
                    double a = -2 * Math.PI * j * k / n;
                    sr += r0[j] * Math.cos(a) - i0[j] * Math.sin(a);
                    si += r0[j] * Math.sin(a) + i0[j] * Math.cos(a);
                }
                assertEquals(sr, re[k], 1e-10 * n, "n " + n + ", k " + k);
                assertEquals(si, im[k], 1e-10 * n);
            }
            Fft.of(n).inverse(re, im);
            assertArrayEquals(r0, re, 1e-13 * n);
            assertArrayEquals(i0, im, 1e-13 * n);
        }
    }

    @Test
    void realPartOfTheInverseOfARealSpectrum() {
        SplittableRandom random = new SplittableRandom(2);
        for (int n : new int[] {2, 4, 8, 32, 2048}) {
            double[] p = new double[n];
            for (int i = 0; i < n; i++) {
                p[i] = random.nextDouble();
            }
            double[] re = p.clone();
            double[] im = new double[n];
            Fft.of(n).inverse(re, im);
            double[] out = new double[n];
            Fft.of(n).realPartOfInverse(p.clone(), out, new double[n]);
            assertArrayEquals(re, out, 1e-15 * n, "n " + n);
        }
        assertEquals(4096, Fft.sizeFor(2049));
        assertEquals(1, Fft.sizeFor(1));
        assertThrows(IllegalArgumentException.class, () -> Fft.of(12));
    }
}
