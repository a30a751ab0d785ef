package org.lptem.stats;

/**
 * Relative variance of a time-averaged MSD point for 2D Brownian motion (Qian, Sheetz and Elson 1991, Biophys. J.
 * 60:910): with K overlapping displacements at lag n, {@code var/MSD^2 = (4n^2K + 2K + n - n^3) / (6nK^2)} for
 * {@code n <= K} and {@code 1 + (K^3 - 4nK^2 + 4n - K) / (6n^2K)} beyond. Overlapping displacements are correlated,
 * so the variance falls much slower than 1/K at long lags; the inverse serves as the weight of a lag in fits and of a
 * track in ensemble averages. For other motions and dimensions it is off by a factor that cancels in the weights.
 */
public final class QianVariance {
    private QianVariance() {
    }

    /** @param lag n, frames (>= 1); @param displacements K, the number of displacements averaged (>= 1) */
    public static double relative(int lag, long displacements) {
        double n = lag;
        double k = displacements;
        if (k < 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (n <= k) {
            return (4 * n * n * k + 2 * k + n - n * n * n) / (6 * n * k * k);
        }
        return 1 + (k * k * k - 4 * n * k * k + 4 * n - k) / (6 * n * n * k);
    }

    /** Per lag of a time-averaged curve, from its displacement counts. */
    public static double[] of(MsdCurve curve) {
        double[] out = new double[curve.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = relative(curve.lag(i), curve.count(i));
        }
        return out;
    }
}
