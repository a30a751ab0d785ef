package org.lptem.knime.link;

import org.knime.core.node.InvalidSettingsException;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.layout.After;
import org.knime.node.parameters.layout.Layout;
import org.knime.node.parameters.layout.Section;
import org.knime.node.parameters.migration.Migrate;
import org.knime.node.parameters.updates.Effect;
import org.knime.node.parameters.updates.Effect.EffectType;
import org.knime.node.parameters.updates.EffectPredicate;
import org.knime.node.parameters.updates.EffectPredicateProvider;
import org.knime.node.parameters.updates.ParameterReference;
import org.knime.node.parameters.updates.ValueReference;
import org.knime.node.parameters.widget.choices.Label;
import org.knime.node.parameters.widget.choices.ValueSwitchWidget;
import org.knime.node.parameters.widget.number.NumberInputWidget;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsNonNegativeValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsPositiveDoubleValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsPositiveIntegerValidation;
import org.lptem.core.LptemException;
import org.lptem.track.LapSettings;
import org.lptem.track.MotionPrediction;

/**
 * Settings of the Particle Linker. The first four fields are the node's original settings; the LAP options after
 * them were added later, load {@link LapSettings}' defaults from workflows saved before, and use 0 for "automatic"
 * where LapSettings uses NaN, so that every setting is a plain number a flow variable can set.
 */
public final class ParticleLinkerParameters implements NodeParameters {

    @Section(title = "Gap closing")
    interface GapSection {
    }

    @Section(title = "Merging and splitting")
    @After(GapSection.class)
    interface MergeSplitSection {
    }

    @Section(title = "Drift")
    @After(MergeSplitSection.class)
    interface DriftSection {
    }

    @Section(title = "Kalman filter")
    @After(DriftSection.class)
    interface KalmanSection {
    }

    enum Method {
        @Label(value = "LAP", description = "Optimal one-to-one assignment between frames, then gap closing over "
            + "missed frames (Jaqaman et al. 2008). The most accurate for crowded or fast particles.")
        LAP,
        @Label(value = "LAP + Kalman", description = "LAP with constant-velocity prediction, for directed motion.")
        KALMAN,
        @Label(value = "Nearest neighbour", description = "Greedy closest-first linking with memory; simple and fast.")
        NEAREST_NEIGHBOUR
    }

    interface MethodRef extends ParameterReference<Method> {
    }

    /** The LAP options apply to LAP and LAP + Kalman only. */
    static final class IsLap implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(final PredicateInitializer i) {
            return i.getEnum(MethodRef.class).isOneOf(Method.LAP, Method.KALMAN);
        }
    }

    static final class IsKalman implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(final PredicateInitializer i) {
            return i.getEnum(MethodRef.class).isOneOf(Method.KALMAN);
        }
    }

    private static final LapSettings DEFAULTS = LapSettings.builder(1).build();

    @Widget(title = "Method", description = "How detections of successive frames are joined.")
    @ValueSwitchWidget
    @ValueReference(MethodRef.class)
    Method method = Method.LAP;

    @Widget(title = "Maximum distance (px)", description = "Largest displacement between two linked detections, "
        + "in pixels, per frame step. Choose about the largest jump a particle makes between frames, but smaller "
        + "than the typical distance between particles.")
    @NumberInputWidget(minValidation = IsPositiveDoubleValidation.class)
    double maxDistancePx = 10;

    @Widget(title = "Memory (frames)", description = "How many frames a particle may go undetected and still "
        + "continue its track (the maximum gap closed by LAP). 0 ends a track at the first missed frame.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    int memoryFrames = 3;

    @Widget(title = "Minimum track length", description = "Tracks with fewer detections are dropped, together with "
        + "their rows. 1 keeps every detection.")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class)
    int minTrackLength = 5;

    @Layout(GapSection.class)
    @Widget(title = "Gap-closing distance (px per √frame)", description = "Largest distance of a gap-closing link "
        + "per square root of the frames it spans: a gap of g missed frames may join detections up to this times "
        + "sqrt(g + 1) apart, as a diffusing particle's excursion grows with the square root of time. 0 uses the "
        + "maximum distance.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    @Effect(predicate = IsLap.class, type = EffectType.SHOW)
    @Migrate(loadDefaultIfAbsent = true)
    double gapMaxDistancePx;

    @Layout(GapSection.class)
    @Widget(title = "Alternative cost (px²)", description = "Cost of leaving a track end or start unlinked, in "
        + "squared pixels, in both assignments: a link that costs more (its squared distance, divided by the frames "
        + "spanned for gaps) is never made. 0 uses Jaqaman's automatic value, 1.05 times the 90th percentile of "
        + "the candidate costs. A fixed value makes results independent of how crowded the frames are.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    @Effect(predicate = IsLap.class, type = EffectType.SHOW)
    @Migrate(loadDefaultIfAbsent = true)
    double alternativeCostPx2;

    @Layout(MergeSplitSection.class)
    @Widget(title = "Allow merging", description = "Let a track end by merging into another particle's detection "
        + "(two particles seen as one, for example aggregation). Tracks stay one point per frame; each merge is "
        + "listed in the events output.")
    @Effect(predicate = IsLap.class, type = EffectType.SHOW)
    @Migrate(loadDefaultIfAbsent = true)
    boolean merging = DEFAULTS.merging();

    @Layout(MergeSplitSection.class)
    @Widget(title = "Allow splitting", description = "Let a track start by splitting off another particle's "
        + "detection (one blob separating into two). Each split is listed in the events output.")
    @Effect(predicate = IsLap.class, type = EffectType.SHOW)
    @Migrate(loadDefaultIfAbsent = true)
    boolean splitting = DEFAULTS.splitting();

    @Layout(DriftSection.class)
    @Widget(title = "Subtract drift", description = "Estimate the common drift of the field (stage drift, liquid "
        + "flow) from the detections before linking, and link drift-corrected positions. Use it when the whole "
        + "field moves between frames by more than the particles' own steps. The output keeps the detected "
        + "positions.")
    @Effect(predicate = IsLap.class, type = EffectType.SHOW)
    @Migrate(loadDefaultIfAbsent = true)
    boolean subtractDrift = DEFAULTS.subtractDrift();

    @Layout(DriftSection.class)
    @Widget(title = "Maximum drift (px per frame)", description = "Largest drift of the field between two frames "
        + "that the drift estimation looks for. 0 uses 5 times the maximum distance.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    @Effect(predicate = IsLap.class, type = EffectType.SHOW)
    @Migrate(loadDefaultIfAbsent = true)
    double maxDriftPx;

    @Layout(KalmanSection.class)
    @Widget(title = "Measurement noise (px)", description = "Position noise the Kalman filter assumes for each "
        + "detection (localisation error plus diffusion per frame). 0 uses an eighth of the maximum distance.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    @Effect(predicate = IsKalman.class, type = EffectType.SHOW)
    @Migrate(loadDefaultIfAbsent = true)
    double kalmanMeasurementSigmaPx;

    @Layout(KalmanSection.class)
    @Widget(title = "Acceleration noise (px per frame)", description = "How much the Kalman filter lets a "
        + "particle's velocity change from one frame to the next. 0 uses a sixteenth of the maximum distance.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    @Effect(predicate = IsKalman.class, type = EffectType.SHOW)
    @Migrate(loadDefaultIfAbsent = true)
    double kalmanAccelerationSigmaPx;

    @Override
    public void validate() throws InvalidSettingsException {
        if (!(maxDistancePx > 0 && Double.isFinite(maxDistancePx))) {
            throw new InvalidSettingsException("Maximum distance must be a positive number, got " + maxDistancePx);
        }
        if (memoryFrames < 0) {
            throw new InvalidSettingsException("Memory must be >= 0 frames, got " + memoryFrames);
        }
        if (minTrackLength < 1) {
            throw new InvalidSettingsException("Minimum track length must be >= 1, got " + minTrackLength);
        }
        for (double v : new double[]{gapMaxDistancePx, alternativeCostPx2, maxDriftPx, kalmanMeasurementSigmaPx,
            kalmanAccelerationSigmaPx}) {
            if (!(v >= 0 && Double.isFinite(v))) {
                throw new InvalidSettingsException(
                    "The LAP distances, costs and noise levels must be finite and >= 0 (0 = automatic), got " + v);
            }
        }
        if (method != Method.NEAREST_NEIGHBOUR) {
            try {
                lapSettings();
            } catch (LptemException e) {
                throw new InvalidSettingsException(e.getMessage(), e);
            }
        }
    }

    boolean isLap() {
        return method != Method.NEAREST_NEIGHBOUR;
    }

    /** The LAP settings (for LAP and LAP + Kalman); a 0 setting becomes LapSettings' automatic value (NaN). */
    LapSettings lapSettings() {
        return LapSettings.builder(maxDistancePx).maxGap(memoryFrames).gapMaxDistance(auto(gapMaxDistancePx))
            .alternativeCost(auto(alternativeCostPx2)).merging(merging).splitting(splitting)
            .subtractDrift(subtractDrift).maxDrift(auto(maxDriftPx))
            .motion(method == Method.KALMAN ? MotionPrediction.KALMAN : MotionPrediction.LAST_POSITION)
            .kalmanNoise(auto(kalmanMeasurementSigmaPx), auto(kalmanAccelerationSigmaPx)).build();
    }

    private static double auto(final double v) {
        return v > 0 ? v : Double.NaN;
    }
}
