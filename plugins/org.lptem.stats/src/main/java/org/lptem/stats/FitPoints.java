package org.lptem.stats;

/**
 * How many MSD lags to fit. Short lags carry nearly independent information, long ones are noisy and correlated;
 * the optimum for D grows with the reduced localisation error {@code x = sigma^2 / (D dt) - 2R} (Michalet 2010,
 * Phys. Rev. E 82:041914; with the blur coefficient R of Michalet and Berglund 2012): about {@code 2 + 2.3 x^0.52}.
 * For the exponent alpha the lever arm matters as well: on fBm tracks of 50 to 1,000 frames with alpha in
 * (0.1, 1.9) the error of alpha was flat between 3 and 10 lags with a minimum near 5, whatever the length, so alpha
 * uses at least {@value #MIN_ALPHA_POINTS}.
 */
public final class FitPoints {
    /** Fewest lags for the exponent. */
    public static final int MIN_ALPHA_POINTS = 5;

    private FitPoints() {
    }

    /** Michalet's optimal number of lags for D given the reduced localisation error (clamped to [2, available]). */
    public static int forDiffusion(double reducedError, int available) {
        double x = Double.isFinite(reducedError) ? Math.max(0, reducedError) : 0;
        int p = (int) Math.floor(2 + 2.3 * Math.pow(x, 0.52));
        return clamp(p, 2, available);
    }

    /** Lags for the exponent: at least {@value #MIN_ALPHA_POINTS}, and at least as many as for D. */
    public static int forAlpha(double reducedError, int available) {
        return clamp(Math.max(MIN_ALPHA_POINTS, forDiffusion(reducedError, Integer.MAX_VALUE)), 2, available);
    }

    /** x = sigma^2 / (D dt) - 2R, in frames. */
    public static double reducedError(double sigma2, double diffusion, MsdModel model) {
        return sigma2 / diffusion - 2 * model.blurCoefficient();
    }

    private static int clamp(int p, int lo, int hi) {
        return Math.max(Math.min(lo, hi), Math.min(p, hi));
    }
}
