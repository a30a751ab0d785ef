package org.lptem.knime.detect;

import org.knime.core.node.InvalidSettingsException;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.layout.After;
import org.knime.node.parameters.layout.Layout;
import org.knime.node.parameters.layout.Section;
import org.knime.node.parameters.widget.choices.Label;
import org.knime.node.parameters.widget.choices.ValueSwitchWidget;
import org.knime.node.parameters.widget.number.NumberInputWidget;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsNonNegativeValidation;
import org.lptem.core.LptemException;
import org.lptem.segment.DetectorSettings;
import org.lptem.segment.Polarity;
import org.lptem.segment.ThresholdMethod;

/**
 * Settings of the Particle Detector, one field per {@link DetectorSettings} component. The enums are the node's own
 * so that saved workflows keep loading if the science enums gain or rename constants; {@link #toSettings()} maps them.
 */
public final class ParticleDetectorParameters implements NodeParameters {

    private static final DetectorSettings DEFAULTS = DetectorSettings.defaults();

    @Section(title = "Image preparation")
    interface PreparationSection {
    }

    @Section(title = "Thresholding")
    @After(PreparationSection.class)
    interface ThresholdSection {
    }

    @Section(title = "Region filters")
    @After(ThresholdSection.class)
    interface FilterSection {
    }

    enum Threshold {
        @Label(value = "Otsu", description = "Maximises the between-class variance; good when particles cover a "
            + "fair part of the field.")
        OTSU,
        @Label(value = "Li", description = "Minimum cross-entropy; often better for faint particles.")
        LI,
        @Label(value = "Triangle", description = "Suited to a few small particles on a large background.")
        TRIANGLE
    }

    enum Contrast {
        @Label(value = "Dark", description = "Particles are darker than the liquid (bright-field TEM).")
        DARK,
        @Label(value = "Bright", description = "Particles are brighter than the liquid (e.g. dark-field, STEM HAADF).")
        BRIGHT
    }

    @Layout(PreparationSection.class)
    @Widget(title = "Background sigma (px)", description = "Standard deviation of the Gaussian blur whose result is "
        + "subtracted from each frame to flatten uneven illumination. Use several times the particle radius; "
        + "0 disables flattening.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    double backgroundSigmaPx = DEFAULTS.backgroundSigmaPx();

    @Layout(PreparationSection.class)
    @Widget(title = "Smoothing sigma (px)", description = "Standard deviation of the Gaussian that suppresses pixel "
        + "noise before thresholding; about the noise correlation length (1-2 px). 0 disables smoothing.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    double smoothingSigmaPx = DEFAULTS.smoothingSigmaPx();

    @Layout(ThresholdSection.class)
    @Widget(title = "Threshold method", description = "Automatic threshold computed per frame on the flattened, "
        + "smoothed image.")
    Threshold threshold = Threshold.valueOf(DEFAULTS.threshold().name());

    @Layout(ThresholdSection.class)
    @Widget(title = "Particle contrast", description = "Whether particles are darker or brighter than the liquid "
        + "around them.")
    @ValueSwitchWidget
    Contrast polarity = Contrast.valueOf(DEFAULTS.polarity().name());

    @Layout(FilterSection.class)
    @Widget(title = "Minimum area (px²)", description = "Regions with fewer pixels are discarded as noise.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    double minAreaPx = DEFAULTS.minAreaPx();

    @Layout(FilterSection.class)
    @Widget(title = "Maximum area (px²)", description = "Regions with more pixels are discarded (aggregates, "
        + "illumination artefacts). 0 means no upper limit.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    double maxAreaPx;

    @Layout(FilterSection.class)
    @Widget(title = "Minimum score", description = "Regions whose contrast score (0 to 1) is lower are discarded. "
        + "0 keeps every region.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    double minScore = DEFAULTS.minScore();

    @Override
    public void validate() throws InvalidSettingsException {
        try {
            toSettings();
        } catch (LptemException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    DetectorSettings toSettings() {
        // 0 stands for "no limit" because the dialog cannot hold infinity.
        double max = maxAreaPx > 0 ? maxAreaPx : Double.POSITIVE_INFINITY;
        return new DetectorSettings(backgroundSigmaPx, smoothingSigmaPx, ThresholdMethod.valueOf(threshold.name()),
            Polarity.valueOf(polarity.name()), minAreaPx, max, minScore);
    }
}
