package org.lptem.core.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OrderStatisticsTest {
    @Test
    void percentilesAndMediansMatchSorting() {
        java.util.Random r = new java.util.Random(2);
        for (int n = 1; n < 60; n++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = r.nextInt(10) + (n % 2 == 0 ? r.nextDouble() : 0);
            }
            double[] sorted = v.clone();
            java.util.Arrays.sort(sorted);
            double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            assertEquals(median, OrderStatistics.median(v.clone(), n), 1e-12);
            assertEquals(sorted[(int) Math.ceil(0.9 * n) - 1], OrderStatistics.select(v.clone(), n, 0.9), 1e-12);
            assertEquals(sorted[n - 1], OrderStatistics.select(v.clone(), n, 1), 1e-12);
        }
    }

    @Test
    void ranksOfTiesAndSmallArrays() {
        double[] a = {5, 1, 4, 2, 3};
        for (int k = 0; k < 5; k++) {
            assertEquals(k + 1, OrderStatistics.rank(a.clone(), 5, k), 0);
        }
        assertEquals(7, OrderStatistics.rank(new double[] {7, 7, 7, 7}, 4, 2), 0);
        assertEquals(2, OrderStatistics.rank(new double[] {9, 2, 1, 8}, 2, 0), 0, "only the first n values count");
    }
}
