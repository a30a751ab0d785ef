package org.lptem.stats;

import java.util.Arrays;
import java.util.List;
import org.lptem.core.LptemException;

/** Where the MSD analysis gets sigma from, for the point estimate and for each bootstrap replicate. */
abstract class SigmaSource {

    /**
     * @param curves the tracks' time-averaged curves up to {@code maxLag}
     * @param mean their Qian-weighted mean
     * @throws LptemException when a profiling method finds no track with enough lags to profile
     */
    static SigmaSource create(MsdSettings settings, MsdModel model, List<TrackSeries> tracks,
            List<WeightedMsd> curves, WeightedMsd mean, MsdFitter fitter, int maxLag) {
        return switch (settings.localisation()) {
            case ENSEMBLE -> {
                OffsetProfile profile = LocalisationError.ensembleProfile(curves, fitter);
                if (profile.curves() == 0) {
                    throw unprofiled(LocalisationMethod.ENSEMBLE, tracks, maxLag);
                }
                yield new Profiled(profile);
            }
            case COVARIANCE -> new Covariance(tracks, model);
            case PER_TRACK -> {
                PerTrack own = new PerTrack(curves, mean, fitter);
                if (own.profiled == 0) {
                    throw unprofiled(LocalisationMethod.PER_TRACK, tracks, maxLag);
                }
                yield own;
            }
            case FIXED -> new Constant(settings.fixedSigmaPx() * settings.fixedSigmaPx());
            case NONE -> new Constant(0);
        };
    }

    /**
     * The profiling methods have nothing to estimate from; reporting sigma = 0 instead would pass for a measurement
     * of a perfect localisation.
     */
    private static LptemException unprofiled(LocalisationMethod method, List<TrackSeries> tracks, int maxLag) {
        int longest = tracks.stream().mapToInt(TrackSeries::spanFrames).max().orElse(0);
        return new LptemException("the " + method + " localisation error is profiled over MSD curves with at "
                + "least " + OffsetProfile.MIN_LAGS + " lags and a positive first value, but no track has one ("
                + tracks.size() + " tracks, maximum lag " + maxLag + " frames, longest track " + longest
                + " frames): give tracks of at least " + (OffsetProfile.MIN_LAGS + 1)
                + " frames that move, or use the COVARIANCE, FIXED or NONE method");
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

    /** One sigma for every track and for the mean curve: every method but the per-track one. */
    private abstract static class Shared extends SigmaSource {
        abstract double sigma2();

        @Override
        final double trackSigma2(int track) {
            return sigma2();
        }

        @Override
        final double ensembleSigma2(WeightedMsd mean) {
            return sigma2();
        }
    }

    private static final class Profiled extends Shared {
        private final OffsetProfile profile;
        private final int[] index;
        private final double sigma2;

        Profiled(OffsetProfile profile) {
            this.profile = profile;
            this.index = profile.curveIndices();
            this.sigma2 = profile.sigma2();
        }

        @Override
        double sigma2() {
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

    private static final class Covariance extends Shared {
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
        double sigma2() {
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

    /**
     * Each track's own offset; a track too short to profile takes the offset of the mean curve, the per-track
     * method's ensemble estimate, rather than none.
     */
    private static final class PerTrack extends SigmaSource {
        private final double[] own;
        private final MsdFitter fitter;
        final int profiled;

        PerTrack(List<WeightedMsd> curves, WeightedMsd mean, MsdFitter fitter) {
            this.fitter = fitter;
            own = new double[curves.size()];
            int n = 0;
            double fallback = Double.NaN;
            for (int i = 0; i < own.length; i++) {
                own[i] = profiledOrNaN(curves.get(i));
                if (Double.isNaN(own[i])) {
                    if (Double.isNaN(fallback)) {
                        fallback = ensembleSigma2(mean);
                    }
                    own[i] = fallback;
                } else {
                    n++;
                }
            }
            profiled = n;
        }

        private double profiledOrNaN(WeightedMsd curve) {
            OffsetProfile p = new OffsetProfile(List.of(curve), fitter, FitPoints.MIN_ALPHA_POINTS);
            return p.curves() == 0 ? Double.NaN : p.sigma2();
        }

        @Override
        double trackSigma2(int track) {
            return own[track];
        }

        @Override
        double ensembleSigma2(WeightedMsd mean) {
            return profiledOrNaN(mean);
        }

        @Override
        double replicateSigma2(int[] multiplicity, WeightedMsd replicateMean) {
            return ensembleSigma2(replicateMean);
        }
    }

    private static final class Constant extends Shared {
        private final double sigma2;

        Constant(double sigma2) {
            this.sigma2 = sigma2;
        }

        @Override
        double sigma2() {
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
