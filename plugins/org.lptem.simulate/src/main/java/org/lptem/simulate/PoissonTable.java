package org.lptem.simulate;

/**
 * Exact Poisson variates of one fixed mean by Walker's alias method (Vose's construction): one uniform, one table
 * look-up and one comparison per variate, without the data-dependent loop of sequential inversion, whose branch
 * mispredictions dominate at the low means of LPTEM frames. The background of a frame has one mean per column, so a
 * table per column turns the detector's dominant cost, a million variates a frame, into table look-ups. The table
 * spans mean +- (13 sd + 13), beyond which the Poisson mass is below 1e-30.
 */
final class PoissonTable {
    /** Above this mean the table (~26 sqrt(mean) entries) costs more memory than it saves time. */
    static final double MAX_MEAN = 2000;

    private final double mean;
    private final int first;
    /** Probability of keeping column j rather than taking its alias, per column. */
    private final double[] keep;
    private final int[] alias;

    PoissonTable(double mean) {
        if (!(mean >= 0 && mean <= MAX_MEAN)) {
            throw new IllegalArgumentException("mean " + mean + " outside [0, " + MAX_MEAN + "]");
        }
        this.mean = mean;
        double spread = 13 * Math.sqrt(mean) + 13;
        this.first = (int) Math.max(0, Math.floor(mean - spread));
        int n = (int) Math.ceil(mean + spread) - first + 1;
        double[] pmf = new double[n];
        // Start far in the left tail (no underflow there: p > 1e-40) and recur upwards: p(k+1) = p(k) mean / (k+1).
        double p = mean == 0 ? 1 : Math.exp(-mean + first * Math.log(mean) - PoissonSampler.logFactorial(first));
        double sum = 0;
        for (int j = 0; j < n; j++) {
            pmf[j] = p;
            sum += p;
            p *= mean / (first + j + 1);
        }
        keep = new double[n];
        alias = new int[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int ns = 0;
        int nl = 0;
        for (int j = 0; j < n; j++) {
            pmf[j] *= n / sum;
            if (pmf[j] < 1) {
                small[ns++] = j;
            } else {
                large[nl++] = j;
            }
        }
        while (ns > 0 && nl > 0) {
            int s = small[--ns];
            int l = large[--nl];
            keep[s] = pmf[s];
            alias[s] = l;
            pmf[l] += pmf[s] - 1;
            if (pmf[l] < 1) {
                small[ns++] = l;
            } else {
                large[nl++] = l;
            }
        }
        // What is left is 1 up to rounding: those columns keep themselves.
        while (nl > 0) {
            int l = large[--nl];
            keep[l] = 1;
            alias[l] = l;
        }
        while (ns > 0) {
            int s = small[--ns];
            keep[s] = 1;
            alias[s] = s;
        }
    }

    double mean() {
        return mean;
    }

    double sample(SplitMix64 rng) {
        double u = rng.nextDouble() * keep.length;
        int j = (int) u;
        return first + (u - j < keep[j] ? j : alias[j]);
    }
}
