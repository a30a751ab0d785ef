package org.lptem.simulate;

import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * Exact fractional Brownian motion with Hurst exponent H = alpha / 2, by circulant embedding (Davies and Harte
 * 1987; Wood and Chan 1994): the increments (fractional Gaussian noise) have autocovariance
 * gamma(k) = sigma^2 / 2 (|k+1|^2H - 2|k|^2H + |k-1|^2H), which a circulant matrix of size 2m >= 2n embeds and
 * an FFT diagonalises. Its eigenvalues are non-negative for fractional Gaussian noise at every H (Craigmile 2003),
 * so the result is exact, not an approximation. One complex FFT yields two independent series: x and y.
 */
final class FractionalBrownianMotion implements MotionModel {
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

    /** Autocovariance of unit-variance fractional Gaussian noise at lag k. */
    double autocovariance(int k) {
        double h2 = 2 * hurst;
        return 0.5 * (Math.pow(k + 1, h2) - 2 * Math.pow(k, h2) + Math.pow(Math.abs(k - 1), h2));
    }

    private double[] amplitudes(int n) {
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
        double[] a = new double[size];
        double largest = 0;
        for (int j = 0; j < size; j++) {
            largest = Math.max(largest, c[0][j]);
        }
        for (int j = 0; j < size; j++) {
            double lambda = c[0][j];
            if (lambda < -1e-9 * largest) {
                throw new IllegalStateException("circulant embedding not non-negative for H = " + hurst + ": "
                        + lambda);
            }
            // Rounding leaves eigenvalues that are zero in exact arithmetic at about -1e-16.
            a[j] = Math.sqrt(Math.max(0, lambda) / size);
        }
        amplitudes = a;
        amplitudesFor = n;
        return a;
    }
}
