package org.lptem.knime.vacf;

import org.knime.core.node.InvalidSettingsException;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.layout.After;
import org.knime.node.parameters.layout.Layout;
import org.knime.node.parameters.layout.Section;
import org.knime.node.parameters.widget.number.NumberInputWidget;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsNonNegativeValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsPositiveIntegerValidation;
import org.lptem.core.Calibration;
import org.lptem.knime.common.TableCalibration;

/** Settings of Velocity Autocorrelation; the defaults are those of {@code lptem vacf}. */
public final class VelocityAutocorrelationParameters implements NodeParameters {

    @Section(title = "Autocorrelation")
    interface VacfSection {
    }

    @Section(title = "Input")
    @After(VacfSection.class)
    interface InputSection {
    }

    @Layout(VacfSection.class)
    @Widget(title = "Maximum lag (frames)", description = "Largest lag, in frames, between the two velocities "
        + "that are correlated.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    int maxLagFrames = 20;

    @Layout(VacfSection.class)
    @Widget(title = "Velocity step (frames)", description = "The velocity is v(t) = (r(t + step) - r(t)) / step. "
        + "Brownian motion gives C(lag) = 0 for lags of at least one step; a step above 1 frame averages out "
        + "localisation noise.")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class)
    int deltaFrames = 1;

    @Layout(InputSection.class)
    @Widget(title = "Minimum track length", description = "Tracks with fewer points are left out.")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class)
    int minTrackLength = 3;

    @Layout(InputSection.class)
    @Widget(title = "Pixel size (nm/px)", description = "Used only when the input table carries no pixel size "
        + "(for example a table read from a CSV file). 0 leaves the VACF in px²/frame² only.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    double nmPerPixel;

    @Layout(InputSection.class)
    @Widget(title = "Frame interval (s/frame)", description = "Used only when the input table carries no frame "
        + "interval. 0 leaves the lags in frames only.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    double secondsPerFrame;

    @Override
    public void validate() throws InvalidSettingsException {
        if (maxLagFrames < 0) {
            throw new InvalidSettingsException("Maximum lag must be >= 0 frames, got " + maxLagFrames);
        }
        if (deltaFrames < 1) {
            throw new InvalidSettingsException("Velocity step must be >= 1 frame, got " + deltaFrames);
        }
        if (minTrackLength < 1) {
            throw new InvalidSettingsException("Minimum track length must be >= 1, got " + minTrackLength);
        }
        TableCalibration.checkSettings(nmPerPixel, secondsPerFrame, "none");
    }

    Calibration effective(final Calibration fromTable) {
        return TableCalibration.withFallback(fromTable, nmPerPixel, secondsPerFrame);
    }
}
