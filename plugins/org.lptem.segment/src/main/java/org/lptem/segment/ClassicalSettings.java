package org.lptem.segment;

import org.lptem.core.LptemException;

/**
 * Every option of the classical segmenters: the {@link DetectorSettings} of the threshold pipeline plus the choice of
 * background removal, denoising and foreground rule, and the parameters of the blob pipeline. Built with
 * {@link #builder(DetectorSettings)}; {@link #of(DetectorSettings)} reproduces the plain threshold detector exactly.
 *
 * @param detector background scale, smoothing, global threshold, polarity, area range and minimum score
 * @param background how uneven illumination is removed before a threshold (the scale is
 *     {@code detector.backgroundSigmaPx()}: the Gaussian's sigma or the ball's radius)
 * @param denoising how pixel noise is suppressed (scale {@code detector.smoothingSigmaPx()}: the Gaussian's sigma, or
 *     the median's window radius, rounded, at least 1)
 * @param foreground which pixels become particles
 * @param hysteresisLowSigmas {@link Foreground#HYSTERESIS}: regions grow over pixels at least this many noise sigmas
 *     from the background level...
 * @param hysteresisHighSigmas ...and are kept only if one of their pixels reaches this many
 * @param localRadiusPx {@link Foreground#LOCAL}: half-width of the window whose mean is the local background, px
 * @param localOffsetSigmas {@link Foreground#LOCAL}: a particle pixel lies this many noise sigmas beyond that mean
 * @param minRadiusPx {@link Foreground#BLOB}: smallest particle radius searched, px
 * @param maxRadiusPx {@link Foreground#BLOB}: largest particle radius searched, px (= min for one known size)
 * @param blobThresholdSigmas {@link Foreground#BLOB}: significance of the matched-filter response (in noise sigmas of
 *     that response) a particle needs
 * @param edgeFraction {@link Foreground#BLOB}: a particle's edge is where its contrast falls to this fraction of its
 *     mean contrast (inside the edge)
 * @param splitTouching cut touching particles apart by a marker watershed
 * @param ridgeRatio watershed basins that are one particle: in the threshold family, when the neck between them is
 *     at least this fraction of the smaller one's depth (distance to the background); in the blob pipeline, when the
 *     mean contrast along their dividing line is at least this fraction of the particles' central contrast
 */
public record ClassicalSettings(DetectorSettings detector, Background background, Denoising denoising,
        Foreground foreground, double hysteresisLowSigmas, double hysteresisHighSigmas, double localRadiusPx,
        double localOffsetSigmas, double minRadiusPx, double maxRadiusPx, double blobThresholdSigmas,
        double edgeFraction, boolean splitTouching, double ridgeRatio) {

    /** Background removal before a threshold. */
    public enum Background {
        /** none: the illumination is flat */
        NONE,
        /** a quadratic surface, then a wide Gaussian (the plain detector's way) */
        GAUSSIAN,
        /** a ball rolled over (dark particles) or under (bright) the denoised surface */
        ROLLING_BALL
    }

    /** Noise suppression. */
    public enum Denoising {
        GAUSSIAN,
        /** keeps edges sharp and removes hot pixels */
        MEDIAN
    }

    /** Which pixels become particles. */
    public enum Foreground {
        /** beyond one automatic threshold ({@link DetectorSettings#threshold()}) */
        GLOBAL,
        /** regions over a low significance level that reach a high one somewhere */
        HYSTERESIS,
        /** beyond the mean of a window around each pixel */
        LOCAL,
        /**
         * matched-filter (difference of Gaussians) blob detection on binned frames, then a mask around each blob at
         * full resolution: the choice at per-pixel SNR near 1, where no pixel threshold separates particles
         */
        BLOB
    }

    public ClassicalSettings {
        if (detector == null || background == null || denoising == null || foreground == null) {
            throw new LptemException("detector settings, background, denoising and foreground must all be given");
        }
        requirePositive("hysteresis low level", hysteresisLowSigmas);
        if (!(hysteresisHighSigmas >= hysteresisLowSigmas) || Double.isInfinite(hysteresisHighSigmas)) {
            throw new LptemException("hysteresis high level must be finite and >= the low level ("
                    + hysteresisLowSigmas + "), got " + hysteresisHighSigmas);
        }
        requirePositive("local window radius", localRadiusPx);
        if (!Double.isFinite(localOffsetSigmas)) {
            throw new LptemException("local offset must be finite, got " + localOffsetSigmas);
        }
        requirePositive("smallest particle radius", minRadiusPx);
        if (!(maxRadiusPx >= minRadiusPx) || Double.isInfinite(maxRadiusPx)) {
            throw new LptemException("largest particle radius must be finite and >= the smallest (" + minRadiusPx
                    + "), got " + maxRadiusPx);
        }
        requirePositive("blob threshold", blobThresholdSigmas);
        if (!(edgeFraction > 0 && edgeFraction < 1)) {
            throw new LptemException("edge fraction must be in (0, 1), got " + edgeFraction);
        }
        if (!(ridgeRatio > 0 && ridgeRatio <= 1)) {
            throw new LptemException("ridge ratio must be in (0, 1], got " + ridgeRatio);
        }
    }

    private static void requirePositive(String what, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new LptemException(what + " must be a finite number > 0, got " + v);
        }
    }

    /** The plain threshold detector of {@code detector}: Gaussian flattening and smoothing, global threshold. */
    public static ClassicalSettings of(DetectorSettings detector) {
        return builder(detector).build();
    }

    /**
     * The blob pipeline with its defaults for particles of {@code minRadiusPx .. maxRadiusPx}: matched filtering
     * at 5 noise sigmas, edges at 45 % of each particle's mean contrast, touching particles split.
     */
    public static ClassicalSettings blobs(double minRadiusPx, double maxRadiusPx) {
        return builder(DetectorSettings.defaults()).foreground(Foreground.BLOB).radii(minRadiusPx, maxRadiusPx)
                .splitTouching(true).build();
    }

    public static Builder builder(DetectorSettings detector) {
        return new Builder(detector);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Starts from the plain detector's behaviour; each setter changes one option. */
    public static final class Builder {
        private DetectorSettings detector;
        private Background background = Background.GAUSSIAN;
        private Denoising denoising = Denoising.GAUSSIAN;
        private Foreground foreground = Foreground.GLOBAL;
        private double hysteresisLowSigmas = 2.5;
        private double hysteresisHighSigmas = 5;
        private double localRadiusPx = 15;
        private double localOffsetSigmas = 2.5;
        private double minRadiusPx = 3;
        private double maxRadiusPx = 48;
        private double blobThresholdSigmas = 5;
        private double edgeFraction = 0.45;
        private boolean splitTouching;
        private double ridgeRatio = 0.6;

        private Builder(DetectorSettings detector) {
            this.detector = detector;
        }

        private Builder(ClassicalSettings s) {
            detector = s.detector;
            background = s.background;
            denoising = s.denoising;
            foreground = s.foreground;
            hysteresisLowSigmas = s.hysteresisLowSigmas;
            hysteresisHighSigmas = s.hysteresisHighSigmas;
            localRadiusPx = s.localRadiusPx;
            localOffsetSigmas = s.localOffsetSigmas;
            minRadiusPx = s.minRadiusPx;
            maxRadiusPx = s.maxRadiusPx;
            blobThresholdSigmas = s.blobThresholdSigmas;
            edgeFraction = s.edgeFraction;
            splitTouching = s.splitTouching;
            ridgeRatio = s.ridgeRatio;
        }

        public Builder detector(DetectorSettings v) {
            detector = v;
            return this;
        }

        public Builder background(Background v) {
            background = v;
            return this;
        }

        public Builder denoising(Denoising v) {
            denoising = v;
            return this;
        }

        public Builder foreground(Foreground v) {
            foreground = v;
            return this;
        }

        public Builder hysteresis(double lowSigmas, double highSigmas) {
            hysteresisLowSigmas = lowSigmas;
            hysteresisHighSigmas = highSigmas;
            return this;
        }

        public Builder local(double radiusPx, double offsetSigmas) {
            localRadiusPx = radiusPx;
            localOffsetSigmas = offsetSigmas;
            return this;
        }

        public Builder radii(double minPx, double maxPx) {
            minRadiusPx = minPx;
            maxRadiusPx = maxPx;
            return this;
        }

        public Builder blobThresholdSigmas(double v) {
            blobThresholdSigmas = v;
            return this;
        }

        public Builder edgeFraction(double v) {
            edgeFraction = v;
            return this;
        }

        public Builder splitTouching(boolean v) {
            splitTouching = v;
            return this;
        }

        public Builder ridgeRatio(double v) {
            ridgeRatio = v;
            return this;
        }

        public ClassicalSettings build() {
            return new ClassicalSettings(detector, background, denoising, foreground, hysteresisLowSigmas,
                    hysteresisHighSigmas, localRadiusPx, localOffsetSigmas, minRadiusPx, maxRadiusPx,
                    blobThresholdSigmas, edgeFraction, splitTouching, ridgeRatio);
        }
    }
}
