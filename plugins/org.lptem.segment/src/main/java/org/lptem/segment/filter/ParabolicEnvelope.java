package org.lptem.segment.filter;

/**
 * The 1D min-plus convolution with a parabola, {@code out[p] = min_q f[q] + c (p - q)^2}, in linear time by the
 * lower envelope of parabolas (Felzenszwalb and Huttenlocher 2012). With {@code f} 0 on a set and infinite elsewhere
 * it is the squared distance to the set; with a finite {@code f} it is the grey-scale erosion by a parabola. Both
 * separate over the axes, so one routine serves the distance transform and the rolling paraboloid.
 */
final class ParabolicEnvelope {
    /** Scratch for one line: parabola apices {@code v} and the boundaries {@code z} between them. */
    private final int[] v;
    private final double[] z;
    private final double[] line;

    ParabolicEnvelope(int maxLength) {
        v = new int[maxLength];
        z = new double[maxLength + 1];
        line = new double[maxLength];
    }

    /**
     * Replaces {@code n} samples of {@code data} at {@code offset, offset + stride, ...} by their min-plus
     * convolution with {@code c x^2}. Infinite samples are no apex; a line without a finite sample stays infinite.
     */
    void apply(float[] data, int offset, int stride, int n, double c) {
        for (int i = 0; i < n; i++) {
            line[i] = data[offset + i * stride];
        }
        int k = -1;
        for (int q = 0; q < n; q++) {
            double fq = line[q];
            if (fq == Double.POSITIVE_INFINITY) {
                continue;
            }
            if (k < 0) {
                k = 0;
                v[0] = q;
                z[0] = Double.NEGATIVE_INFINITY;
                z[1] = Double.POSITIVE_INFINITY;
                continue;
            }
            double s = intersection(q, v[k], c);
            while (s <= z[k]) {
                k--;
                s = intersection(q, v[k], c);
            }
            k++;
            v[k] = q;
            z[k] = s;
            z[k + 1] = Double.POSITIVE_INFINITY;
        }
        if (k < 0) {
            return;
        }
        k = 0;
        for (int p = 0; p < n; p++) {
            while (z[k + 1] < p) {
                k++;
            }
            double d = p - v[k];
            data[offset + p * stride] = (float) (c * d * d + line[v[k]]);
        }
    }

    /** Where the parabolas with apices at q and r (q > r) cross. */
    private double intersection(int q, int r, double c) {
        return ((line[q] + c * q * q) - (line[r] + c * (double) r * r)) / (2 * c * (q - r));
    }

    /** Min-plus convolution of a row-major image with the paraboloid {@code c (dx^2 + dy^2)}, in place. */
    static void apply2d(float[] image, int width, int height, double c) {
        ParabolicEnvelope e = new ParabolicEnvelope(Math.max(width, height));
        for (int x = 0; x < width; x++) {
            e.apply(image, x, width, height, c);
        }
        for (int y = 0; y < height; y++) {
            e.apply(image, y * width, 1, width, c);
        }
    }
}
