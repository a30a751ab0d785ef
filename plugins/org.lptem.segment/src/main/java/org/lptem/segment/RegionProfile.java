package org.lptem.segment;

import org.lptem.core.LptemException;

/**
 * How the image falls off around each region, in units of the region's own size: the mean intensity in rings of
 * the elliptical distance d = |(u / a, v / b)| from the region's centroid (a, b its moment ellipse's semi-axes, the
 * radius for a disk), from d = 0 to 3 in {@code bins} rings, each relative to the ring 3 <= d < 4 (the local
 * background) and in units of that ring's standard deviation (the local noise), signed so that the region's inner
 * third is positive whether particles are darker or brighter than the liquid.
 *
 * <p>An in-focus particle drops to the background right at d = 1 whatever its size or elongation; an out-of-focus
 * one fades over a distance of the order of its size, and a noise patch has no consistent profile at all. Pixels of
 * other regions are left out, so a neighbour does not count as this region's halo.
 */
public final class RegionProfile {
    /** The profile reaches d = 3; the background ring is 3 <= d < 4. */
    static final double REACH = 3;
    /** Too few background pixels (a region filling the frame) give no profile. */
    static final int MIN_BACKGROUND_PX = 20;

    private final int bins;
    private final double minSemiAxisPx;

    /**
     * @param bins rings between d = 0 and d = 3
     * @param minSemiAxisPx the semi-axes are at least this, so a region of a few pixels is not profiled on a
     *     sub-pixel scale
     */
    public RegionProfile(int bins, double minSemiAxisPx) {
        if (bins < 1) {
            throw new LptemException("a region profile needs at least 1 ring, got " + bins);
        }
        if (!(minSemiAxisPx > 0)) {
            throw new LptemException("the minimum semi-axis must be > 0 px, got " + minSemiAxisPx);
        }
        this.bins = bins;
        this.minSemiAxisPx = minSemiAxisPx;
    }

    public int bins() {
        return bins;
    }

    public double minSemiAxisPx() {
        return minSemiAxisPx;
    }

    /**
     * The profile of each region 1..count of {@code labels}: {@code [l]} has {@link #bins()} values, or is null
     * where the background ring holds too few pixels or has no spread; {@code [0]} is null.
     */
    public double[][] measure(int[] labels, int count, int width, int height, float[] image) {
        RegionMoments e = RegionMoments.measure(labels, count, width);
        double[][] out = new double[count + 1][];
        double[] sum = new double[bins + 1];
        double[] sumSq = new double[bins + 1];
        int[] n = new int[bins + 1];
        for (int l = 1; l <= count; l++) {
            if (e.area(l) == 0) {
                continue;
            }
            java.util.Arrays.fill(sum, 0);
            java.util.Arrays.fill(sumSq, 0);
            java.util.Arrays.fill(n, 0);
            accumulate(l, e, labels, width, height, image, sum, sumSq, n);
            out[l] = profile(sum, sumSq, n);
        }
        return out;
    }

    private void accumulate(int l, RegionMoments e, int[] labels, int width, int height, float[] image, double[] sum,
            double[] sumSq, int[] n) {
        double cx = e.centroidX(l);
        double cy = e.centroidY(l);
        double[] axes = axes(e, l);
        double a = Math.max(axes[0], minSemiAxisPx);
        double b = Math.max(axes[1], minSemiAxisPx);
        double cos = Math.cos(axes[2]);
        double sin = Math.sin(axes[2]);
        double outer = REACH + 1;
        int reach = (int) Math.ceil(outer * a) + 1;
        int x0 = Math.max(0, (int) Math.floor(cx) - reach);
        int x1 = Math.min(width - 1, (int) Math.ceil(cx) + reach);
        int y0 = Math.max(0, (int) Math.floor(cy) - reach);
        int y1 = Math.min(height - 1, (int) Math.ceil(cy) + reach);
        double ringWidth = REACH / bins;
        for (int y = y0; y <= y1; y++) {
            double dy = y - cy;
            int row = y * width;
            for (int x = x0; x <= x1; x++) {
                int owner = labels[row + x];
                if (owner != 0 && owner != l) {
                    continue;
                }
                double dx = x - cx;
                double u = (dx * cos + dy * sin) / a;
                double v = (-dx * sin + dy * cos) / b;
                double d = Math.sqrt(u * u + v * v);
                int k = d < REACH ? Math.min(bins - 1, (int) (d / ringWidth)) : d < outer ? bins : -1;
                if (k >= 0) {
                    double value = image[row + x];
                    sum[k] += value;
                    sumSq[k] += value * value;
                    n[k]++;
                }
            }
        }
    }

    private double[] profile(double[] sum, double[] sumSq, int[] n) {
        if (n[bins] < MIN_BACKGROUND_PX) {
            return null;
        }
        double background = sum[bins] / n[bins];
        double spread = Math.sqrt(Math.max(0, sumSq[bins] / n[bins] - background * background));
        if (!(spread > 0)) {
            return null;
        }
        double inner = 0;
        int innerN = 0;
        for (int k = 0; k < Math.max(1, bins / 3); k++) {
            inner += sum[k];
            innerN += n[k];
        }
        double sign = innerN > 0 && inner / innerN < background ? -1 : 1;
        double[] p = new double[bins];
        for (int k = 0; k < bins; k++) {
            p[k] = n[k] == 0 ? 0 : sign * (sum[k] / n[k] - background) / spread;
        }
        return p;
    }

    /**
     * {a, b, angle}: semi-axes 2 sqrt(eigenvalue) of the region's covariance, each pixel a unit square (hence
     * + 1/12), which is the radius for a disk, and the major axis' angle in radians.
     */
    private static double[] axes(RegionMoments m, int l) {
        double[] c = m.covariance(l);
        double vxx = c[0] + 1.0 / 12;
        double vyy = c[1] + 1.0 / 12;
        double vxy = c[2];
        double half = (vxx + vyy) / 2;
        double disc = Math.sqrt(Math.max(0, (vxx - vyy) * (vxx - vyy) / 4 + vxy * vxy));
        double major = half + disc;
        double minor = Math.max(half - disc, 1e-6);
        return new double[] {2 * Math.sqrt(major), 2 * Math.sqrt(minor), 0.5 * Math.atan2(2 * vxy, vxx - vyy)};
    }
}
