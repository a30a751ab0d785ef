package org.lptem.core.image;

import org.lptem.core.LptemException;

/**
 * Separable 2D Gaussian blur with reflecting borders (the half-sample symmetric extension {@code d c b a | a b c d |
 * d c b a}, scipy's "reflect"). Small sigmas use a sampled, normalised kernel truncated at 4 sigma; larger sigmas a
 * 4th-order recursive filter (Deriche 1993) whose cost per pixel does not grow with sigma, so a background blur of
 * sigma 25 px costs about as much as one of 3 px.
 */
public final class GaussianBlur {
    /**
     * From this sigma on the recursive filter is used. Below it the direct kernel is short (at most 25 taps) and
     * exact, while the recursive approximation degrades for small sigmas.
     */
    public static final double RECURSIVE_FROM_SIGMA = 3.0;

    private GaussianBlur() {
    }

    /**
     * The sampled Gaussian of {@code sigma} px, truncated at 4 sigma and normalised to sum 1, centre at index
     * {@code length / 2}: the kernel this class applies for sigma below {@link #RECURSIVE_FROM_SIGMA}, and what noise
     * models need (a blur scales white-noise variance by the sum of its squared weights).
     */
    public static double[] kernel(double sigma) {
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new LptemException("blur sigma must be a finite number > 0, got " + sigma);
        }
        int radius = Math.max(1, (int) Math.ceil(4 * sigma));
        double[] k = new double[2 * radius + 1];
        double sum = 0;
        for (int j = -radius; j <= radius; j++) {
            k[j + radius] = Math.exp(-0.5 * j * j / (sigma * sigma));
            sum += k[j + radius];
        }
        for (int j = 0; j < k.length; j++) {
            k[j] /= sum;
        }
        return k;
    }

    /** Blurs a row-major double image in place (via float, the precision of this filter); sigma 0 does nothing. */
    public static void blurInPlace(double[] pixels, int width, int height, double sigma) {
        if (sigma == 0) {
            return;
        }
        float[] f = new float[pixels.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) pixels[i];
        }
        float[] blurred = blur(f, width, height, sigma);
        for (int i = 0; i < f.length; i++) {
            pixels[i] = blurred[i];
        }
    }

    /** A blurred copy of a row-major {@code width x height} image; sigma 0 returns a plain copy. */
    public static float[] blur(float[] pixels, int width, int height, double sigma) {
        float[] out = new float[pixels.length];
        blur(pixels, width, height, sigma, new float[pixels.length], out);
        return out;
    }

    /**
     * Blurs {@code pixels} into {@code out} using {@code work} as scratch (both of the image's size, distinct from
     * each other and from {@code pixels}), so that a caller blurring frame after frame allocates nothing.
     */
    public static void blur(float[] pixels, int width, int height, double sigma, float[] work, float[] out) {
        if (width <= 0 || height <= 0 || (long) width * height != pixels.length) {
            throw new IllegalArgumentException(
                    "image of " + width + " x " + height + " cannot hold " + pixels.length + " pixels");
        }
        if (work.length != pixels.length || out.length != pixels.length || work == out || work == pixels
                || out == pixels) {
            throw new IllegalArgumentException("blur needs two distinct buffers of " + pixels.length + " pixels");
        }
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new LptemException("blur sigma must be a finite number >= 0, got " + sigma);
        }
        if (sigma == 0) {
            System.arraycopy(pixels, 0, out, 0, pixels.length);
            return;
        }
        if (sigma < RECURSIVE_FROM_SIGMA) {
            // A short kernel runs along rows in place: contiguous, and no transposes (which cost as much as the
            // filtering itself for kernels of a few taps).
            KernelFilter filter = new KernelFilter(sigma);
            filter.apply(pixels, width, height, work);
            filter.applyAlongRows(work, width, height, out);
            return;
        }
        // The recursive filter is sequential along a line, so rows are filtered as the columns of the transpose,
        // where whole rows advance together (contiguous, vectorisable inner loops).
        ColumnFilter filter = new DericheFilter(sigma);
        filter.apply(pixels, width, height, work);
        transpose(work, width, height, out);
        filter.apply(out, height, width, work);
        transpose(work, height, width, out);
    }

    /** Index of sample {@code i} of a line of {@code n} samples, extended by half-sample symmetric reflection. */
    public static int reflect(int i, int n) {
        int period = 2 * n;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - 1 - m;
    }

    /** Offsets of the rows {@code -margin .. height + margin - 1} of the reflect-extended image. */
    private static int[] extendedRowOffsets(int width, int height, int margin) {
        int[] offsets = new int[height + 2 * margin];
        for (int p = 0; p < offsets.length; p++) {
            offsets[p] = reflect(p - margin, height) * width;
        }
        return offsets;
    }

    /** {@code dst (height x width)} = transpose of {@code src (width x height)}, in cache-sized tiles. */
    private static void transpose(float[] src, int width, int height, float[] dst) {
        final int tile = 8;
        for (int y0 = 0; y0 < height; y0 += tile) {
            int y1 = Math.min(height, y0 + tile);
            for (int x0 = 0; x0 < width; x0 += tile) {
                int x1 = Math.min(width, x0 + tile);
                for (int y = y0; y < y1; y++) {
                    for (int x = x0; x < x1; x++) {
                        dst[x * height + y] = src[y * width + x];
                    }
                }
            }
        }
    }

    /** Smooths every column of an image along y. */
    private interface ColumnFilter {
        /** Writes the filtered {@code src} (row-major {@code width x height}) to {@code dst}; src is not changed. */
        void apply(float[] src, int width, int height, float[] dst);
    }

    /**
     * The sampled kernel, accumulated in float: with at most 25 taps of weights summing to 1 the rounding error stays
     * below 1e-6 of the signal, and float lanes vectorise twice as wide as double ones.
     */
    private static final class KernelFilter implements ColumnFilter {
        /** weights[j] for offset +-j; normalised so that the full symmetric kernel sums to 1 */
        private final float[] weights;

        KernelFilter(double sigma) {
            double[] full = kernel(sigma);
            weights = new float[full.length / 2 + 1];
            for (int j = 0; j < weights.length; j++) {
                weights[j] = (float) full[full.length / 2 + j];
            }
        }

        @Override
        public void apply(float[] src, int width, int height, float[] dst) {
            int radius = weights.length - 1;
            int[] rows = extendedRowOffsets(width, height, radius);
            float w0 = weights[0];
            for (int y = 0; y < height; y++) {
                int centre = rows[y + radius];
                int out = y * width;
                for (int x = 0; x < width; x++) {
                    dst[out + x] = w0 * src[centre + x];
                }
                for (int j = 1; j <= radius; j++) {
                    int above = rows[y + radius - j];
                    int below = rows[y + radius + j];
                    float wj = weights[j];
                    for (int x = 0; x < width; x++) {
                        dst[out + x] += wj * (src[above + x] + src[below + x]);
                    }
                }
            }
        }

        /**
         * Filters every row of {@code src} along x into {@code dst}, reflecting at the row ends. Tap by tap over
         * the whole row rather than pixel by pixel over the taps, so that the inner loop runs along contiguous
         * memory and vectorises.
         */
        void applyAlongRows(float[] src, int width, int height, float[] dst) {
            int radius = weights.length - 1;
            float[] line = new float[width + 2 * radius];
            float w0 = weights[0];
            for (int y = 0; y < height; y++) {
                int row = y * width;
                System.arraycopy(src, row, line, radius, width);
                for (int i = 0; i < radius; i++) {
                    line[i] = src[row + reflect(i - radius, width)];
                    line[radius + width + i] = src[row + reflect(width + i, width)];
                }
                for (int x = 0; x < width; x++) {
                    dst[row + x] = w0 * line[radius + x];
                }
                for (int j = 1; j <= radius; j++) {
                    float wj = weights[j];
                    int left = radius - j;
                    int right = radius + j;
                    for (int x = 0; x < width; x++) {
                        dst[row + x] += wj * (line[left + x] + line[right + x]);
                    }
                }
            }
        }
    }

    /**
     * Deriche's 4th-order approximation {@code g(x) = (a0 cos(w0 x) + a1 sin(w0 x)) e^(-b0 x) + (c0 cos(w1 x) + c1
     * sin(w1 x)) e^(-b1 x)} (x in sigmas) of the Gaussian (within 5e-4 of its peak), run as a causal plus an
     * anti-causal recursion.
     */
    private static final class DericheFilter implements ColumnFilter {
        private static final double A0 = 1.680;
        private static final double A1 = 3.735;
        private static final double B0 = 1.783;
        private static final double B1 = 1.723;
        private static final double C0 = -0.6803;
        private static final double C1 = -0.2598;
        private static final double W0 = 0.6318;
        private static final double W1 = 1.997;
        /** Beyond 5 sigma the Gaussian weighs < 3e-7, so the reflection need not be continued further. */
        private static final double MARGIN_SIGMAS = 5;

        private final int margin;
        private final double n0, n1, n2, n3;
        private final double m1, m2, m3, m4;
        private final double d1, d2, d3, d4;
        private final double causalGain;
        private final double anticausalGain;

        DericheFilter(double sigma) {
            margin = (int) Math.ceil(MARGIN_SIGMAS * sigma);
            double cos0 = Math.cos(W0 / sigma);
            double sin0 = Math.sin(W0 / sigma);
            double cos1 = Math.cos(W1 / sigma);
            double sin1 = Math.sin(W1 / sigma);
            double e0 = Math.exp(-B0 / sigma);
            double e1 = Math.exp(-B1 / sigma);
            double rn0 = A0 + C0;
            double rn1 = e1 * (C1 * sin1 - (C0 + 2 * A0) * cos1) + e0 * (A1 * sin0 - (2 * C0 + A0) * cos0);
            double rn2 = 2 * e0 * e1 * ((A0 + C0) * cos1 * cos0 - A1 * cos1 * sin0 - C1 * cos0 * sin1)
                    + C0 * e0 * e0 + A0 * e1 * e1;
            double rn3 = e1 * e0 * e0 * (C1 * sin1 - C0 * cos1) + e0 * e1 * e1 * (A1 * sin0 - A0 * cos0);
            d1 = -2 * e1 * cos1 - 2 * e0 * cos0;
            d2 = 4 * cos1 * cos0 * e0 * e1 + e1 * e1 + e0 * e0;
            d3 = -2 * cos0 * e0 * e1 * e1 - 2 * cos1 * e1 * e0 * e0;
            d4 = e0 * e0 * e1 * e1;
            // The symmetric kernel's anti-causal half: h(-k) = h(k) for k >= 1.
            double rm1 = rn1 - d1 * rn0;
            double rm2 = rn2 - d2 * rn0;
            double rm3 = rn3 - d3 * rn0;
            double rm4 = -d4 * rn0;
            double denominator = 1 + d1 + d2 + d3 + d4;
            // Unit DC gain, so flat regions keep their level exactly.
            double scale = denominator / (rn0 + rn1 + rn2 + rn3 + rm1 + rm2 + rm3 + rm4);
            n0 = rn0 * scale;
            n1 = rn1 * scale;
            n2 = rn2 * scale;
            n3 = rn3 * scale;
            m1 = rm1 * scale;
            m2 = rm2 * scale;
            m3 = rm3 * scale;
            m4 = rm4 * scale;
            causalGain = (n0 + n1 + n2 + n3) / denominator;
            anticausalGain = (m1 + m2 + m3 + m4) / denominator;
        }

        @Override
        public void apply(float[] src, int width, int height, float[] dst) {
            int[] rows = extendedRowOffsets(width, height, margin);
            int last = rows.length - 1;
            // Both recursions start in the steady state of a constant continuation of the extended column's end.
            double[] y1 = new double[width];
            double[] y2 = new double[width];
            double[] y3 = new double[width];
            double[] y4 = new double[width];
            double[] input = new double[width];
            steadyState(src, rows[0], causalGain, y1, y2, y3, y4);
            for (int p = 0; p <= last; p++) {
                int r0 = rows[p];
                int r1 = rows[Math.max(0, p - 1)];
                int r2 = rows[Math.max(0, p - 2)];
                int r3 = rows[Math.max(0, p - 3)];
                double[] y = y4;
                // two simple loops vectorise where one mixed float/double loop does not
                for (int x = 0; x < width; x++) {
                    input[x] = n0 * src[r0 + x] + n1 * src[r1 + x] + n2 * src[r2 + x] + n3 * src[r3 + x];
                }
                for (int x = 0; x < width; x++) {
                    y[x] = input[x] - d1 * y1[x] - d2 * y2[x] - d3 * y3[x] - d4 * y4[x];
                }
                y4 = y3;
                y3 = y2;
                y2 = y1;
                y1 = y;
                int k = p - margin;
                if (k >= 0 && k < height) {
                    int out = k * width;
                    for (int x = 0; x < width; x++) {
                        dst[out + x] = (float) y[x];
                    }
                }
            }
            steadyState(src, rows[last], anticausalGain, y1, y2, y3, y4);
            for (int p = last; p >= 0; p--) {
                int r1 = rows[Math.min(last, p + 1)];
                int r2 = rows[Math.min(last, p + 2)];
                int r3 = rows[Math.min(last, p + 3)];
                int r4 = rows[Math.min(last, p + 4)];
                double[] z = y4;
                for (int x = 0; x < width; x++) {
                    input[x] = m1 * src[r1 + x] + m2 * src[r2 + x] + m3 * src[r3 + x] + m4 * src[r4 + x];
                }
                for (int x = 0; x < width; x++) {
                    z[x] = input[x] - d1 * y1[x] - d2 * y2[x] - d3 * y3[x] - d4 * y4[x];
                }
                y4 = y3;
                y3 = y2;
                y2 = y1;
                y1 = z;
                int k = p - margin;
                if (k >= 0 && k < height) {
                    int out = k * width;
                    for (int x = 0; x < width; x++) {
                        dst[out + x] = (float) (dst[out + x] + z[x]);
                    }
                }
            }
        }

        private static void steadyState(float[] src, int row, double gain, double[]... states) {
            for (double[] s : states) {
                for (int x = 0; x < s.length; x++) {
                    s[x] = gain * src[row + x];
                }
            }
        }
    }
}
