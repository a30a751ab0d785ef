package org.lptem.knime.rotation;

import org.knime.core.node.InvalidSettingsException;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.layout.After;
import org.knime.node.parameters.layout.Layout;
import org.knime.node.parameters.layout.Section;
import org.knime.node.parameters.updates.Effect;
import org.knime.node.parameters.updates.Effect.EffectType;
import org.knime.node.parameters.updates.EffectPredicate;
import org.knime.node.parameters.updates.EffectPredicateProvider;
import org.knime.node.parameters.updates.ParameterReference;
import org.knime.node.parameters.updates.ValueReference;
import org.knime.node.parameters.widget.choices.Label;
import org.knime.node.parameters.widget.number.NumberInputWidget;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsNonNegativeValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsPositiveIntegerValidation;
import org.lptem.core.Calibration;
import org.lptem.core.LptemException;
import org.lptem.knime.common.TableCalibration;
import org.lptem.stats.LocalisationMethod;
import org.lptem.stats.MsdSettings;

/**
 * Settings of Rotational Diffusion: those of MSD Analysis for the orientation angle, in degrees. The defaults are
 * those of {@code lptem msd} ({@link MsdSettings#defaults()}).
 */
public final class RotationalDiffusionParameters implements NodeParameters {

    private static final MsdSettings DEFAULTS = MsdSettings.defaults();

    @Section(title = "Lags")
    interface LagSection {
    }

    @Section(title = "Fits")
    @After(LagSection.class)
    interface FitSection {
    }

    @Section(title = "Confidence intervals")
    @After(FitSection.class)
    interface BootstrapSection {
    }

    @Section(title = "Calibration fallback")
    @After(BootstrapSection.class)
    interface CalibrationSection {
    }

    /** How the orientation error is obtained; the names are those of {@link LocalisationMethod}. */
    enum Localisation {
        @Label(value = "Ensemble", description = "One angular error shared by all tracks: the offset that minimises "
            + "the summed residuals of every track's own K and alpha fit. The default.")
        ENSEMBLE,
        @Label(value = "Covariance", description = "From the covariance of successive angle steps, pooled over "
            + "tracks. Exact for rotational Brownian motion only.")
        COVARIANCE,
        @Label(value = "Per track", description = "Each track fits its own offset together with K and alpha.")
        PER_TRACK,
        @Label(value = "Fixed", description = "A known orientation error, given below in degrees.")
        FIXED,
        @Label(value = "None", description = "No orientation error (sigma = 0).")
        NONE
    }

    interface LocalisationRef extends ParameterReference<Localisation> {
    }

    static final class IsFixed implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(final PredicateInitializer i) {
            return i.getEnum(LocalisationRef.class).isOneOf(Localisation.FIXED);
        }
    }

    @Layout(LagSection.class)
    @Widget(title = "Maximum lag (frames)", description = "Largest time lag, in frames, of the rotational MSD. 0 "
        + "chooses a quarter of the longest track's span, at least 10 frames.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    int maxLagFrames;

    @Layout(LagSection.class)
    @Widget(title = "Minimum track length", description = "Tracks with fewer points (rows) are left out. Of the "
        + "others, only points with an orientation count, and tracks with fewer than 2 of them are left out too.")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class)
    int minTrackLength = 3;

    @Layout(FitSection.class)
    @Widget(title = "Orientation error", description = "How the error sigma of a measured orientation, which "
        + "offsets the rotational MSD, is obtained.")
    @ValueReference(LocalisationRef.class)
    Localisation localisation = Localisation.valueOf(DEFAULTS.localisation().name());

    @Layout(FitSection.class)
    @Widget(title = "Fixed sigma (deg)", description = "The known error of one orientation measurement, in degrees, "
        + "used when Orientation error is Fixed.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    @Effect(predicate = IsFixed.class, type = EffectType.SHOW)
    double fixedSigmaDeg;

    @Layout(FitSection.class)
    @Widget(title = "Exposure fraction", description = "Exposure time divided by the frame interval, for the "
        + "motion-blur correction: 0 for instantaneous snapshots, 1 for a camera that integrates over the whole "
        + "frame time.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    double exposureFraction = DEFAULTS.exposureFraction();

    @Layout(BootstrapSection.class)
    @Widget(title = "Bootstrap replicates", description = "Resamples for the confidence intervals (the _lo and _hi "
        + "columns). 0 computes no intervals and is fastest.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    int bootstrapReplicates = DEFAULTS.bootstrapReplicates();

    @Layout(BootstrapSection.class)
    @Widget(title = "Confidence level", description = "Coverage of the percentile intervals, between 0 and 1 "
        + "(0.95 for 95 %).")
    double confidenceLevel = DEFAULTS.confidenceLevel();

    @Layout(BootstrapSection.class)
    @Widget(title = "Random seed", description = "Seed of the bootstrap. The same seed and input give the same "
        + "intervals on every run.")
    long seed = DEFAULTS.seed();

    @Layout(CalibrationSection.class)
    @Widget(title = "Frame interval (s/frame)", description = "Used only when the input table carries no frame "
        + "interval (for example a table read from a CSV file). 0 leaves the lags and rates in frames only.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    double secondsPerFrame;

    @Override
    public void validate() throws InvalidSettingsException {
        if (maxLagFrames < 0) {
            throw new InvalidSettingsException("Maximum lag must be >= 0 (0 = automatic), got " + maxLagFrames);
        }
        if (minTrackLength < 1) {
            throw new InvalidSettingsException("Minimum track length must be >= 1, got " + minTrackLength);
        }
        if (!(secondsPerFrame >= 0 && Double.isFinite(secondsPerFrame))) {
            throw new InvalidSettingsException("The frame interval must be finite and >= 0 (0 = none).");
        }
        try {
            toSettings();
        } catch (LptemException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    /** The analysis settings; angles are the "length" of the angular analysis, so sigma is in degrees. */
    MsdSettings toSettings() {
        LocalisationMethod method = LocalisationMethod.valueOf(localisation.name());
        return new MsdSettings(maxLagFrames, exposureFraction, method,
            method == LocalisationMethod.FIXED ? fixedSigmaDeg : Double.NaN, bootstrapReplicates, confidenceLevel,
            seed);
    }

    /** The table's frame interval, with the fallback filling it in when the table has none. */
    Calibration effective(final Calibration fromTable) {
        return TableCalibration.withFallback(fromTable, 0, secondsPerFrame);
    }
}
