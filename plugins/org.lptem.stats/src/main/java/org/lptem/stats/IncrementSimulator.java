package org.lptem.stats;

import java.util.SplittableRandom;

/**
 * Gaussian tracks whose MSD is exactly a fitted {@link MsdModel} (localisation noise and blur included), by the
 * Davies-Harte method: a process with stationary increments is fixed by its per-axis structure function
 * {@code S(n) = E[(x(k+n) - x(k))^2] = MSD(n) / d}, whose second difference is the autocovariance of the
 * increments; embedding that in a circulant matrix diagonalised by the FFT gives exact samples in O(M log M), and the
 * real and imaginary parts of one complex transform are two independent axes. For fBm the embedding is non-negative;
 * blur and noise keep it so up to rounding, and negative eigenvalues are set to zero.
 */
final class IncrementSimulator {
    private final int span;
    private final int m;
    private final double[] amplitude;
    private final double[] re;
    private final double[] im;

    /** Tracks of {@code span} frames with MSD {@code model.msd(coefficient, alpha, sigma2, n)}. */
    IncrementSimulator(MsdModel model, double coefficient, double alpha, double sigma2, int span) {
        this.span = span;
        int increments = Math.max(1, span - 1);
        m = Math.max(2, Fft.sizeFor(2 * increments));
        double[] s = new double[m / 2 + 2];
        for (int n = 1; n < s.length; n++) {
            s[n] = model.msd(coefficient, alpha, sigma2, n) / model.dimensions();
        }
        double[] c = new double[m];
        double[] zero = new double[m];
        for (int j = 0; j <= m / 2; j++) {
            double gamma = 0.5 * (s[j + 1] + s[Math.abs(j - 1)] - 2 * s[j]);
            c[j] = gamma;
            if (j > 0 && j < m / 2) {
                c[m - j] = gamma;
            }
        }
        Fft.of(m).forward(c, zero);
        amplitude = new double[m];
        for (int k = 0; k < m; k++) {
            amplitude[k] = Math.sqrt(Math.max(0, c[k]) / m);
        }
        re = new double[m];
        im = new double[m];
    }

    /** Fills x and y (length >= span) with a track starting at 0; the axes are independent. */
    void sample(SplittableRandom random, double[] x, double[] y) {
        for (int k = 0; k < m; k++) {
            re[k] = amplitude[k] * random.nextGaussian();
            im[k] = amplitude[k] * random.nextGaussian();
        }
        Fft.of(m).forward(re, im);
        x[0] = 0;
        y[0] = 0;
        for (int k = 1; k < span; k++) {
            x[k] = x[k - 1] + re[k - 1];
            y[k] = y[k - 1] + im[k - 1];
        }
    }
}
