package org.lptem.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;

/**
 * The MSD analysis behind the {@code lptem msd} command and the "MSD Analysis" node: per-track time-averaged curves,
 * the three ensemble curves, the ergodicity-breaking parameter, the localisation error, fits of D and of (K, alpha)
 * per track and for the ensemble, and bootstrap intervals. Units are px and frames (or the units of whatever the
 * series hold, e.g. degrees for orientations with {@link MsdModel#angular}).
 *
 * <p>Localisation error: with {@link LocalisationMethod#ENSEMBLE} (the default) one sigma is profiled over all
 * tracks; each track then fits only D, or K and alpha, with that sigma. Per track, a free offset with K and alpha
 * is too flexible for the 50-1,000 frames of a typical track.
 */
public final class MsdAnalysis {
    /** Tracks per batch between progress reports and cancellation checks of the parallel bootstrap. */
    private static final int BATCH = 64;

    private MsdAnalysis() {
    }

    /** Planar tracks. */
    public static MsdResult run(List<TrackSeries> tracks, MsdSettings settings, Progress progress) {
        return run(tracks, MsdModel.planar(settings.exposureFraction()), settings, progress);
    }

    public static MsdResult run(List<TrackSeries> tracks, MsdModel model, MsdSettings settings, Progress progress) {
        if (tracks.isEmpty()) {
            throw new LptemException("no tracks to analyse");
        }
        int maxLag = settings.maxLagFrames() > 0 ? settings.maxLagFrames() : defaultMaxLag(tracks);
        progress.report(0, "time-averaged MSD of " + tracks.size() + " tracks");
        TimeAveragedMsd ta = new TimeAveragedMsd();
        List<MsdCurve> curves = new ArrayList<>(tracks.size());
        List<WeightedMsd> weighted = new ArrayList<>(tracks.size());
        for (TrackSeries t : tracks) {
            progress.checkCanceled();
            MsdCurve c = ta.compute(t, maxLag);
            curves.add(c);
            weighted.add(WeightedMsd.timeAveraged(c));
        }
        MsdCurve pooled = EnsembleMsd.pooled(curves);
        MsdCurve fromOrigin = EnsembleMsd.fromOrigin(tracks, maxLag);
        WeightedMsd mean = EnsembleMsd.timeAveragedMean(curves);
        ErgodicityBreaking eb = ErgodicityBreaking.of(curves);

        progress.report(0.1, "localisation error (" + settings.localisation() + ")");
        MsdFitter fitter = new MsdFitter(model);
        SigmaSource sigma = SigmaSource.create(settings, model, tracks, weighted, mean, fitter, maxLag);
        FitProcedure procedure = new FitProcedure(fitter, settings.localisation());

        progress.report(0.2, "fitting");
        double ensembleSigma2 = sigma.ensembleSigma2(mean);
        MsdParameters ensemble = procedure.fit(mean, ensembleSigma2);
        List<MsdParameters> fits = new ArrayList<>(tracks.size());
        for (int i = 0; i < tracks.size(); i++) {
            progress.checkCanceled();
            fits.add(procedure.fit(weighted.get(i), sigma.trackSigma2(i)));
        }

        List<Interval> meanCi = new ArrayList<>();
        for (int i = 0; i < mean.size(); i++) {
            meanCi.add(Interval.NONE);
        }
        List<AnomalousFit> replicateFits = List.of();
        int replicates = settings.bootstrapReplicates();
        double confidence = settings.confidenceLevel();
        if (replicates > 0) {
            progress.report(0.3, "bootstrap of the ensemble (" + replicates + " resamples of the tracks)");
            EnsembleBootstrap boot = new EnsembleBootstrap(curves, mean, procedure, sigma::replicateSigma2, replicates,
                    settings.seed());
            Interval sigmaCi = sigma.varies() ? Interval.percentile(EnsembleBootstrap.sqrt(boot.sigma2), confidence)
                    : Interval.NONE;
            ensemble = ensemble.withIntervals(Interval.percentile(boot.diffusion, confidence),
                    Interval.percentile(boot.coefficient, confidence), Interval.percentile(boot.alpha, confidence),
                    sigmaCi);
            meanCi = boot.meanIntervals(confidence);
            replicateFits = boot.replicateFits;
            boolean ownSigma = settings.localisation() == LocalisationMethod.PER_TRACK;
            if (!ownSigma) {
                fits.replaceAll(f -> f.withIntervals(Interval.NONE, Interval.NONE, Interval.NONE, sigmaCi));
            }
            bootstrapTracks(tracks, fits, model, boot.sigma2, settings, maxLag, progress.sub(0.4, 1));
        }
        List<TrackMsd> out = new ArrayList<>(tracks.size());
        for (int i = 0; i < tracks.size(); i++) {
            TrackSeries t = tracks.get(i);
            out.add(new TrackMsd(t.particle(), t.size(), t.spanFrames(), curves.get(i), fits.get(i)));
        }
        progress.report(1, "MSD analysis done");
        return new MsdResult(model, settings, maxLag, out, pooled, fromOrigin, mean, meanCi, eb, ensemble,
                sigma.profiledTracks(), replicateFits);
    }

    static int defaultMaxLag(List<TrackSeries> tracks) {
        int longest = 0;
        for (TrackSeries t : tracks) {
            longest = Math.max(longest, t.spanFrames());
        }
        return defaultMaxLag(longest);
    }

    /**
     * The one rule for an automatic maximum lag: a quarter of the longest span, but at least 10 frames so that fits
     * have lags to choose from (and at least 1), and no more than the span offers.
     */
    static int defaultMaxLag(int longestSpanFrames) {
        return Math.max(Math.min(10, Math.max(1, longestSpanFrames - 1)), longestSpanFrames / 4);
    }

    private static void bootstrapTracks(List<TrackSeries> tracks, List<MsdParameters> fits, MsdModel model,
            double[] sigma2Replicates, MsdSettings settings, int maxLag, Progress progress) {
        int n = tracks.size();
        MsdParameters[] done = fits.toArray(MsdParameters[]::new);
        for (int start = 0; start < n; start += BATCH) {
            progress.checkCanceled();
            progress.report((double) start / n, "bootstrap of track fits (" + start + " of " + n + ")");
            int end = Math.min(n, start + BATCH);
            // Each track's replicates depend only on the seed and the track's position, not on scheduling.
            IntStream.range(start, end).parallel().forEach(i -> done[i] = TrackBootstrap.intervals(tracks.get(i),
                    done[i], model, settings.localisation(), sigma2Replicates, settings.bootstrapReplicates(),
                    mix(settings.seed(), i), settings.confidenceLevel(), maxLag));
        }
        for (int i = 0; i < n; i++) {
            fits.set(i, done[i]);
        }
    }

    /** A well-mixed seed per track (SplitMix64 finaliser), so neighbouring tracks get unrelated streams. */
    static long mix(long seed, long index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
