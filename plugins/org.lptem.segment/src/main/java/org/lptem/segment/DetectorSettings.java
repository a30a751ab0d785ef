package org.lptem.segment;

import org.lptem.core.LptemException;

/**
 * Parameters of the {@link ClassicalDetector}.
 *
 * @param backgroundSigmaPx sigma of the Gaussian blur whose result is subtracted to flatten uneven illumination
 *     (px); 0 disables flattening. Should be several times the particle radius.
 * @param smoothingSigmaPx sigma of the Gaussian that suppresses pixel noise before thresholding (px); 0 disables
 * @param threshold automatic threshold method applied to the flattened, smoothed image
 * @param polarity whether particles are darker or brighter than the liquid
 * @param minAreaPx smallest region kept, px^2
 * @param maxAreaPx largest region kept, px^2 ({@link Double#POSITIVE_INFINITY} for no limit)
 * @param minScore smallest contrast score kept, in [0, 1]
 */
public record DetectorSettings(double backgroundSigmaPx, double smoothingSigmaPx, ThresholdMethod threshold,
        Polarity polarity, double minAreaPx, double maxAreaPx, double minScore) {

    public DetectorSettings {
        requireFiniteNonNegative("background sigma", backgroundSigmaPx);
        requireFiniteNonNegative("smoothing sigma", smoothingSigmaPx);
        if (threshold == null) {
            throw new LptemException("threshold method must be given");
        }
        if (polarity == null) {
            throw new LptemException("polarity must be given");
        }
        requireFiniteNonNegative("minimum area", minAreaPx);
        if (!(maxAreaPx >= minAreaPx)) {
            throw new LptemException("maximum area must be >= minimum area (" + minAreaPx + "), got " + maxAreaPx);
        }
        if (!(minScore >= 0 && minScore <= 1)) {
            throw new LptemException("minimum score must be in [0, 1], got " + minScore);
        }
    }

    /** Settings for a typical bright-field LPTEM video: dark particles of a few to a few tens of pixels. */
    public static DetectorSettings defaults() {
        return new DetectorSettings(25, 1.5, ThresholdMethod.TRIANGLE, Polarity.DARK, 10, Double.POSITIVE_INFINITY, 0.5);
    }

    private static void requireFiniteNonNegative(String what, double v) {
        if (!(v >= 0)) {
            throw new LptemException(what + " must be >= 0, got " + v);
        }
        if (v == Double.POSITIVE_INFINITY) {
            throw new LptemException(what + " must be finite, got " + v);
        }
    }

    public DetectorSettings withThreshold(ThresholdMethod method) {
        return new DetectorSettings(backgroundSigmaPx, smoothingSigmaPx, method, polarity, minAreaPx, maxAreaPx,
                minScore);
    }

    public DetectorSettings withPolarity(Polarity p) {
        return new DetectorSettings(backgroundSigmaPx, smoothingSigmaPx, threshold, p, minAreaPx, maxAreaPx,
                minScore);
    }

    public DetectorSettings withArea(double min, double max) {
        return new DetectorSettings(backgroundSigmaPx, smoothingSigmaPx, threshold, polarity, min, max, minScore);
    }

    public DetectorSettings withMinScore(double score) {
        return new DetectorSettings(backgroundSigmaPx, smoothingSigmaPx, threshold, polarity, minAreaPx, maxAreaPx,
                score);
    }

    public DetectorSettings withBackgroundSigma(double px) {
        return new DetectorSettings(px, smoothingSigmaPx, threshold, polarity, minAreaPx, maxAreaPx, minScore);
    }

    public DetectorSettings withSmoothing(double sigmaPx) {
        return new DetectorSettings(backgroundSigmaPx, sigmaPx, threshold, polarity, minAreaPx, maxAreaPx, minScore);
    }
}
