package org.lptem.stats;

/**
 * {@code MSD(n) = 2d [K s_alpha(n) + sigma^2]} fitted to the first lags of a curve, in px and frames (see
 * {@link MsdModel}).
 *
 * @param coefficient K, the generalised diffusion coefficient, px^2 / frame^alpha (NaN when the fit failed)
 * @param alpha the anomalous exponent, in [0, 2]
 * @param sigma2 squared localisation error per axis used or fitted, px^2
 * @param points number of lags fitted
 * @param residual weighted sum of squared log residuals plus the penalty for points below the offset
 */
public record AnomalousFit(double coefficient, double alpha, double sigma2, int points, double residual) {

    /** No fit: too few usable points. */
    static AnomalousFit failed(double sigma2, int points) {
        return new AnomalousFit(Double.NaN, Double.NaN, sigma2, points, Double.POSITIVE_INFINITY);
    }

    public boolean ok() {
        return Double.isFinite(coefficient) && Double.isFinite(alpha);
    }

    public double sigma() {
        return Math.sqrt(sigma2);
    }
}
