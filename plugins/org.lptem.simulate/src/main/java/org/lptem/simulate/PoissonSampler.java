package org.lptem.simulate;

import org.apache.commons.math3.special.Gamma;

/**
 * Exact Poisson variates. Shot noise at the low doses of liquid-cell work (tens of electrons per pixel) is visibly
 * skewed, so a normal approximation would misrepresent exactly the regime the simulator exists for; both branches
 * here sample the true distribution.
 *
 * <p>An instance remembers the set-up of the last mean it saw: background pixels share one mean, so rendering a
 * frame mostly skips it. One instance per thread.
 */
final class PoissonSampler {
    /** Below this mean inversion is cheap (a few terms); above it the rejection method's set-up pays off. */
    private static final double INVERSION_LIMIT = 10;
    /** ln k! is tabulated below this k and taken from Stirling's series above (error < 1e-17 there). */
    private static final int LOG_FACTORIAL_TABLE = 1024;
    private static final double[] LOG_FACTORIAL = new double[LOG_FACTORIAL_TABLE];
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    static {
        for (int k = 0; k < LOG_FACTORIAL_TABLE; k++) {
            LOG_FACTORIAL[k] = Gamma.logGamma(k + 1.0);
        }
    }

    private double mean = Double.NaN;
    private double logMean;
    private double b;
    private double a;
    private double logInvAlpha;
    private double vr;
    private double expMinusMean;

    /** One Poisson variate of the given mean (>= 0), as a double because bright pixels exceed int range. */
    double sample(SplitMix64 rng, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean != this.mean) {
            setUp(mean);
        }
        return mean < INVERSION_LIMIT ? inversion(rng) : transformedRejection(rng);
    }

    private void setUp(double m) {
        mean = m;
        if (m < INVERSION_LIMIT) {
            expMinusMean = Math.exp(-m);
            return;
        }
        logMean = Math.log(m);
        b = 0.931 + 2.53 * Math.sqrt(m);
        a = -0.059 + 0.02483 * b;
        logInvAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
        vr = 0.9277 - 3.6224 / (b - 2);
    }

    /** Sequential search of the cumulative distribution: one uniform per variate. */
    private double inversion(SplitMix64 rng) {
        double u = rng.nextDouble();
        double p = expMinusMean;
        double cumulative = p;
        int k = 0;
        // The bound only matters if rounding leaves the cumulative sum just below u; the tail beyond is < 1e-30.
        while (u > cumulative && k < 200) {
            k++;
            p *= mean / k;
            cumulative += p;
        }
        return k;
    }

    /**
     * Hörmann's PTRS (transformed rejection with squeeze, Insurance: Mathematics and Economics 12, 1993), exact
     * for means of 10 and above with about 1.1 uniform pairs per variate.
     */
    private double transformedRejection(SplitMix64 rng) {
        while (true) {
            double u = rng.nextDouble() - 0.5;
            double v = rng.nextDouble();
            double us = 0.5 - Math.abs(u);
            double k = Math.floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            if (Math.log(v) + logInvAlpha - Math.log(a / (us * us) + b) <= -mean + k * logMean - logFactorial(k)) {
                return k;
            }
        }
    }

    /** ln k! for integral k >= 0. */
    static double logFactorial(double k) {
        if (k < LOG_FACTORIAL_TABLE) {
            return LOG_FACTORIAL[(int) k];
        }
        double inv = 1 / k;
        double inv2 = inv * inv;
        return k * Math.log(k) - k + 0.5 * Math.log(k) + HALF_LOG_TWO_PI
                + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 / 1260));
    }
}
