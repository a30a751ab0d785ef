package org.lptem.knime.msd;

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
import org.knime.node.parameters.widget.number.NumberInputWidget;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsNonNegativeValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsPositiveIntegerValidation;
import org.lptem.core.Calibration;
import org.lptem.core.LptemException;
import org.lptem.knime.common.TableCalibration;
import org.lptem.stats.LocalisationMethod;
import org.lptem.stats.MsdSettings;

/**
 * Settings of MSD Analysis. The calibration fields are fallbacks for tables that do not carry a calibration (see
 * {@link org.lptem.knime.common.TableCalibration}); 0 means "not given", as in the Video Reader. The first three
 * fields are the node's original settings; the others were added with the fits and load their defaults from
 * workflows saved before (defaults of {@link MsdSettings#defaults()}, as the {@code lptem msd} command).
 */
public final class MsdAnalysisParameters implements NodeParameters {

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

    /** How the localisation error is obtained; the names are those of {@link LocalisationMethod}. */
    enum Localisation {
        @Label(value = "Ensemble", description = "One sigma shared by all tracks: the offset that minimises the "
            + "summed residuals of every track's own K and alpha fit. Valid for any mix of exponents; assumes one "
            + "imaging condition for all tracks. The default.")
        ENSEMBLE,
        @Label(value = "Covariance", description = "From the covariance of successive displacements "
            + "(Vestergaard et al. 2014), pooled over tracks. Exact for Brownian motion only.")
        COVARIANCE,
        @Label(value = "Per track", description = "Each track fits its own offset together with K and alpha; noisy "
            + "for tracks of a few hundred frames.")
        PER_TRACK,
        @Label(value = "Fixed", description = "A known localisation error, given below in pixels.")
        FIXED,
        @Label(value = "None", description = "No localisation error (sigma = 0).")
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
    @Widget(title = "Maximum lag (frames)", description = "Largest time lag, in frames, for which the MSD is "
        + "computed. 0 chooses it automatically: a quarter of the longest track's span, at least 10 frames (long "
        + "lags average few displacements and are noisy). The ensemble and per-track localisation errors need at least 3 "
        + "lags.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    int maxLagFrames;

    @Layout(LagSection.class)
    @Widget(title = "Minimum track length", description = "Tracks with fewer points are left out of every output. "
        + "A track needs at least 3 points for a fit.")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class)
    @Migrate(loadDefaultIfAbsent = true)
    int minTrackLength = 3;

    @Layout(FitSection.class)
    @Widget(title = "Localisation error", description = "How the localisation error sigma (per axis) that enters "
        + "the fits is obtained.")
    @ValueReference(LocalisationRef.class)
    @Migrate(loadDefaultIfAbsent = true)
    Localisation localisation = Localisation.valueOf(DEFAULTS.localisation().name());

    @Layout(FitSection.class)
    @Widget(title = "Fixed sigma (px)", description = "The known localisation error per axis, in pixels, used when "
        + "Localisation error is Fixed (for example from imaging immobile particles).")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    @Effect(predicate = IsFixed.class, type = EffectType.SHOW)
    @Migrate(loadDefaultIfAbsent = true)
    double fixedSigmaPx;

    @Layout(FitSection.class)
    @Widget(title = "Exposure fraction", description = "Exposure time divided by the frame interval, for the "
        + "motion-blur correction of the fits: 0 for instantaneous snapshots (no correction), 1 for a camera that "
        + "integrates over the whole frame time.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    @Migrate(loadDefaultIfAbsent = true)
    double exposureFraction = DEFAULTS.exposureFraction();

    @Layout(BootstrapSection.class)
    @Widget(title = "Bootstrap replicates", description = "Resamples for the confidence intervals (the _lo and _hi "
        + "columns): tracks are resampled for the ensemble, single tracks by a parametric bootstrap. 0 computes no "
        + "intervals and is fastest.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    @Migrate(loadDefaultIfAbsent = true)
    int bootstrapReplicates = DEFAULTS.bootstrapReplicates();

    @Layout(BootstrapSection.class)
    @Widget(title = "Confidence level", description = "Coverage of the percentile intervals, between 0 and 1 "
        + "(0.95 for 95 %).")
    @Migrate(loadDefaultIfAbsent = true)
    double confidenceLevel = DEFAULTS.confidenceLevel();

    @Layout(BootstrapSection.class)
    @Widget(title = "Random seed", description = "Seed of the bootstrap. The same seed and input give the same "
        + "intervals on every run.")
    @Migrate(loadDefaultIfAbsent = true)
    long seed = DEFAULTS.seed();

    @Layout(CalibrationSection.class)
    @Widget(title = "Pixel size (nm/px)", description = "Used only when the input table carries no pixel size "
        + "(for example a table read from a CSV file). 0 leaves the results in px only.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    double nmPerPixel;

    @Layout(CalibrationSection.class)
    @Widget(title = "Frame interval (s/frame)", description = "Used only when the input table carries no frame "
        + "interval. 0 leaves the lags and rates in frames only.")
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
        TableCalibration.checkSettings(nmPerPixel, secondsPerFrame, "none");
        try {
            toSettings();
        } catch (LptemException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    /** The analysis settings these parameters describe. */
    MsdSettings toSettings() {
        LocalisationMethod method = LocalisationMethod.valueOf(localisation.name());
        return new MsdSettings(maxLagFrames, exposureFraction, method,
            method == LocalisationMethod.FIXED ? fixedSigmaPx : Double.NaN, bootstrapReplicates, confidenceLevel,
            seed);
    }

    /** The table's calibration, with these settings filling only what the table lacks. */
    Calibration effective(final Calibration fromTable) {
        return TableCalibration.withFallback(fromTable, nmPerPixel, secondsPerFrame);
    }
}
