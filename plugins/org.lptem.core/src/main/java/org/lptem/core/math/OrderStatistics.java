package org.lptem.core.math;

/**
 * Order statistics by quickselect: linear time, which matters when every frame pair (linking costs, drift) or every
 * pixel (median filter) needs one.
 */
public final class OrderStatistics {
    private OrderStatistics() {
    }

    /**
     * The {@code q}-quantile (0..1, nearest rank) of {@code values[0..n-1]}; reorders that part of the array.
     * {@code n} must be positive.
     */
    public static double select(double[] values, int n, double q) {
        return rank(values, n, Math.min(n - 1, Math.max(0, (int) Math.ceil(q * n) - 1)));
    }

    /** The median of {@code values[0..n-1]} (mean of the two middle values for even n); reorders them. */
    public static double median(double[] values, int n) {
        double upper = rank(values, n, n / 2);
        return n % 2 == 1 ? upper : (rank(values, n, n / 2 - 1) + upper) / 2;
    }

    /** The value of 0-based rank {@code k} in ascending order among {@code values[0..n-1]}; reorders them. */
    public static double rank(double[] values, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            double pivot = median3(values[lo], values[(lo + hi) >>> 1], values[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double t = values[i];
                    values[i] = values[j];
                    values[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return values[k];
            }
        }
        return values[k];
    }

    private static double median3(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
