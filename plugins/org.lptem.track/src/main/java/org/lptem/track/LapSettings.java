package org.lptem.track;

import org.lptem.core.LptemException;

/**
 * Settings of {@link LapLinker}. Build with {@link #builder(double)}; every value is checked, and a bad one throws an
 * {@link LptemException} naming it.
 *
 * <p>Costs are squared distances in px^2 (times the square of the feature factor). A gap of {@code g} missed frames
 * is a jump over {@code dt = g + 1} frames; its cost is divided by {@code dt}, since a diffusing particle's squared
 * displacement grows in proportion to time, so gap closings compete fairly with ordinary links.
 */
public final class LapSettings {
    /** Jaqaman's alternative cost: this factor times a high percentile of the candidate costs. */
    public static final double ALTERNATIVE_COST_FACTOR = 1.05;

    private final double maxDistancePx;
    private final int maxGapFrames;
    private final double gapMaxDistancePx;
    private final double alternativeCost;
    private final double alternativePercentile;
    private final FeaturePenalties penalties;
    private final boolean merging;
    private final boolean splitting;
    private final MotionPrediction motion;
    private final double kalmanMeasurementSigmaPx;
    private final double kalmanAccelerationSigmaPx;
    private final boolean subtractDrift;
    private final double maxDriftPx;

    private LapSettings(Builder b) {
        this.maxDistancePx = b.maxDistancePx;
        this.maxGapFrames = b.maxGapFrames;
        this.gapMaxDistancePx = Double.isNaN(b.gapMaxDistancePx) ? b.maxDistancePx : b.gapMaxDistancePx;
        this.alternativeCost = b.alternativeCost;
        this.alternativePercentile = b.alternativePercentile;
        this.penalties = b.penalties;
        this.merging = b.merging;
        this.splitting = b.splitting;
        this.motion = b.motion;
        this.kalmanMeasurementSigmaPx = Double.isNaN(b.kalmanMeasurementSigmaPx) ? b.maxDistancePx / 8
                : b.kalmanMeasurementSigmaPx;
        this.kalmanAccelerationSigmaPx = Double.isNaN(b.kalmanAccelerationSigmaPx) ? b.maxDistancePx / 16
                : b.kalmanAccelerationSigmaPx;
        this.subtractDrift = b.subtractDrift;
        this.maxDriftPx = Double.isNaN(b.maxDriftPx) ? 5 * b.maxDistancePx : b.maxDriftPx;
    }

    /** Defaults: gaps of up to 2 missed frames, automatic alternative cost, no penalties, no merging/splitting. */
    public static Builder builder(double maxDistancePx) {
        return new Builder(maxDistancePx);
    }

    public Builder toBuilder() {
        return new Builder(maxDistancePx).maxGap(maxGapFrames).gapMaxDistance(gapMaxDistancePx)
                .alternativeCost(alternativeCost).alternativePercentile(alternativePercentile)
                .penalties(penalties).merging(merging).splitting(splitting)
                .motion(motion).kalmanNoise(kalmanMeasurementSigmaPx, kalmanAccelerationSigmaPx)
                .subtractDrift(subtractDrift).maxDrift(maxDriftPx);
    }

    /** Largest distance of a frame-to-frame link (from the predicted position), px. */
    public double maxDistancePx() {
        return maxDistancePx;
    }

    /** Most consecutive frames a particle may be missed and its track still be continued; 0 disables gap closing. */
    public int maxGapFrames() {
        return maxGapFrames;
    }

    /** Largest gap-closing distance per square root of the frames jumped, px. */
    public double gapMaxDistancePx() {
        return gapMaxDistancePx;
    }

    /** Cost of leaving a track end or start unlinked, px^2; NaN for Jaqaman's automatic value. */
    public double alternativeCost() {
        return alternativeCost;
    }

    /** Percentile (0..1] of the candidate costs that the automatic alternative cost is based on. */
    public double alternativePercentile() {
        return alternativePercentile;
    }

    public FeaturePenalties penalties() {
        return penalties;
    }

    /** Whether a track may end by merging into another one (two particles seen as one). */
    public boolean merging() {
        return merging;
    }

    /** Whether a track may start by splitting off another one. */
    public boolean splitting() {
        return splitting;
    }

    public MotionPrediction motion() {
        return motion;
    }

    /** Position noise of the Kalman filter's measurements (localisation error plus diffusion), px. */
    public double kalmanMeasurementSigmaPx() {
        return kalmanMeasurementSigmaPx;
    }

    /** How much the Kalman filter lets the velocity change per frame, px/frame. */
    public double kalmanAccelerationSigmaPx() {
        return kalmanAccelerationSigmaPx;
    }

    /** Whether to estimate the global drift and link drift-corrected positions (see {@link Drift#estimate}). */
    public boolean subtractDrift() {
        return subtractDrift;
    }

    /** Largest drift of the field between two frames that drift estimation looks for, px. */
    public double maxDriftPx() {
        return maxDriftPx;
    }

    @Override
    public String toString() {
        return "LAP linking: max distance " + maxDistancePx + " px, max gap " + maxGapFrames + " frames (gap distance "
                + gapMaxDistancePx + " px/sqrt(frame)), alternative cost "
                + (Double.isNaN(alternativeCost) ? "auto" : alternativeCost + " px^2") + ", motion " + motion
                + (penalties.isNone() ? "" : ", " + penalties) + (merging ? ", merging" : "")
                + (splitting ? ", splitting" : "") + (subtractDrift ? ", drift subtracted" : "");
    }

    /** Collects and checks the settings. */
    public static final class Builder {
        private final double maxDistancePx;
        private int maxGapFrames = 2;
        private double gapMaxDistancePx = Double.NaN;
        private double alternativeCost = Double.NaN;
        private double alternativePercentile = 0.9;
        private FeaturePenalties penalties = FeaturePenalties.NONE;
        private boolean merging;
        private boolean splitting;
        private MotionPrediction motion = MotionPrediction.LAST_POSITION;
        private double kalmanMeasurementSigmaPx = Double.NaN;
        private double kalmanAccelerationSigmaPx = Double.NaN;
        private boolean subtractDrift;
        private double maxDriftPx = Double.NaN;

        private Builder(double maxDistancePx) {
            positive("maximum linking distance", maxDistancePx, "px");
            this.maxDistancePx = maxDistancePx;
        }

        private static void positive(String what, double v, String unit) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new LptemException(what + " must be a finite number > 0 " + unit + ", got " + v);
            }
        }

        public Builder maxGap(int frames) {
            if (frames < 0) {
                throw new LptemException("maximum gap must be >= 0 frames, got " + frames);
            }
            this.maxGapFrames = frames;
            return this;
        }

        /** NaN: the frame-to-frame maximum distance. */
        public Builder gapMaxDistance(double px) {
            if (!Double.isNaN(px)) {
                positive("maximum gap-closing distance", px, "px");
            }
            this.gapMaxDistancePx = px;
            return this;
        }

        /** NaN: automatic (1.05 x the 90th percentile of the candidate costs). */
        public Builder alternativeCost(double px2) {
            if (!Double.isNaN(px2)) {
                positive("alternative cost", px2, "px^2");
            }
            this.alternativeCost = px2;
            return this;
        }

        public Builder alternativePercentile(double q) {
            if (!(q > 0 && q <= 1)) {
                throw new LptemException("alternative cost percentile must be in (0, 1], got " + q);
            }
            this.alternativePercentile = q;
            return this;
        }

        public Builder penalties(FeaturePenalties p) {
            this.penalties = java.util.Objects.requireNonNull(p);
            return this;
        }

        public Builder merging(boolean on) {
            this.merging = on;
            return this;
        }

        public Builder splitting(boolean on) {
            this.splitting = on;
            return this;
        }

        public Builder motion(MotionPrediction m) {
            this.motion = java.util.Objects.requireNonNull(m);
            return this;
        }

        /** NaN for either: derived from the maximum distance (1/8 and 1/16 of it). */
        public Builder kalmanNoise(double measurementSigmaPx, double accelerationSigmaPx) {
            if (!Double.isNaN(measurementSigmaPx)) {
                positive("Kalman measurement noise", measurementSigmaPx, "px");
            }
            if (!Double.isNaN(accelerationSigmaPx)) {
                positive("Kalman acceleration noise", accelerationSigmaPx, "px/frame");
            }
            this.kalmanMeasurementSigmaPx = measurementSigmaPx;
            this.kalmanAccelerationSigmaPx = accelerationSigmaPx;
            return this;
        }

        public Builder subtractDrift(boolean on) {
            this.subtractDrift = on;
            return this;
        }

        /** NaN: 5 times the maximum linking distance. */
        public Builder maxDrift(double px) {
            if (!Double.isNaN(px)) {
                positive("maximum drift per frame", px, "px");
            }
            this.maxDriftPx = px;
            return this;
        }

        public LapSettings build() {
            return new LapSettings(this);
        }
    }
}
