package org.lptem.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Confidence intervals for one track by a parametric bootstrap: a single track cannot be resampled without breaking
 * the correlations the MSD measures, so replicates are simulated from the fitted model (K, alpha, sigma, blur) with
 * the track's own frames (gaps included) by {@link IncrementSimulator}, and refitted exactly like the data. The
 * sigma used to refit replicate b is the ensemble bootstrap's replicate b (shared-sigma methods), or the replicate's
 * own free offset ({@link LocalisationMethod#PER_TRACK}), so the intervals carry the uncertainty of sigma too.
 */
final class TrackBootstrap {
    private TrackBootstrap() {
    }

    /** One simulated track refitted: the sigma it was fitted with and its fits. */
    record Replicate(double sigma2, DiffusionFit diffusion, AnomalousFit anomalous) {
    }

    /**
     * Intervals for D, K, alpha and sigma; the fit's own intervals unchanged when nothing can be simulated.
     *
     * @param maxLag the analysis' maximum lag, that of the curve {@code fit} came from
     */
    static MsdParameters intervals(TrackSeries track, MsdParameters fit, MsdModel model, LocalisationMethod method,
            double[] sigma2Replicates, int replicates, long seed, double confidence, int maxLag) {
        List<Replicate> fits = replicates(track, fit, model, method, sigma2Replicates, replicates, seed, maxLag);
        if (fits.isEmpty()) {
            return fit;
        }
        int n = fits.size();
        double[] d = new double[n];
        double[] kk = new double[n];
        double[] a = new double[n];
        double[] s = new double[n];
        for (int b = 0; b < n; b++) {
            Replicate r = fits.get(b);
            s[b] = Math.sqrt(r.sigma2());
            d[b] = r.diffusion().diffusion();
            kk[b] = r.anomalous().coefficient();
            a[b] = r.anomalous().alpha();
        }
        Interval sigmaCi = method == LocalisationMethod.PER_TRACK ? Interval.percentile(s, confidence) : fit.sigmaCi();
        return fit.withIntervals(Interval.percentile(d, confidence), Interval.percentile(kk, confidence),
                Interval.percentile(a, confidence), sigmaCi);
    }

    /**
     * The refitted replicates, none when the fit gives no model to simulate. Each replicate's curve goes up to the
     * analysis' maximum lag and its fits use exactly as many lags as the data's fits did: the interval must describe
     * the estimator that produced the point estimate, and the number of lags changes what alpha measures.
     */
    static List<Replicate> replicates(TrackSeries track, MsdParameters fit, MsdModel model,
            LocalisationMethod method, double[] sigma2Replicates, int replicates, long seed, int maxLag) {
        double k;
        double alpha;
        if (fit.anomalous().ok()) {
            k = fit.anomalous().coefficient();
            alpha = fit.anomalous().alpha();
        } else if (fit.diffusion().ok() && fit.diffusion().diffusion() > 0) {
            k = fit.diffusion().diffusion();
            alpha = 1;
        } else {
            return List.of();
        }
        int span = track.spanFrames();
        IncrementSimulator simulator = new IncrementSimulator(model, k, alpha, fit.sigma2(), span);
        MsdFitter fitter = new MsdFitter(model);
        FitProcedure fits = new FitProcedure(fitter, method);
        TimeAveragedMsd msd = new TimeAveragedMsd();
        int[] frames = new int[track.size()];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = track.frame(i) - track.firstFrame();
        }
        double[] fullX = new double[span];
        double[] fullY = new double[span];
        double[] x = new double[frames.length];
        double[] y = new double[frames.length];
        List<Replicate> out = new ArrayList<>(replicates);
        // the fits read only their own lags; a per-track offset profiles the whole curve, as the data's did
        int curveLags = method == LocalisationMethod.PER_TRACK ? maxLag
                : Math.min(maxLag, Math.max(fit.diffusion().points(), fit.anomalous().points()));
        SplittableRandom random = new SplittableRandom(seed);
        for (int b = 0; b < replicates; b++) {
            simulator.sample(random, fullX, fullY);
            for (int i = 0; i < frames.length; i++) {
                x[i] = fullX[frames[i]];
                y[i] = model.dimensions() == 2 ? fullY[frames[i]] : 0;
            }
            WeightedMsd curve = WeightedMsd.timeAveraged(
                    msd.compute(frames, x, y, curveLags, TimeAveragedMsd.Method.DIRECT));
            double sigma2 = sigma2(curve, fitter, method, sigma2Replicates[b]);
            out.add(new Replicate(sigma2, fits.diffusion(curve, sigma2, fit.diffusion().points()),
                    fits.anomalous(curve, sigma2, fit.anomalous().points())));
        }
        return out;
    }

    /**
     * The replicate's own free offset with {@link LocalisationMethod#PER_TRACK}, as the data got; a track too short
     * to profile took the ensemble's value there, and takes the ensemble replicate's here.
     */
    private static double sigma2(WeightedMsd curve, MsdFitter fitter, LocalisationMethod method, double shared) {
        if (method != LocalisationMethod.PER_TRACK) {
            return shared;
        }
        OffsetProfile own = new OffsetProfile(List.of(curve), fitter, FitPoints.MIN_ALPHA_POINTS);
        return own.curves() == 0 ? shared : own.sigma2();
    }
}
