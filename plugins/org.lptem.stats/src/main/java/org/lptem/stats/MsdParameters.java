package org.lptem.stats;

/**
 * The fitted parameters of one track or of the ensemble, px and frames, with their bootstrap confidence intervals
 * ({@link Interval#NONE} without bootstrap).
 *
 * @param diffusion the Brownian fit (alpha = 1): D and its number of lags
 * @param diffusionCi D, px^2/frame
 * @param anomalous the fit of K and alpha
 * @param coefficientCi K, px^2/frame^alpha
 * @param alphaCi alpha
 * @param sigma2 squared localisation error per axis used in both fits, px^2
 * @param sigmaCi sigma, px
 */
public record MsdParameters(DiffusionFit diffusion, Interval diffusionCi, AnomalousFit anomalous,
        Interval coefficientCi, Interval alphaCi, double sigma2, Interval sigmaCi) {

    public double sigma() {
        return Math.sqrt(sigma2);
    }

    MsdParameters withIntervals(Interval d, Interval k, Interval a, Interval s) {
        return new MsdParameters(diffusion, d, anomalous, k, a, sigma2, s);
    }
}
