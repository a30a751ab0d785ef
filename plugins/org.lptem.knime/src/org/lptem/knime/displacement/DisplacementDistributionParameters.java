package org.lptem.knime.displacement;

import java.util.Arrays;

import org.knime.core.node.InvalidSettingsException;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.layout.After;
import org.knime.node.parameters.layout.Layout;
import org.knime.node.parameters.layout.Section;
import org.knime.node.parameters.widget.number.NumberInputWidget;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsNonNegativeValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsPositiveDoubleValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsPositiveIntegerValidation;
import org.knime.node.parameters.widget.text.TextInputWidget;
import org.lptem.core.Calibration;
import org.lptem.core.LptemException;
import org.lptem.knime.common.TableCalibration;
import org.lptem.stats.report.DisplacementSettings;

/**
 * Settings of Displacement Distribution, one field per {@link DisplacementSettings} value the node uses, with that
 * record's defaults (those of {@code lptem displacements}). The van Hove lags are a comma-separated text so that a
 * single string flow variable can set them.
 */
public final class DisplacementDistributionParameters implements NodeParameters {

    private static final DisplacementSettings DEFAULTS = DisplacementSettings.defaults();

    @Section(title = "Van Hove functions")
    interface VanHoveSection {
    }

    @Section(title = "Moments")
    @After(VanHoveSection.class)
    interface MomentSection {
    }

    @Section(title = "Input")
    @After(MomentSection.class)
    interface InputSection {
    }

    @Layout(VanHoveSection.class)
    @Widget(title = "Lags (frames)", description = "Time lags, in frames, at which the distribution of "
        + "displacements is computed, separated by commas (for example 1, 2, 4, 8, 16). Lags without any "
        + "displacement are left out.")
    @TextInputWidget(placeholder = "1, 2, 4, 8, 16")
    String vanHoveLags = format(DEFAULTS.vanHoveLags());

    @Layout(VanHoveSection.class)
    @Widget(title = "Bins", description = "Number of histogram bins per lag (at least 2).")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class)
    int bins = DEFAULTS.bins();

    @Layout(VanHoveSection.class)
    @Widget(title = "Range (standard deviations)", description = "The bins span the mean displacement plus and "
        + "minus this many standard deviations of that lag's displacements. Heavy tails need a wider range.")
    @NumberInputWidget(minValidation = IsPositiveDoubleValidation.class)
    double rangeSd = DEFAULTS.rangeSd();

    @Layout(MomentSection.class)
    @Widget(title = "Maximum lag (frames)", description = "Drift, MSD, non-Gaussian parameter, skewness and excess "
        + "kurtosis are computed for every lag from 1 to this.")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class)
    int maxLagFrames = DEFAULTS.maxLagFrames();

    @Layout(InputSection.class)
    @Widget(title = "Minimum track length", description = "Tracks with fewer points are left out.")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class)
    int minTrackLength = 3;

    @Layout(InputSection.class)
    @Widget(title = "Pixel size (nm/px)", description = "Used only when the input table carries no pixel size "
        + "(for example a table read from a CSV file). 0 leaves the displacements in px only.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    double nmPerPixel;

    @Layout(InputSection.class)
    @Widget(title = "Frame interval (s/frame)", description = "Used only when the input table carries no frame "
        + "interval. 0 leaves the lags in frames only.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    double secondsPerFrame;

    @Override
    public void validate() throws InvalidSettingsException {
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

    /** The report settings; turning angles keep their defaults (the node does not output them). */
    DisplacementSettings toSettings() throws InvalidSettingsException {
        return new DisplacementSettings(parseLags(vanHoveLags), maxLagFrames, bins, rangeSd,
            DEFAULTS.turnStepFrames(), DEFAULTS.turnBins());
    }

    Calibration effective(final Calibration fromTable) {
        return TableCalibration.withFallback(fromTable, nmPerPixel, secondsPerFrame);
    }

    static int[] parseLags(final String text) throws InvalidSettingsException {
        String[] parts = text == null ? new String[0] : text.trim().split("[,;\\s]+");
        int[] lags = Arrays.stream(parts).filter(p -> !p.isEmpty()).mapToInt(p -> {
            try {
                return Integer.parseInt(p);
            } catch (NumberFormatException e) {
                return Integer.MIN_VALUE;
            }
        }).toArray();
        if (lags.length == 0 || Arrays.stream(lags).anyMatch(l -> l < 1)) {
            throw new InvalidSettingsException("Lags must be whole numbers >= 1 separated by commas, got '" + text
                + "'.");
        }
        return lags;
    }

    private static String format(final int[] lags) {
        return String.join(", ", Arrays.stream(lags).mapToObj(Integer::toString).toList());
    }
}
