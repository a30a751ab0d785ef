package org.lptem.simulate;

import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;
import org.lptem.core.LptemException;

/**
 * Exact fractional Brownian motion with Hurst exponent H = alpha / 2, by circulant embedding (Davies and Harte
 * 1987; Wood and Chan 1994): the increments (fractional Gaussian noise) have autocovariance
 * gamma(k) = sigma^2 / 2 (|k+1|^2H - 2|k|^2H + |k-1|^2H), which a circulant matrix of size 2m >= 2n embeds and
 * an FFT diagonalises. Its eigenvalues are non-negative for fractional Gaussian noise at every H (Craigmile 2003),
 * so the result is exact, not an approximation. One complex FFT yields two independent series: x and y.
 */
final class FractionalBrownianMotion implements MotionModel {
    private static final double LN2 = Math.log(2);
    private final double hurst;
    private final double sigmaPx;
    /** sqrt(eigenvalue / size) of the embedding for the last length asked for; tracks share one length. */
    private double[] amplitudes = new double[0];
    private int amplitudesFor = -1;

    FractionalBrownianMotion(double alpha, double sigmaPx) {
        this.hurst = alpha / 2;
        this.sigmaPx = sigmaPx;
    }

    @Override
    public void increments(SplitMix64 rng, double[] dx, double[] dy) {
        int n = dx.length;
        if (n == 0) {
            return;
        }
        double[] a = amplitudes(n);
        double[][] data = new double[2][a.length];
        for (int j = 0; j < a.length; j++) {
            data[0][j] = a[j] * rng.nextGaussian();
            data[1][j] = a[j] * rng.nextGaussian();
        }
        FastFourierTransformer.transformInPlace(data, DftNormalization.STANDARD, TransformType.FORWARD);
        for (int k = 0; k < n; k++) {
            dx[k] = sigmaPx * data[0][k];
            dy[k] = sigmaPx * data[1][k];
        }
    }

    /**
     * Autocovariance of unit-variance fractional Gaussian noise at lag k &gt;= 0. The textbook form is a second
     * difference of powers of size k^2H whose result is only of size k^(2H-2): at lag 10^5 and alpha near 2 that
     * cancels ten digits, and the rounding errors, summed by the FFT over the whole embedding, drive eigenvalues
     * negative. Instead, with x = 1/k, gamma(k) = k^2H sum_{j>=1} C(2H, 2j) x^2j (the even terms of the two
     * binomial series); for 0 &lt; 2H &lt; 2 every C(2H, 2j) has the sign of 2H - 1, so the terms never cancel and the
     * sum is exact to a few ulp at every lag.
     */
    double autocovariance(int k) {
        double h2 = 2 * hurst;
        if (k == 0) {
            return 1;
        }
        if (k == 1) {
            // 0.5 (2^2H - 2) without the cancellation near alpha = 1; 2H - 1 is exact (Sterbenz).
            return Math.expm1((h2 - 1) * LN2);
        }
        double x2 = 1.0 / ((double) k * k);
        double term = 0.5 * h2 * (h2 - 1) * x2;
        double sum = term;
        // Each term is at most x^2 <= 1/4 times the one before: about 30 terms at lag 2, two or three at long lags.
        for (int j = 1; term != 0 && Math.abs(term) > 1e-18 * Math.abs(sum); j++) {
            term *= (h2 - 2 * j) * (h2 - 2 * j - 1) / ((2.0 * j + 1) * (2.0 * j + 2)) * x2;
            sum += term;
        }
        return Math.pow(k, h2) * sum;
    }

    /** The amplitudes for tracks of n increments; package-private so that tests can check the embedding exactly. */
    double[] amplitudes(int n) {
        if (n == amplitudesFor) {
            return amplitudes;
        }
        int m = Integer.highestOneBit(n) == n ? n : Integer.highestOneBit(n) << 1;
        int size = 2 * m;
        double[][] c = new double[2][size];
        for (int k = 0; k <= m; k++) {
            c[0][k] = autocovariance(k);
        }
        for (int k = 1; k < m; k++) {
            c[0][size - k] = c[0][k];
        }
        FastFourierTransformer.transformInPlace(c, DftNormalization.STANDARD, TransformType.FORWARD);
        double[] a = amplitudesOf(c[0], 2 * hurst, n);
        amplitudes = a;
        amplitudesFor = n;
        return a;
    }

    /**
     * sqrt(eigenvalue / size) for the eigenvalues of an embedding of size {@code eigenvalues.length}; alpha and n
     * only name the request in the error.
     */
    static double[] amplitudesOf(double[] eigenvalues, double alpha, int n) {
        int size = eigenvalues.length;
        double largest = 0;
        for (double lambda : eigenvalues) {
            largest = Math.max(largest, lambda);
        }
        double[] a = new double[size];
        for (int j = 0; j < size; j++) {
            double lambda = eigenvalues[j];
            if (lambda < -1e-9 * largest) {
                // Not expected with exact autocovariances (Craigmile 2003); if rounding ever wins, say for which input.
                throw new LptemException("fractional Brownian motion with alpha = " + alpha + " cannot be generated "
                        + "for tracks of " + n + " steps: the circulant embedding has a negative eigenvalue " + lambda
                        + " (largest " + largest + "); use shorter tracks or an alpha further from 2");
            }
            // Rounding leaves eigenvalues that are zero in exact arithmetic at about -1e-16.
            a[j] = Math.sqrt(Math.max(0, lambda) / size);
        }
        return a;
    }
}
