package org.lptem.stats;

import org.lptem.core.LptemException;

/**
 * Sums of squared displacements and numbers of point pairs per exact frame lag 0..maxLag. Sums rather than means,
 * so that tracks can be pooled (trackpy's ensemble MSD) by adding them up before dividing.
 */
final class LagSums {
    final int maxLag;
    final double[] sum;
    final long[] count;

    LagSums(int maxLag) {
        if (maxLag < 1) {
            throw new LptemException("maximum lag must be >= 1 frame, got " + maxLag);
        }
        this.maxLag = maxLag;
        sum = new double[maxLag + 1];
        count = new long[maxLag + 1];
    }

    void clear() {
        java.util.Arrays.fill(sum, 0);
        java.util.Arrays.fill(count, 0);
    }

    /** Means per lag, leaving out lags that no pair had. */
    MsdCurve toCurve() {
        int lags = 0;
        for (int lag = 1; lag <= maxLag; lag++) {
            if (count[lag] > 0) {
                lags++;
            }
        }
        int[] lagFrames = new int[lags];
        double[] msd = new double[lags];
        long[] n = new long[lags];
        int k = 0;
        for (int lag = 1; lag <= maxLag; lag++) {
            if (count[lag] > 0) {
                lagFrames[k] = lag;
                msd[k] = sum[lag] / count[lag];
                n[k] = count[lag];
                k++;
            }
        }
        return new MsdCurve(lagFrames, msd, n);
    }
}
