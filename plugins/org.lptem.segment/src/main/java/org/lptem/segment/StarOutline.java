package org.lptem.segment;

/**
 * A particle's outline as a star-shaped region around its centre: the boundary radius along each of {@value #RAYS}
 * rays is where the contrast profile, averaged over neighbouring rays, steps from above the edge level to below it
 * (in the sense of {@link #boundary}); the radii are median-filtered over neighbouring rays and refitted by a short
 * Fourier series that ignores outlying rays. Averaging along the boundary (tangentially) suppresses noise without
 * moving the boundary, which an isotropic blur strong enough to silence noise at per-pixel SNR ~0.5 would
 * do; and a noise blob touching the particle can no longer grow a protrusion. Every convex particle (sphere, rod,
 * prism, cube) is star-shaped about its centre.
 */
final class StarOutline {
    private final double cx;
    private final double cy;
    private final double[] radius;

    static final int RAYS = 64;
    /** Angular averaging of the profiles, in rays (0.2 rad: 4.6 px of arc at a radius of 23 px). */
    static final double ANGULAR_SIGMA_RAYS = 2;
    /** The boundary radii are median-filtered over this many neighbouring rays on each side. */
    static final int MEDIAN_HALF_WIDTH = 2;
    /** Highest harmonic of the outline's radius. */
    static final int HARMONICS = 6;
    /** Rays this many robust deviations off the fit are outliers. */
    static final double OUTLIER_MADS = 2.5;
    /** Deviations below this (px) are pixelation, never outliers. */
    static final double MIN_DEVIATION_PX = 0.5;
    /** At most this many rounds of leaving rays out and refitting. */
    static final int ROBUST_ROUNDS = 5;
    /**
     * A ray ends where its summed excess over the edge level has fallen this far (relative contrast x px) below its
     * best: about three pixels of background at the usual edge level of 0.3.
     */
    static final double GAP_DEFICIT = 1;

    private StarOutline(double cx, double cy, double[] radius) {
        this.cx = cx;
        this.cy = cy;
        this.radius = radius;
    }

    /**
     * The star outline of region {@code label} about (cx, cy).
     *
     * @param relative contrast relative to the particle's own (1 at its core, 0 at the background)
     * @param owners the pixels of other particles (label != 0 and != {@code label}) stop every ray
     * @param edgeLevel relative contrast of the boundary
     * @param maxRadius rays end here
     */
    static StarOutline fit(float[] relative, int[] owners, int width, int height, int label, double cx, double cy,
            double edgeLevel, double maxRadius) {
        int steps = (int) Math.ceil(maxRadius) + 1;
        float[][] profile = new float[RAYS][steps];
        int[] stop = new int[RAYS];
        for (int k = 0; k < RAYS; k++) {
            double angle = 2 * Math.PI * k / RAYS;
            double ux = Math.cos(angle);
            double uy = Math.sin(angle);
            stop[k] = steps;
            for (int j = 0; j < steps; j++) {
                double x = cx + j * ux;
                double y = cy + j * uy;
                int px = (int) Math.round(x);
                int py = (int) Math.round(y);
                if (px < 0 || py < 0 || px >= width || py >= height) {
                    stop[k] = j;
                    break;
                }
                int owner = owners[py * width + px];
                if (owner != 0 && owner != label) {
                    stop[k] = j;
                    break;
                }
                profile[k][j] = bilinear(relative, width, height, x, y);
            }
        }
        float[][] averaged = angularAverage(profile, stop, steps);
        double[] radius = new double[RAYS];
        for (int k = 0; k < RAYS; k++) {
            radius[k] = boundary(averaged[k], stop[k], edgeLevel);
        }
        return new StarOutline(cx, cy, robustFourierFit(circularMedian(radius, MEDIAN_HALF_WIDTH), HARMONICS));
    }

    /** Whether pixel (x, y) lies inside the outline. */
    boolean contains(int x, int y) {
        double dx = x - cx;
        double dy = y - cy;
        double d2 = dx * dx + dy * dy;
        if (d2 < 0.25) {
            return true;
        }
        double t = Math.atan2(dy, dx) * (RAYS / (2 * Math.PI));
        if (t < 0) {
            t += RAYS;
        }
        int k0 = Math.min(RAYS - 1, (int) t);
        int k1 = k0 == RAYS - 1 ? 0 : k0 + 1;
        double frac = t - k0;
        double r = (1 - frac) * radius[k0] + frac * radius[k1];
        return d2 <= r * r;
    }

    /** Largest radius: the outline lies within this distance of its centre. */
    double maxRadius() {
        double max = 0;
        for (double r : radius) {
            max = Math.max(max, r);
        }
        return max;
    }

    /** Visits every pixel inside the outline that no other region owns. */
    void forEachPixel(int[] owners, int width, int height, int label, java.util.function.IntConsumer action) {
        double max = maxRadius();
        int x0 = Math.max(0, (int) Math.floor(cx - max));
        int x1 = Math.min(width - 1, (int) Math.ceil(cx + max));
        int y0 = Math.max(0, (int) Math.floor(cy - max));
        int y1 = Math.min(height - 1, (int) Math.ceil(cy + max));
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                int i = y * width + x;
                int owner = owners[i];
                if ((owner == 0 || owner == label) && contains(x, y)) {
                    action.accept(i);
                }
            }
        }
    }

    /**
     * The radii refitted by a Fourier series up to {@code harmonics}, by least squares over the rays that are not
     * outliers: a ray more than {@value #OUTLIER_MADS} robust deviations off the current fit is left out for good,
     * and the fit repeated until no ray is left out anew. A run of rays that followed a noise blob out of the particle
     * is an outlier of a smooth outline (runs of up to 4 rays, 22 degrees, vanish exactly; longer ones can pull the
     * first fit so far that the wrong rays are left out); the series keeps the shapes of convex particles (a rod needs
     * the even harmonics, a triangle the third, a square the fourth).
     */
    static double[] robustFourierFit(double[] radius, int harmonics) {
        boolean[] outlier = new boolean[radius.length];
        double[] fit = fourierFit(radius, harmonics);
        for (int round = 0; round < ROBUST_ROUNDS; round++) {
            double[] deviation = new double[radius.length];
            for (int k = 0; k < radius.length; k++) {
                deviation[k] = Math.abs(radius[k] - fit[k]);
            }
            double[] sorted = deviation.clone();
            java.util.Arrays.sort(sorted);
            double scale = Math.max(1.4826 * sorted[sorted.length / 2], MIN_DEVIATION_PX);
            boolean changed = false;
            for (int k = 0; k < radius.length; k++) {
                if (!outlier[k] && deviation[k] > OUTLIER_MADS * scale) {
                    outlier[k] = true;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
            double[] refit = fourierFitWithout(radius, outlier, harmonics);
            if (refit == null) {
                break;
            }
            fit = refit;
        }
        for (int k = 0; k < fit.length; k++) {
            fit[k] = Math.max(0, fit[k]);
        }
        return fit;
    }

    /**
     * Least-squares Fourier fit over the rays not left out (normal equations of the 2h + 1 basis functions); null
     * when the rays left cannot determine the coefficients.
     */
    static double[] fourierFitWithout(double[] values, boolean[] leftOut, int h) {
        int n = 2 * h + 1;
        double[][] a = new double[n][n + 1];
        double[] basis = new double[n];
        for (int k = 0; k < RAYS; k++) {
            if (leftOut[k]) {
                continue;
            }
            basisAt(k, h, basis);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a[i][j] += basis[i] * basis[j];
                }
                a[i][n] += basis[i] * values[k];
            }
        }
        double[] c = LinearSystem.solve(a);
        if (c == null) {
            return null;
        }
        double[] fit = new double[RAYS];
        for (int k = 0; k < RAYS; k++) {
            basisAt(k, h, basis);
            for (int i = 0; i < n; i++) {
                fit[k] += c[i] * basis[i];
            }
        }
        return fit;
    }

    /** 1, cos(m t), sin(m t) for m = 1..h at ray k. */
    private static void basisAt(int k, int h, double[] basis) {
        basis[0] = 1;
        for (int m = 1; m <= h; m++) {
            basis[2 * m - 1] = COS[m][k];
            basis[2 * m] = SIN[m][k];
        }
    }

    /** cos and sin of 2 pi m k / RAYS for the harmonics m of the fit and the rays k. */
    private static final double[][] COS = new double[HARMONICS + 1][RAYS];
    private static final double[][] SIN = new double[HARMONICS + 1][RAYS];

    static {
        for (int m = 0; m <= HARMONICS; m++) {
            for (int k = 0; k < RAYS; k++) {
                COS[m][k] = Math.cos(2 * Math.PI * m * k / RAYS);
                SIN[m][k] = Math.sin(2 * Math.PI * m * k / RAYS);
            }
        }
    }

    /** Projection of {@code values} ({@value #RAYS}, equally spaced over a turn) on the harmonics 0..h. */
    static double[] fourierFit(double[] values, int h) {
        if (values.length != RAYS || h > HARMONICS) {
            throw new IllegalArgumentException("a fit of " + RAYS + " radii up to harmonic " + HARMONICS);
        }
        double[] fit = new double[RAYS];
        for (int m = 0; m <= h; m++) {
            double a = 0;
            double b = 0;
            for (int k = 0; k < RAYS; k++) {
                a += values[k] * COS[m][k];
                b += values[k] * SIN[m][k];
            }
            double norm = m == 0 || 2 * m == RAYS ? 1.0 / RAYS : 2.0 / RAYS;
            for (int k = 0; k < RAYS; k++) {
                fit[k] += norm * (a * COS[m][k] + b * SIN[m][k]);
            }
        }
        return fit;
    }

    /** Each profile averaged with its neighbours (circular Gaussian weights), over the samples each one has. */
    private static float[][] angularAverage(float[][] profile, int[] stop, int steps) {
        int reach = (int) Math.ceil(3 * ANGULAR_SIGMA_RAYS);
        double[] weight = new double[reach + 1];
        for (int d = 0; d <= reach; d++) {
            weight[d] = Math.exp(-0.5 * d * d / (ANGULAR_SIGMA_RAYS * ANGULAR_SIGMA_RAYS));
        }
        float[][] out = new float[RAYS][steps];
        double[] sum = new double[steps];
        double[] norm = new double[steps];
        for (int k = 0; k < RAYS; k++) {
            java.util.Arrays.fill(sum, 0);
            java.util.Arrays.fill(norm, 0);
            for (int d = -reach; d <= reach; d++) {
                int q = Math.floorMod(k + d, RAYS);
                double w = weight[Math.abs(d)];
                float[] neighbour = profile[q];
                for (int j = 0, end = Math.min(stop[k], stop[q]); j < end; j++) {
                    sum[j] += w * neighbour[j];
                    norm[j] += w;
                }
            }
            for (int j = 0; j < stop[k]; j++) {
                out[k][j] = (float) (sum[j] / norm[j]);
            }
        }
        return out;
    }

    /**
     * The boundary along one ray: the radius b that maximises the summed excess {@code sum over j < b of (profile[j]
     * - level)}, i.e. the step from "inside" to "outside" that misclassifies the least contrast. Unlike the first
     * crossing of the level, one noise dip inside the particle or one noise blob outside it cannot move it. The scan
     * ends once the sum has fallen {@value #GAP_DEFICIT} below its best (a few pixels of plain background), so a
     * neighbour or an out-of-focus blob beyond a gap is never taken in. Refined to where the profile crosses the
     * level between the last sample inside and the first outside.
     */
    static double boundary(float[] profile, int stop, double level) {
        double sum = 0;
        double best = 0;
        int end = 0;
        for (int j = 0; j < stop && sum > best - GAP_DEFICIT; j++) {
            sum += profile[j] - level;
            if (sum > best) {
                best = sum;
                end = j + 1;
            }
        }
        if (end == 0) {
            return 0;
        }
        if (end >= stop) {
            return Math.max(0, stop - 0.5);
        }
        double inside = profile[end - 1];
        double outside = profile[end];
        return inside > level && outside < level ? end - 1 + (inside - level) / (inside - outside) : end - 0.5;
    }

    static double[] circularMedian(double[] values, int halfWidth) {
        int n = values.length;
        double[] out = new double[n];
        double[] window = new double[2 * halfWidth + 1];
        for (int k = 0; k < n; k++) {
            for (int d = -halfWidth; d <= halfWidth; d++) {
                window[d + halfWidth] = values[Math.floorMod(k + d, n)];
            }
            java.util.Arrays.sort(window);
            out[k] = window[halfWidth];
        }
        return out;
    }

    private static float bilinear(float[] image, int width, int height, double x, double y) {
        int x0 = Math.max(0, Math.min(width - 2, (int) Math.floor(x)));
        int y0 = Math.max(0, Math.min(height - 2, (int) Math.floor(y)));
        double fx = Math.max(0, Math.min(1, x - x0));
        double fy = Math.max(0, Math.min(1, y - y0));
        if (width < 2 || height < 2) {
            return image[Math.min(image.length - 1, (int) Math.round(y) * width + (int) Math.round(x))];
        }
        int i = y0 * width + x0;
        return (float) ((1 - fy) * ((1 - fx) * image[i] + fx * image[i + 1])
                + fy * ((1 - fx) * image[i + width] + fx * image[i + width + 1]));
    }
}
