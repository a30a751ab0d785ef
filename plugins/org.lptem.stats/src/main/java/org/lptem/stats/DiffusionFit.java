package org.lptem.stats;

/**
 * The Brownian model {@code MSD(n) = 2d [D (n - f/3) + sigma^2]} (alpha = 1, blur included) fitted to the first
 * lags of a curve, in px and frames.
 *
 * @param diffusion D, px^2/frame (NaN when the fit failed)
 * @param sigma2 squared localisation error per axis used or fitted, px^2
 * @param points number of lags fitted (Michalet's optimum for the reduced localisation error)
 */
public record DiffusionFit(double diffusion, double sigma2, int points) {

    public boolean ok() {
        return Double.isFinite(diffusion);
    }

    public double sigma() {
        return Math.sqrt(sigma2);
    }
}
