package org.lptem.stats;

/**
 * The (self) van Hove function at one lag, projected on one axis: the probability density of the 1D displacement,
 * x and y pooled (isotropy assumed), as a histogram and as a Gaussian kernel density estimate, with the Gaussian of
 * the same mean and variance for reference. Bins span the mean +- {@code halfWidthSd} standard deviations.
 *
 * @param lag frames
 * @param n number of 1D displacements (twice the 2D ones)
 * @param centres bin centres, px
 * @param histogram density per bin, 1/px (counts / (n x bin width); beyond the range the tails are not counted)
 * @param kde kernel density at the centres, 1/px
 * @param gaussian normal density with the sample mean and variance at the centres, 1/px
 * @param bandwidth of the kernel, px (Silverman's rule)
 */
public record VanHove(int lag, int n, double[] centres, double[] histogram, double[] kde, double[] gaussian,
        double bandwidth) {

    /** Points of the fine grid the kernel estimate is binned on (linear binning, then a direct convolution). */
    private static final int FINE = 2048;

    public static VanHove of(DisplacementSample sample, int bins, double halfWidthSd) {
        double[] v = sample.bothAxes();
        int n = v.length;
        if (n < 2 || bins < 1) {
            return new VanHove(sample.lag(), n, new double[0], new double[0], new double[0], new double[0],
                    Double.NaN);
        }
        double mean = 0;
        for (double d : v) {
            mean += d;
        }
        mean /= n;
        double var = 0;
        for (double d : v) {
            var += (d - mean) * (d - mean);
        }
        var /= n - 1;
        double sd = Math.sqrt(var);
        double half = sd > 0 ? halfWidthSd * sd : 1;
        double lo = mean - half;
        double width = 2 * half / bins;
        double[] centres = new double[bins];
        double[] hist = new double[bins];
        for (int b = 0; b < bins; b++) {
            centres[b] = lo + (b + 0.5) * width;
        }
        for (double d : v) {
            int b = (int) Math.floor((d - lo) / width);
            if (b >= 0 && b < bins) {
                hist[b]++;
            }
        }
        for (int b = 0; b < bins; b++) {
            hist[b] /= n * width;
        }
        double bandwidth = silverman(v, sd);
        double[] kde = kde(v, lo, 2 * half, bandwidth, centres);
        double[] gauss = new double[bins];
        for (int b = 0; b < bins; b++) {
            double z = (centres[b] - mean) / sd;
            gauss[b] = sd > 0 ? Math.exp(-0.5 * z * z) / (sd * Math.sqrt(2 * Math.PI)) : Double.NaN;
        }
        return new VanHove(sample.lag(), n, centres, hist, kde, gauss, bandwidth);
    }

    /** 0.9 min(sd, IQR/1.34) n^(-1/5): robust to the heavy tails the van Hove function is looked at for. */
    static double silverman(double[] v, double sd) {
        double[] sorted = v.clone();
        java.util.Arrays.sort(sorted);
        double iqr = Interval.quantile(sorted, 0.75) - Interval.quantile(sorted, 0.25);
        double spread = iqr > 0 ? Math.min(sd, iqr / 1.34) : sd;
        return 0.9 * spread * Math.pow(v.length, -0.2);
    }

    /**
     * Gaussian KDE at the centres: the samples are spread linearly onto a fine grid covering the range plus four
     * bandwidths, which is then convolved with the kernel, O(n + FINE x kernel width) instead of O(n x points).
     */
    private static double[] kde(double[] v, double lo, double range, double h, double[] at) {
        double[] out = new double[at.length];
        if (!(h > 0)) {
            return out;
        }
        double gridLo = lo - 4 * h;
        double step = (range + 8 * h) / (FINE - 1);
        double[] mass = new double[FINE];
        for (double d : v) {
            double pos = (d - gridLo) / step;
            int i = (int) Math.floor(pos);
            double frac = pos - i;
            if (i >= 0 && i < FINE) {
                mass[i] += 1 - frac;
            }
            if (i + 1 >= 0 && i + 1 < FINE) {
                mass[i + 1] += frac;
            }
        }
        int reach = (int) Math.ceil(4 * h / step);
        double norm = 1 / (v.length * h * Math.sqrt(2 * Math.PI));
        for (int p = 0; p < at.length; p++) {
            double centre = (at[p] - gridLo) / step;
            int c = (int) Math.round(centre);
            double sum = 0;
            for (int i = Math.max(0, c - reach); i <= Math.min(FINE - 1, c + reach); i++) {
                double z = (i - centre) * step / h;
                sum += mass[i] * Math.exp(-0.5 * z * z);
            }
            out[p] = sum * norm;
        }
        return out;
    }
}
