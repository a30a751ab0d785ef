package org.lptem.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class SplitMix64Test {

    /** The ziggurat against the normal distribution: bins across the body, the tail beyond R, the moments. */
    @Test
    void gaussiansAreStandardNormal() {
        SplitMix64 rng = new SplitMix64(17);
        int n = 2_000_000;
        double lo = -4;
        double width = 0.1;
        long[] bins = new long[80];
        long beyondR = 0;
        double sum = 0;
        double sum2 = 0;
        double sum4 = 0;
        for (int i = 0; i < n; i++) {
            double x = rng.nextGaussian();
            sum += x;
            sum2 += x * x;
            sum4 += x * x * x * x;
            int b = (int) Math.floor((x - lo) / width);
            if (b >= 0 && b < bins.length) {
                bins[b]++;
            }
            if (Math.abs(x) > 3.442619855899) {
                beyondR++;
            }
        }
        NormalDistribution normal = new NormalDistribution();
        double chi2 = 0;
        for (int b = 0; b < bins.length; b++) {
            double p = normal.cumulativeProbability(lo + (b + 1) * width) - normal.cumulativeProbability(lo + b * width);
            chi2 += (bins[b] - n * p) * (bins[b] - n * p) / (n * p);
        }
        double critical = new ChiSquaredDistribution(bins.length - 1).inverseCumulativeProbability(1 - 1e-4);
        assertTrue(chi2 < critical, "chi2 " + chi2 + " above " + critical);
        double tail = 2 * normal.cumulativeProbability(-3.442619855899);
        assertEquals(tail * n, beyondR, 5 * Math.sqrt(tail * n), "the tail beyond the base layer");
        assertEquals(0, sum / n, 5 / Math.sqrt(n));
        assertEquals(1, sum2 / n, 5 * Math.sqrt(2.0 / n));
        assertEquals(3, sum4 / n, 5 * Math.sqrt(96.0 / n), "kurtosis of a normal");
    }

    @Test
    void streamsAreKeyedByEveryKeyInOrder() {
        assertEquals(SplitMix64.stream(1, 2, 3).nextLong(), SplitMix64.stream(1, 2, 3).nextLong());
        assertNotEquals(SplitMix64.stream(1, 2, 3).nextLong(), SplitMix64.stream(1, 3, 2).nextLong());
        assertNotEquals(SplitMix64.stream(1, 2).nextLong(), SplitMix64.stream(2, 2).nextLong());
        double u = new SplitMix64(5).nextDouble();
        assertTrue(u >= 0 && u < 1);
    }
}
