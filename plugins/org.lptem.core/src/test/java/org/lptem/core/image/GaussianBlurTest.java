package org.lptem.core.image;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GaussianBlurTest {

    /** Straight 2D convolution with a sampled, normalised Gaussian of the given radius and reflecting borders. */
    private static float[] directConvolution(float[] in, int w, int h, double sigma, int radius) {
        double[] k = new double[2 * radius + 1];
        double sum = 0;
        for (int j = -radius; j <= radius; j++) {
            k[j + radius] = Math.exp(-0.5 * j * j / (sigma * sigma));
            sum += k[j + radius];
        }
        float[] out = new float[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int dy = -radius; dy <= radius; dy++) {
                    int yy = mirror(y + dy, h);
                    for (int dx = -radius; dx <= radius; dx++) {
                        s += k[dy + radius] * k[dx + radius] * in[yy * w + mirror(x + dx, w)];
                    }
                }
                out[y * w + x] = (float) (s / (sum * sum));
            }
        }
        return out;
    }

    /** Half-sample symmetric reflection, written independently of the production code: unfold until inside. */
    private static int mirror(int i, int n) {
        while (i < 0 || i >= n) {
            i = i < 0 ? -1 - i : 2 * n - 1 - i;
        }
        return i;
    }

    private static float[] randomImage(int w, int h, long seed) {
        Random r = new Random(seed);
        float[] img = new float[w * h];
        for (int i = 0; i < img.length; i++) {
            img[i] = r.nextFloat();
        }
        // a bright square and a gradient give structure the blur must move the right way
        for (int y = 10; y < 20; y++) {
            for (int x = 5; x < 15; x++) {
                img[y * w + x] += 3;
            }
        }
        for (int i = 0; i < img.length; i++) {
            img[i] += 0.05f * (i % w);
        }
        return img;
    }

    private static double maxAbsDiff(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    @Test
    void smallSigmaMatchesDirectConvolutionExactly() {
        int w = 37;
        int h = 29;
        float[] img = randomImage(w, h, 1);
        for (double sigma : new double[] {0.6, 1.5, 2.9}) {
            float[] expected = directConvolution(img, w, h, sigma, (int) Math.ceil(4 * sigma));
            assertTrue(maxAbsDiff(expected, GaussianBlur.blur(img, w, h, sigma)) < 1e-5, "sigma " + sigma);
        }
    }

    @Test
    void recursiveFilterMatchesAnUntruncatedGaussian() {
        int w = 48;
        int h = 40;
        float[] img = randomImage(w, h, 2);
        for (double sigma : new double[] {3, 6, 25}) {
            float[] expected = directConvolution(img, w, h, sigma, (int) Math.ceil(6 * sigma));
            double err = maxAbsDiff(expected, GaussianBlur.blur(img, w, h, sigma));
            // Deriche's 4th-order fit is within 5e-4 of the Gaussian's peak; 1e-3 on a range of ~5 is far tighter
            // than what a wrong coefficient, a missing reflection or a wrong sigma would give.
            assertTrue(err < 1e-3, "sigma " + sigma + ": max error " + err);
        }
    }

    @Test
    void impulseResponseIsTheGaussianKernel() {
        int n = 201;
        float[] img = new float[n * n];
        img[100 * n + 100] = 1;
        for (double sigma : new double[] {1.5, 3, 8, 20}) {
            float[] out = GaussianBlur.blur(img, n, n, sigma);
            double norm = 1 / (2 * Math.PI * sigma * sigma);
            double peak = norm;
            double maxErr = 0;
            double total = 0;
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    double r2 = (x - 100) * (x - 100) + (y - 100) * (y - 100);
                    maxErr = Math.max(maxErr, Math.abs(out[y * n + x] - norm * Math.exp(-0.5 * r2 / (sigma * sigma))));
                    total += out[y * n + x];
                }
            }
            double tolerance = sigma < GaussianBlur.RECURSIVE_FROM_SIGMA ? 1e-4 : 2e-3;
            assertTrue(maxErr / peak < tolerance, "sigma " + sigma + ": error " + maxErr / peak + " of the peak");
            // reflection folds the tails back, so the total is kept (up to the recursive fit's own error)
            assertEquals(1, total, tolerance, "a blur must preserve the total");
        }
    }

    @Test
    void constantImageStaysConstantAndZeroSigmaCopies() {
        float[] img = new float[30 * 20];
        java.util.Arrays.fill(img, 7.25f);
        for (double sigma : new double[] {0, 1, 4, 40}) {
            float[] out = GaussianBlur.blur(img, 30, 20, sigma);
            assertNotSame(img, out);
            for (float v : out) {
                assertEquals(7.25, v, 1e-4);
            }
        }
    }

    @Test
    void reusedBuffersGiveTheSameImageAndMustBeDistinct() {
        Random r = new Random(3);
        float[] img = new float[37 * 23];
        for (int i = 0; i < img.length; i++) {
            img[i] = r.nextFloat() * 100;
        }
        float[] work = new float[img.length];
        float[] out = new float[img.length];
        for (double sigma : new double[] {0, 0.8, 2.5, 6}) {
            // stale content in the buffers must not leak into the result
            java.util.Arrays.fill(work, 1e6f);
            java.util.Arrays.fill(out, -1e6f);
            GaussianBlur.blur(img, 37, 23, sigma, work, out);
            assertArrayEquals(GaussianBlur.blur(img, 37, 23, sigma), out, "sigma " + sigma);
        }
        assertThrows(IllegalArgumentException.class, () -> GaussianBlur.blur(img, 37, 23, 1, work, work));
        assertThrows(IllegalArgumentException.class, () -> GaussianBlur.blur(img, 37, 23, 1, img, out));
        assertThrows(IllegalArgumentException.class, () -> GaussianBlur.blur(img, 37, 23, 1, new float[3], out));
    }
}
