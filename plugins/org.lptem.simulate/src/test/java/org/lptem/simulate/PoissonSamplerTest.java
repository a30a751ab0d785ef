package org.lptem.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PoissonSamplerTest {
    private static final int N = 200_000;

    private static double[] draw(double mean, long seed, int n) {
        PoissonSampler sampler = new PoissonSampler();
        SplitMix64 rng = new SplitMix64(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = sampler.sample(rng, mean);
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 30, 5000})
    void meanAndVarianceEqualTheMean(double lambda) {
        double[] x = draw(lambda, 11, N);
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= N;
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        var /= N - 1;
        // Five standard errors: the mean's is sqrt(lambda/N); the variance's uses the Poisson fourth moment.
        double meanTol = 5 * Math.sqrt(lambda / N);
        double varTol = 5 * Math.sqrt((lambda + 2 * lambda * lambda) / N);
        assertEquals(lambda, mean, meanTol, "mean");
        assertEquals(lambda, var, varTol, "variance");
    }

    /** A normal approximation (even rounded) has no skew; Poisson(30)'s third central moment is 30. */
    @Test
    void skewnessIsPoissonNotNormal() {
        double lambda = 30;
        double[] x = draw(lambda, 5, N);
        double m3 = 0;
        for (double v : x) {
            m3 += Math.pow(v - lambda, 3);
        }
        m3 /= N;
        // Standard error of the third sample moment for a near-normal variable: sqrt(6 sigma^6 / N), ~0.9 here.
        assertEquals(lambda, m3, 5 * Math.sqrt(6 * lambda * lambda * lambda / N));
    }

    /** Chi-square goodness of fit against the exact pmf, on both sides of the inversion/rejection switch. */
    @ParameterizedTest
    @ValueSource(doubles = {0.5, 3, 9.99, 10, 12, 30, 200})
    void frequenciesFollowThePoissonPmf(double lambda) {
        assertFollowsThePmf(draw(lambda, 77, 100_000), lambda);
    }

    /** The per-column background tables: the same distribution through a different algorithm. */
    @ParameterizedTest
    @ValueSource(doubles = {0, 0.3, 4, 9.99, 30, 500, 2000})
    void tablesFollowThePoissonPmf(double lambda) {
        PoissonTable table = new PoissonTable(lambda);
        SplitMix64 rng = new SplitMix64(91);
        double[] x = new double[100_000];
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            x[i] = table.sample(rng);
            sum += x[i];
        }
        assertEquals(lambda, sum / x.length, 5 * Math.sqrt(lambda / x.length) + 1e-12);
        if (lambda > 0) {
            assertFollowsThePmf(x, lambda);
        }
    }

    private static void assertFollowsThePmf(double[] x, double lambda) {
        int n = x.length;
        PoissonDistribution exact = new PoissonDistribution(lambda);
        int lo = Math.max(0, (int) (lambda - 6 * Math.sqrt(lambda) - 2));
        int hi = (int) (lambda + 6 * Math.sqrt(lambda) + 3);
        // Bins lo-1 and hi+1 pool the two tails.
        long[] observed = new long[hi - lo + 3];
        for (double v : x) {
            int k = (int) v;
            observed[k < lo ? 0 : k > hi ? observed.length - 1 : k - lo + 1]++;
        }
        double[] expected = new double[observed.length];
        expected[0] = lo > 0 ? exact.cumulativeProbability(lo - 1) * n : 0;
        for (int k = lo; k <= hi; k++) {
            expected[k - lo + 1] = exact.probability(k) * n;
        }
        expected[observed.length - 1] = (1 - exact.cumulativeProbability(hi)) * n;
        // Merge sparse bins (expected < 5) into their neighbours so the chi-square approximation holds.
        double chi2 = 0;
        int dof = -1;
        double e = 0;
        long o = 0;
        for (int i = 0; i < observed.length; i++) {
            e += expected[i];
            o += observed[i];
            if (e >= 5 || i == observed.length - 1) {
                if (e > 0) {
                    chi2 += (o - e) * (o - e) / e;
                    dof++;
                }
                e = 0;
                o = 0;
            }
        }
        double critical = new ChiSquaredDistribution(Math.max(1, dof)).inverseCumulativeProbability(1 - 1e-4);
        assertTrue(chi2 < critical, "chi2 " + chi2 + " with " + dof + " dof exceeds " + critical);
    }

    @Test
    void zeroMeanGivesZero() {
        assertEquals(0, new PoissonSampler().sample(new SplitMix64(1), 0));
    }

    @Test
    void probabilityOfZeroAtHalf() {
        double[] x = draw(0.5, 3, N);
        long zeros = 0;
        for (double v : x) {
            if (v == 0) {
                zeros++;
            }
        }
        double p0 = Math.exp(-0.5);
        assertEquals(p0, (double) zeros / N, 5 * Math.sqrt(p0 * (1 - p0) / N));
    }

    @Test
    void logFactorialMatchesGammaOnBothSidesOfTheTable() {
        for (double k : new double[] {0, 1, 2, 10, 1023, 1024, 1025, 5000, 1e6, 1e9}) {
            double expected = Gamma.logGamma(k + 1);
            assertEquals(expected, PoissonSampler.logFactorial(k), Math.max(1e-12, Math.abs(expected) * 1e-14),
                    "ln " + k + "!");
        }
    }
}
