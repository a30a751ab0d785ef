package org.lptem.stats;

/**
 * The fits every curve gets, the same for the data and for bootstrap replicates: D by Michalet's free-offset line
 * (unless the user fixed sigma, which then fixes the offset too), and K with alpha in log space with the offset
 * fixed by sigma.
 */
final class FitProcedure {
    private final MsdFitter fitter;
    private final boolean sigmaFixedByUser;

    FitProcedure(MsdFitter fitter, LocalisationMethod method) {
        this.fitter = fitter;
        this.sigmaFixedByUser = method == LocalisationMethod.FIXED || method == LocalisationMethod.NONE;
    }

    MsdFitter fitter() {
        return fitter;
    }

    DiffusionFit diffusion(WeightedMsd curve, double sigma2) {
        if (curve.size() < 1) {
            return new DiffusionFit(Double.NaN, sigma2, 0);
        }
        return sigmaFixedByUser ? fitter.diffusion(curve, sigma2) : fitter.diffusionFreeOffset(curve, sigma2);
    }

    AnomalousFit anomalous(WeightedMsd curve, double sigma2) {
        return curve.size() >= 2 ? fitter.anomalous(curve, sigma2) : AnomalousFit.failed(sigma2, curve.size());
    }

    /** D as {@link #diffusion(WeightedMsd, double)} does, through exactly the first {@code points} lags. */
    DiffusionFit diffusion(WeightedMsd curve, double sigma2, int points) {
        if (curve.size() < 1) {
            return new DiffusionFit(Double.NaN, sigma2, 0);
        }
        return sigmaFixedByUser ? fitter.diffusion(curve, sigma2, points) : fitter.diffusionFreeOffset(curve, points);
    }

    /** K and alpha as {@link #anomalous(WeightedMsd, double)} does, through exactly the first {@code points} lags. */
    AnomalousFit anomalous(WeightedMsd curve, double sigma2, int points) {
        return curve.size() >= 2 ? fitter.anomalous(curve, sigma2, points) : AnomalousFit.failed(sigma2, curve.size());
    }

    MsdParameters fit(WeightedMsd curve, double sigma2) {
        return new MsdParameters(diffusion(curve, sigma2), Interval.NONE, anomalous(curve, sigma2), Interval.NONE,
                Interval.NONE, sigma2, Interval.NONE);
    }
}
