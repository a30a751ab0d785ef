package org.lptem.stats;

import org.lptem.core.LptemException;

/**
 * Settings of an MSD analysis, in px and frames.
 *
 * @param maxLagFrames largest lag of the curves; 0 for a quarter of the longest track's span (at least 10 frames);
 *            at least {@value OffsetProfile#MIN_LAGS} for the ENSEMBLE and PER_TRACK localisation methods
 * @param exposureFraction exposure time over frame interval for the motion-blur correction (0: none; 1: the camera
 *            integrates the whole frame time)
 * @param localisation how sigma is estimated
 * @param fixedSigmaPx sigma for {@link LocalisationMethod#FIXED}, px (ignored otherwise)
 * @param bootstrapReplicates resamples for confidence intervals; 0 for none
 * @param confidenceLevel of the intervals, e.g. 0.95
 * @param seed of the bootstrap; the same seed gives the same intervals
 */
public record MsdSettings(int maxLagFrames, double exposureFraction, LocalisationMethod localisation,
        double fixedSigmaPx, int bootstrapReplicates, double confidenceLevel, long seed) {

    public MsdSettings {
        if (maxLagFrames < 0) {
            throw new LptemException("maximum lag must be >= 0 frames (0 = automatic), got " + maxLagFrames);
        }
        boolean profiled = localisation == LocalisationMethod.ENSEMBLE || localisation == LocalisationMethod.PER_TRACK;
        if (profiled && maxLagFrames > 0 && maxLagFrames < OffsetProfile.MIN_LAGS) {
            // fewer lags cannot tell an offset from a shallow power law, so the profile would have nothing to fit
            throw new LptemException("the " + localisation + " localisation error profiles at least "
                    + OffsetProfile.MIN_LAGS + " lags, so the maximum lag must be 0 (automatic) or >= "
                    + OffsetProfile.MIN_LAGS + " frames, got " + maxLagFrames
                    + "; use COVARIANCE, FIXED or NONE for shorter lags");
        }
        if (!(exposureFraction >= 0 && exposureFraction <= 1)) {
            throw new LptemException("the exposure fraction must be in [0, 1], got " + exposureFraction);
        }
        if (localisation == LocalisationMethod.FIXED && !(fixedSigmaPx >= 0 && Double.isFinite(fixedSigmaPx))) {
            throw new LptemException("a fixed localisation error needs a sigma >= 0 px, got " + fixedSigmaPx);
        }
        if (bootstrapReplicates < 0) {
            throw new LptemException("bootstrap replicates must be >= 0, got " + bootstrapReplicates);
        }
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new LptemException("the confidence level must be in (0, 1), got " + confidenceLevel);
        }
    }

    /** Automatic lags, no blur, ensemble sigma, 200 bootstrap replicates, 95%, seed 1. */
    public static MsdSettings defaults() {
        return new MsdSettings(0, 0, LocalisationMethod.ENSEMBLE, Double.NaN, 200, 0.95, 1);
    }

    public MsdSettings withMaxLag(int frames) {
        return new MsdSettings(frames, exposureFraction, localisation, fixedSigmaPx, bootstrapReplicates,
                confidenceLevel, seed);
    }

    public MsdSettings withExposureFraction(double f) {
        return new MsdSettings(maxLagFrames, f, localisation, fixedSigmaPx, bootstrapReplicates, confidenceLevel,
                seed);
    }

    public MsdSettings withLocalisation(LocalisationMethod method, double sigmaPx) {
        return new MsdSettings(maxLagFrames, exposureFraction, method, sigmaPx, bootstrapReplicates,
                confidenceLevel, seed);
    }

    public MsdSettings withBootstrap(int replicates, long newSeed) {
        return new MsdSettings(maxLagFrames, exposureFraction, localisation, fixedSigmaPx, replicates,
                confidenceLevel, newSeed);
    }

    public MsdSettings withConfidenceLevel(double level) {
        return new MsdSettings(maxLagFrames, exposureFraction, localisation, fixedSigmaPx, bootstrapReplicates,
                level, seed);
    }
}
