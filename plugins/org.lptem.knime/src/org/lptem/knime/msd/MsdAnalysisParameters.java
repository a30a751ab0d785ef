package org.lptem.knime.msd;

import org.knime.core.node.InvalidSettingsException;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.layout.After;
import org.knime.node.parameters.layout.Layout;
import org.knime.node.parameters.layout.Section;
import org.knime.node.parameters.widget.number.NumberInputWidget;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsNonNegativeValidation;
import org.lptem.core.Calibration;

/**
 * Settings of MSD Analysis. The calibration fields are fallbacks for tables that do not carry a calibration (see
 * {@link org.lptem.knime.common.TableCalibration}); 0 means "not given", as in the Video Reader.
 */
public final class MsdAnalysisParameters implements NodeParameters {

    @Section(title = "Lags")
    interface LagSection {
    }

    @Section(title = "Calibration fallback")
    @After(LagSection.class)
    interface CalibrationSection {
    }

    @Layout(LagSection.class)
    @Widget(title = "Maximum lag (frames)", description = "Largest time lag, in frames, for which the MSD is "
        + "computed. 0 chooses it automatically from the track lengths (long lags average few displacements and "
        + "are noisy).")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    int maxLagFrames;

    @Layout(CalibrationSection.class)
    @Widget(title = "Pixel size (nm/px)", description = "Used only when the input table carries no pixel size "
        + "(for example a table read from a CSV file). 0 leaves the MSD in px² only.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    double nmPerPixel;

    @Layout(CalibrationSection.class)
    @Widget(title = "Frame interval (s/frame)", description = "Used only when the input table carries no frame "
        + "interval. 0 leaves the lags in frames only.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    double secondsPerFrame;

    @Override
    public void validate() throws InvalidSettingsException {
        if (maxLagFrames < 0) {
            throw new InvalidSettingsException("Maximum lag must be >= 0 (0 = automatic), got " + maxLagFrames);
        }
        if (!(nmPerPixel >= 0 && Double.isFinite(nmPerPixel))
            || !(secondsPerFrame >= 0 && Double.isFinite(secondsPerFrame))) {
            throw new InvalidSettingsException("Pixel size and frame interval must be finite and >= 0 (0 = none).");
        }
    }

    /** The table's calibration, with these settings filling only what the table lacks. */
    Calibration effective(final Calibration fromTable) {
        Calibration fallback =
            Calibration.of(nmPerPixel > 0 ? nmPerPixel : null, secondsPerFrame > 0 ? secondsPerFrame : null);
        return fallback.overriddenBy(fromTable);
    }
}
