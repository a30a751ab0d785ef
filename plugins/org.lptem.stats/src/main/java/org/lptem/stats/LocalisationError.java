package org.lptem.stats;

import java.util.List;

/**
 * Estimators of the localisation error sigma (per axis, px) from the tracks themselves; see
 * {@link LocalisationMethod} for when each is right.
 */
public final class LocalisationError {
    private LocalisationError() {
    }

    /**
     * The covariance estimator (CVE) pooled over tracks and axes, from triples of consecutive frames:
     * {@code sigma^2 = R <dx^2> + (2R - 1) <dx_i dx_i+1>} with R the blur coefficient. Clamped at 0.
     */
    public static double covarianceSigma2(List<TrackSeries> tracks, MsdModel model) {
        return covarianceSigma2(covarianceSums(tracks, model), model);
    }

    static double covarianceSigma2(double[] s, MsdModel model) {
        if (s[2] == 0) {
            return 0;
        }
        double r = model.blurCoefficient();
        double meanSquare = s[0] / s[2];
        double meanProduct = s[1] / s[2];
        return Math.max(0, r * meanSquare + (2 * r - 1) * meanProduct);
    }

    /**
     * D from the same moments (Vestergaard et al.): {@code D = <dx^2> / 2 + <dx_i dx_i+1>}, px^2/frame; the
     * Brownian counterpart of {@link #covarianceSigma2}.
     */
    public static double covarianceDiffusion(List<TrackSeries> tracks, MsdModel model) {
        double[] s = covarianceSums(tracks, model);
        return s[2] == 0 ? Double.NaN : s[0] / s[2] / 2 + s[1] / s[2];
    }

    /** {sum dx^2, sum dx_i dx_i+1, count} over the model's axes of all tracks, where three consecutive frames exist. */
    static double[] covarianceSums(List<TrackSeries> tracks, MsdModel model) {
        double sq = 0;
        double prod = 0;
        long n = 0;
        for (TrackSeries t : tracks) {
            int[] f = t.frames();
            double[][] axes = model.dimensions() == 2 ? new double[][] {t.x(), t.y()} : new double[][] {t.x()};
            for (double[] c : axes) {
                for (int i = 0; i + 2 < f.length; i++) {
                    if (f[i + 1] == f[i] + 1 && f[i + 2] == f[i] + 2) {
                        double d1 = c[i + 1] - c[i];
                        double d2 = c[i + 2] - c[i + 1];
                        sq += d1 * d1;
                        prod += d1 * d2;
                        n++;
                    }
                }
            }
        }
        return new double[] {sq, prod, n};
    }

    /**
     * The shared offset of the tracks' curves by profiling (see {@link OffsetProfile}), with the number of lags
     * per track raised from {@link FitPoints#MIN_ALPHA_POINTS} when the estimate says the error is large. A profile
     * without curves when none has enough lags: check {@link OffsetProfile#curves()}.
     */
    public static OffsetProfile ensembleProfile(List<WeightedMsd> curves, MsdFitter fitter) {
        OffsetProfile profile = new OffsetProfile(curves, fitter, FitPoints.MIN_ALPHA_POINTS);
        if (profile.curves() == 0) {
            return profile;
        }
        double sigma2 = profile.sigma2();
        WeightedMsd mean = EnsembleMsd.timeAveragedMean(curves.stream().map(WeightedMsd::curve).toList());
        DiffusionFit d = fitter.diffusion(mean, sigma2);
        if (d.ok() && d.diffusion() > 0) {
            int points = FitPoints.forAlpha(FitPoints.reducedError(sigma2, d.diffusion(), fitter.model()),
                    Integer.MAX_VALUE);
            if (points > FitPoints.MIN_ALPHA_POINTS) {
                return new OffsetProfile(curves, fitter, points);
            }
        }
        return profile;
    }
}
