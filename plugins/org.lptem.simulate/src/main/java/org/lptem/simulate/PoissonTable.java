package org.lptem.simulate;

/**
 * Exact Poisson variates of one fixed mean by Walker's alias method (Vose's construction): one 64-bit random word,
 * two table look-ups and no data-dependent branch per variate. The high 32 bits pick a column, the low 32 bits decide
 * between the column and its alias, so each probability is resolved to 2^-32 of a column (the table's own rounding is
 * ~1e-16): nothing a simulation could detect. Sequential inversion's loop, and even the alias method's
 * keep-or-alias branch, mispredict at random; at the low means of LPTEM frames that dominated the detector's time. The background of a frame has one mean per column, so a
 * table per column turns the detector's dominant cost, a million variates a frame, into table look-ups. The table
 * spans mean +- (13 sd + 13), beyond which the Poisson mass is below 1e-30.
 */
final class PoissonTable {
    /** Above this mean the table (~26 sqrt(mean) entries) costs more memory than it saves time. */
    static final double MAX_MEAN = 2000;
    private static final double TWO_32 = 0x1p32;
    private static final long LOW_32 = 0xFFFF_FFFFL;

    private final double mean;
    private final int first;
    /** Column j is kept when the low 32 bits of the random word are below threshold[j] (keep probability x 2^32). */
    private final long[] threshold;
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
        double[] keep = new double[n];
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
        threshold = new long[n];
        for (int j = 0; j < n; j++) {
            threshold[j] = (long) Math.min(TWO_32, Math.rint(keep[j] * TWO_32));
        }
    }

    double mean() {
        return mean;
    }

    double sample(SplitMix64 rng) {
        long bits = rng.nextLong();
        int j = (int) (((bits >>> 32) * alias.length) >>> 32);
        // all ones when the column is kept, else zero: a select without a branch
        int keepMask = (int) (((bits & LOW_32) - threshold[j]) >> 63);
        int a = alias[j];
        return first + (a + ((j - a) & keepMask));
    }
}
