package org.lptem.simulate;

/**
 * Separable Gaussian filter, the stand-in for the detector's modulation transfer function. Edges are mirrored so
 * that the blur neither darkens nor brightens the border of the field.
 */
final class GaussianBlur {
    private GaussianBlur() {
    }

    /** Normalised kernel of half-width ceil(4 sigma): the truncated tails hold < 1e-4 of the weight. */
    static double[] kernel(double sigma) {
        int half = Math.max(1, (int) Math.ceil(4 * sigma));
        double[] k = new double[2 * half + 1];
        double sum = 0;
        for (int i = -half; i <= half; i++) {
            k[i + half] = Math.exp(-0.5 * i * i / (sigma * sigma));
            sum += k[i + half];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        return k;
    }

    /** Blurs the row-major image in place. sigma 0 leaves it unchanged. */
    static void blur(double[] image, int width, int height, double sigma) {
        if (sigma <= 0) {
            return;
        }
        double[] k = kernel(sigma);
        int half = k.length / 2;
        double[] out = new double[width];
        for (int row = 0; row < height; row++) {
            convolve(image, row * width, width, k, out);
            System.arraycopy(out, 0, image, row * width, width);
        }
        // Vertically, whole rows are combined at a time: walking down columns would miss the cache on every pixel.
        double[] source = image.clone();
        for (int row = 0; row < height; row++) {
            int dst = row * width;
            java.util.Arrays.fill(image, dst, dst + width, 0);
            for (int j = 0; j < k.length; j++) {
                int src = mirror(row - half + j, height) * width;
                double weight = k[j];
                for (int col = 0; col < width; col++) {
                    image[dst + col] += weight * source[src + col];
                }
            }
        }
    }

    private static void convolve(double[] in, int offset, int n, double[] k, double[] out) {
        int half = k.length / 2;
        for (int i = 0; i < n; i++) {
            double sum = 0;
            if (i >= half && i + half < n) {
                int base = offset + i - half;
                for (int j = 0; j < k.length; j++) {
                    sum += k[j] * in[base + j];
                }
            } else {
                for (int j = 0; j < k.length; j++) {
                    sum += k[j] * in[offset + mirror(i - half + j, n)];
                }
            }
            out[i] = sum;
        }
    }

    /** Half-sample symmetric extension (... 1 0 | 0 1 2 ... n-1 | n-1 n-2 ...), folded for kernels wider than n. */
    static int mirror(int i, int n) {
        int period = 2 * n;
        int m = Math.floorMod(i, period);
        return m < n ? m : period - 1 - m;
    }
}
