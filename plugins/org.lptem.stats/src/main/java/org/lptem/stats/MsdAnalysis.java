package org.lptem.stats;

import java.util.ArrayList;
import java.util.Arrays;
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
        SigmaSource sigma = SigmaSource.create(settings, model, tracks, weighted, fitter);
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
            bootstrapTracks(tracks, fits, model, boot.sigma2, settings, progress.sub(0.4, 1));
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

    /** A quarter of the longest span, but at least 10 frames so that fits have lags to choose from. */
    static int defaultMaxLag(List<TrackSeries> tracks) {
        int longest = 0;
        for (TrackSeries t : tracks) {
            longest = Math.max(longest, t.spanFrames());
        }
        return Math.max(Math.min(10, Math.max(1, longest - 1)), longest / 4);
    }

    private static void bootstrapTracks(List<TrackSeries> tracks, List<MsdParameters> fits, MsdModel model,
            double[] sigma2Replicates, MsdSettings settings, Progress progress) {
        int n = tracks.size();
        MsdParameters[] done = fits.toArray(MsdParameters[]::new);
        for (int start = 0; start < n; start += BATCH) {
            progress.checkCanceled();
            progress.report((double) start / n, "bootstrap of track fits (" + start + " of " + n + ")");
            int end = Math.min(n, start + BATCH);
            // Each track's replicates depend only on the seed and the track's position, not on scheduling.
            IntStream.range(start, end).parallel().forEach(i -> done[i] = TrackBootstrap.intervals(tracks.get(i),
                    done[i], model, settings.localisation(), sigma2Replicates, settings.bootstrapReplicates(),
                    mix(settings.seed(), i), settings.confidenceLevel()));
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

    /** Where sigma comes from, for the point estimate and for each bootstrap replicate. */
    private abstract static class SigmaSource {
        static SigmaSource create(MsdSettings settings, MsdModel model, List<TrackSeries> tracks,
                List<WeightedMsd> curves, MsdFitter fitter) {
            return switch (settings.localisation()) {
                case ENSEMBLE -> new Profiled(LocalisationError.ensembleProfile(curves, fitter));
                case COVARIANCE -> new Covariance(tracks, model);
                case PER_TRACK -> new PerTrack(curves, fitter);
                case FIXED -> new Constant(settings.fixedSigmaPx() * settings.fixedSigmaPx());
                case NONE -> new Constant(0);
            };
        }

        abstract double trackSigma2(int track);

        abstract double ensembleSigma2(WeightedMsd mean);

        abstract double replicateSigma2(int[] multiplicity, WeightedMsd replicateMean);

        /** Whether sigma is estimated (and so has an interval). */
        boolean varies() {
            return true;
        }

        int profiledTracks() {
            return 0;
        }
    }

    private static final class Profiled extends SigmaSource {
        private final OffsetProfile profile;
        private final int[] index;
        private final double sigma2;

        Profiled(OffsetProfile profile) {
            this.profile = profile;
            this.index = profile.curveIndices();
            this.sigma2 = profile.sigma2();
        }

        @Override
        double trackSigma2(int track) {
            return sigma2;
        }

        @Override
        double ensembleSigma2(WeightedMsd mean) {
            return sigma2;
        }

        @Override
        double replicateSigma2(int[] multiplicity, WeightedMsd replicateMean) {
            int[] m = new int[index.length];
            for (int k = 0; k < index.length; k++) {
                m[k] = multiplicity[index[k]];
            }
            return profile.sigma2(m);
        }

        @Override
        int profiledTracks() {
            return profile.curves();
        }
    }

    private static final class Covariance extends SigmaSource {
        private final double[][] sums;
        private final MsdModel model;
        private final double sigma2;

        Covariance(List<TrackSeries> tracks, MsdModel model) {
            this.model = model;
            sums = new double[tracks.size()][];
            for (int i = 0; i < tracks.size(); i++) {
                sums[i] = LocalisationError.covarianceSums(List.of(tracks.get(i)), model);
            }
            int[] all = new int[tracks.size()];
            Arrays.fill(all, 1);
            sigma2 = replicateSigma2(all, null);
        }

        @Override
        double trackSigma2(int track) {
            return sigma2;
        }

        @Override
        double ensembleSigma2(WeightedMsd mean) {
            return sigma2;
        }

        @Override
        double replicateSigma2(int[] multiplicity, WeightedMsd replicateMean) {
            double[] total = new double[3];
            for (int i = 0; i < sums.length; i++) {
                for (int k = 0; k < 3; k++) {
                    total[k] += multiplicity[i] * sums[i][k];
                }
            }
            return LocalisationError.covarianceSigma2(total, model);
        }
    }

    private static final class PerTrack extends SigmaSource {
        private final double[] own;
        private final MsdFitter fitter;

        PerTrack(List<WeightedMsd> curves, MsdFitter fitter) {
            this.fitter = fitter;
            own = new double[curves.size()];
            for (int i = 0; i < own.length; i++) {
                own[i] = new OffsetProfile(List.of(curves.get(i)), fitter, FitPoints.MIN_ALPHA_POINTS).sigma2();
            }
        }

        @Override
        double trackSigma2(int track) {
            return own[track];
        }

        @Override
        double ensembleSigma2(WeightedMsd mean) {
            return new OffsetProfile(List.of(mean), fitter, FitPoints.MIN_ALPHA_POINTS).sigma2();
        }

        @Override
        double replicateSigma2(int[] multiplicity, WeightedMsd replicateMean) {
            return ensembleSigma2(replicateMean);
        }
    }

    private static final class Constant extends SigmaSource {
        private final double sigma2;

        Constant(double sigma2) {
            this.sigma2 = sigma2;
        }

        @Override
        double trackSigma2(int track) {
            return sigma2;
        }

        @Override
        double ensembleSigma2(WeightedMsd mean) {
            return sigma2;
        }

        @Override
        double replicateSigma2(int[] multiplicity, WeightedMsd replicateMean) {
            return sigma2;
        }

        @Override
        boolean varies() {
            return false;
        }
    }
}
