package org.lptem.segment;

import java.util.Arrays;

/**
 * Each blob's contrast in a smoothed window, and every pixel's contrast relative to the blob nearest to it: 1 at the
 * blob's core, 0 at its background. The background is a plane fitted to a ring around the blob, away from other
 * blobs, with pixels far off the first fit left out of the second: it follows an illumination gradient across the
 * window, and a neighbour or a hot spot in the ring does not pull it.
 */
final class LocalContrast {
    /** The local background is the median of the ring between these radii. */
    static final double RING_INNER_RADII = 2.5;
    static final double RING_OUTER_RADII = 3.5;
    /** The central contrast is the mean within this many radii (at least 1 px). */
    static final double CORE_RADII = 0.35;
    /**
     * A plane needs this fraction of the ring: fitted to a ring cut in half by the frame's edge, a tilt of the noise
     * would be extrapolated across the particle, so a flat background (the median) is safer there.
     */
    static final double MIN_RING_FRACTION_FOR_PLANE = 0.6;
    /** Ring pixels this many robust deviations off the first plane are left out of the second. */
    static final double PLANE_OUTLIER_MADS = 2.5;

    /** Contrast of each pixel relative to its nearest blob's (0 where no blob has a contrast). */
    final float[] relative;
    /** Index of the blob nearest to each pixel, in radii of that blob; -1 where no blob has a contrast. */
    final int[] nearest;
    /** Central contrast of each blob, in the direction particles go (<= 0: the blob is no particle here). */
    final double[] contrast;

    private LocalContrast(float[] relative, int[] nearest, double[] contrast) {
        this.relative = relative;
        this.nearest = nearest;
        this.contrast = contrast;
    }

    /**
     * @param smooth the smoothed window, row-major {@code width x height}
     * @param cx blob centres in window coordinates
     * @param radius blob radii, px
     */
    static LocalContrast measure(float[] smooth, int width, int height, double[] cx, double[] cy, double[] radius,
            Polarity polarity) {
        int m = cx.length;
        double sign = polarity == Polarity.DARK ? 1 : -1;
        double[][] plane = new double[m][];
        double[] contrast = new double[m];
        for (int k = 0; k < m; k++) {
            plane[k] = ringPlane(smooth, width, height, k, cx, cy, radius);
            contrast[k] = sign * (level(plane[k], cx[k], cy[k])
                    - discMean(smooth, width, height, cx[k], cy[k], Math.max(1, CORE_RADII * radius[k])));
        }
        float[] relative = new float[smooth.length];
        int[] nearest = new int[smooth.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                int k = nearest(x, y, cx, cy, radius, contrast);
                nearest[i] = k;
                if (k >= 0) {
                    relative[i] = (float) (sign * (level(plane[k], x, y) - smooth[i]) / contrast[k]);
                }
            }
        }
        return new LocalContrast(relative, nearest, contrast);
    }

    /** The blob whose centre is nearest in its radii, among those with a positive contrast; -1 if none. */
    private static int nearest(int x, int y, double[] cx, double[] cy, double[] radius, double[] contrast) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int k = 0; k < cx.length; k++) {
            if (!(contrast[k] > 0)) {
                continue;
            }
            double d = distance(x - cx[k], y - cy[k]) / radius[k];
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best;
    }

    private static double level(double[] plane, double x, double y) {
        return plane[0] + plane[1] * x + plane[2] * y;
    }

    /**
     * The background plane {a, b, c} (a + b x + c y) of the ring around blob k, leaving out pixels within the inner
     * ring radius of another blob: least squares, then again without the pixels more than {@value
     * #PLANE_OUTLIER_MADS} robust deviations off. A ring cut short by the frame or by neighbours gets its median as a
     * flat background instead.
     */
    private static double[] ringPlane(float[] image, int width, int height, int k, double[] cx, double[] cy,
            double[] radius) {
        double inner = RING_INNER_RADII * radius[k];
        double outer = RING_OUTER_RADII * radius[k];
        int x0 = Math.max(0, (int) Math.floor(cx[k] - outer));
        int x1 = Math.min(width - 1, (int) Math.ceil(cx[k] + outer));
        int y0 = Math.max(0, (int) Math.floor(cy[k] - outer));
        int y1 = Math.min(height - 1, (int) Math.ceil(cy[k] + outer));
        int capacity = Math.max(0, (x1 - x0 + 1) * (y1 - y0 + 1));
        int[] xs = new int[capacity];
        int[] ys = new int[capacity];
        float[] values = new float[capacity];
        int n = 0;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double d = distance(x - cx[k], y - cy[k]);
                if (d >= inner && d <= outer && !insideAnother(x, y, k, cx, cy, radius)) {
                    xs[n] = x;
                    ys[n] = y;
                    values[n++] = image[y * width + x];
                }
            }
        }
        if (n == 0) {
            return new double[] {Double.NaN, 0, 0};
        }
        double fullRing = Math.PI * (outer * outer - inner * inner);
        double[] plane = n >= MIN_RING_FRACTION_FOR_PLANE * fullRing ? fitPlane(xs, ys, values, n, null) : null;
        if (plane == null) {
            return new double[] {median(values, n), 0, 0};
        }
        float[] deviation = new float[n];
        for (int i = 0; i < n; i++) {
            deviation[i] = (float) Math.abs(values[i] - level(plane, xs[i], ys[i]));
        }
        double limit = PLANE_OUTLIER_MADS * 1.4826 * median(deviation.clone(), n);
        boolean[] keep = new boolean[n];
        for (int i = 0; i < n; i++) {
            keep[i] = deviation[i] <= limit;
        }
        double[] refit = fitPlane(xs, ys, values, n, keep);
        return refit != null ? refit : plane;
    }

    /** Least-squares plane through the kept points (all when keep is null); null when they cannot hold one. */
    private static double[] fitPlane(int[] xs, int[] ys, float[] values, int n, boolean[] keep) {
        double[][] a = new double[3][4];
        for (int i = 0; i < n; i++) {
            if (keep != null && !keep[i]) {
                continue;
            }
            double[] basis = {1, xs[i], ys[i]};
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    a[r][c] += basis[r] * basis[c];
                }
                a[r][3] += basis[r] * values[i];
            }
        }
        return LinearSystem.solve(a);
    }

    private static double median(float[] values, int n) {
        Arrays.sort(values, 0, n);
        return (n & 1) == 1 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
    }

    private static boolean insideAnother(int x, int y, int k, double[] cx, double[] cy, double[] radius) {
        for (int j = 0; j < cx.length; j++) {
            if (j != k && distance(x - cx[j], y - cy[j]) < RING_INNER_RADII * radius[j]) {
                return true;
            }
        }
        return false;
    }

    private static double discMean(float[] image, int width, int height, double cx, double cy, double radius) {
        double sum = 0;
        int n = 0;
        for (int y = Math.max(0, (int) Math.floor(cy - radius)); y <= Math.min(height - 1, cy + radius); y++) {
            for (int x = Math.max(0, (int) Math.floor(cx - radius)); x <= Math.min(width - 1, cx + radius); x++) {
                if (distance(x - cx, y - cy) <= radius) {
                    sum += image[y * width + x];
                    n++;
                }
            }
        }
        return n == 0 ? image[(int) Math.round(cy) * width + (int) Math.round(cx)] : sum / n;
    }

    /** Euclidean length of (dx, dy); Math.hypot's care for overflow costs more than all the rest of these loops. */
    static double distance(double dx, double dy) {
        return Math.sqrt(dx * dx + dy * dy);
    }
}
