package org.lptem.stats;

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

    /** Intervals for D, K, alpha and sigma; the fit's own intervals unchanged when nothing can be simulated. */
    static MsdParameters intervals(TrackSeries track, MsdParameters fit, MsdModel model, LocalisationMethod method,
            double[] sigma2Replicates, int replicates, long seed, double confidence) {
        boolean ownSigma = method == LocalisationMethod.PER_TRACK;
        double k;
        double alpha;
        if (fit.anomalous().ok()) {
            k = fit.anomalous().coefficient();
            alpha = fit.anomalous().alpha();
        } else if (fit.diffusion().ok() && fit.diffusion().diffusion() > 0) {
            k = fit.diffusion().diffusion();
            alpha = 1;
        } else {
            return fit;
        }
        int span = track.spanFrames();
        IncrementSimulator simulator = new IncrementSimulator(model, k, alpha, fit.sigma2(), span);
        MsdFitter fitter = new MsdFitter(model);
        FitProcedure fits = new FitProcedure(fitter, method);
        TimeAveragedMsd msd = new TimeAveragedMsd();
        int maxLag = Math.max(10, 2 * Math.max(fit.diffusion().points(), fit.anomalous().points()));
        int[] frames = new int[track.size()];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = track.frame(i) - track.firstFrame();
        }
        double[] fullX = new double[span];
        double[] fullY = new double[span];
        double[] x = new double[frames.length];
        double[] y = new double[frames.length];
        double[] d = new double[replicates];
        double[] kk = new double[replicates];
        double[] a = new double[replicates];
        double[] s = new double[replicates];
        SplittableRandom random = new SplittableRandom(seed);
        for (int b = 0; b < replicates; b++) {
            simulator.sample(random, fullX, fullY);
            for (int i = 0; i < frames.length; i++) {
                x[i] = fullX[frames[i]];
                y[i] = model.dimensions() == 2 ? fullY[frames[i]] : 0;
            }
            WeightedMsd curve = WeightedMsd.timeAveraged(
                    msd.compute(frames, x, y, maxLag, TimeAveragedMsd.Method.DIRECT));
            double sigma2 = ownSigma ? new OffsetProfile(List.of(curve), fitter, FitPoints.MIN_ALPHA_POINTS).sigma2()
                    : sigma2Replicates[b];
            s[b] = Math.sqrt(sigma2);
            d[b] = fits.diffusion(curve, sigma2).diffusion();
            AnomalousFit an = fits.anomalous(curve, sigma2);
            kk[b] = an.coefficient();
            a[b] = an.alpha();
        }
        Interval sigmaCi = ownSigma ? Interval.percentile(s, confidence) : fit.sigmaCi();
        return fit.withIntervals(Interval.percentile(d, confidence), Interval.percentile(kk, confidence),
                Interval.percentile(a, confidence), sigmaCi);
    }
}
