package org.lptem.knime.unet;

import java.nio.file.Path;

import org.knime.core.node.InvalidSettingsException;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.layout.After;
import org.knime.node.parameters.layout.Layout;
import org.knime.node.parameters.layout.Section;
import org.knime.node.parameters.migration.Migrate;
import org.knime.node.parameters.widget.choices.Label;
import org.knime.node.parameters.widget.choices.ValueSwitchWidget;
import org.knime.node.parameters.widget.number.NumberInputWidget;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsNonNegativeValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsPositiveDoubleValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsPositiveIntegerValidation;
import org.knime.node.parameters.widget.text.TextInputWidget;
import org.lptem.knime.common.FrameAveraging;
import org.lptem.knime.common.LocalPaths;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.segment.ClassicalSettings;
import org.lptem.core.LptemException;
import org.lptem.segment.DetectorSettings;
import org.lptem.segment.Polarity;

/**
 * Settings of the U-Net Segmenter: the options {@code lptem segment --method unet} uses, with its defaults (the
 * region filters of the blob pipeline). 0 stands for "no limit" where the science code uses infinity.
 */
public final class UnetSegmenterParameters implements NodeParameters {

    private static final ClassicalSettings DEFAULTS = ClassicalSettings.blobs(3, 48);

    @Section(title = "Network")
    interface NetworkSection {
    }

    @Section(title = "Region filters")
    @After(NetworkSection.class)
    interface FilterSection {
    }

    @Section(title = "Output")
    @After(FilterSection.class)
    interface OutputSection {
    }

    enum Device {
        @Label(value = "CPU", description = "Runs everywhere.")
        CPU,
        @Label(value = "CUDA GPU", description = "NVIDIA GPU; needs the GPU feature (ONNX Runtime's CUDA build) and "
            + "CUDA 12 with cuDNN 9. Without them the node fails saying so.")
        CUDA
    }

    enum Contrast {
        @Label(value = "Dark", description = "Particles darker than the liquid (bright-field TEM).")
        DARK,
        @Label(value = "Bright", description = "Particles brighter than the liquid (dark-field, STEM HAADF).")
        BRIGHT
    }

    @Layout(NetworkSection.class)
    @Widget(title = "Device", description = "Where ONNX Runtime runs the network.")
    @ValueSwitchWidget
    Device device = Device.CPU;

    @Layout(NetworkSection.class)
    @Widget(title = "Probability threshold", description = "Probability at which a pixel belongs to a particle, "
        + "between 0 and 1 (exclusive).")
    @NumberInputWidget(minValidation = IsPositiveDoubleValidation.class)
    double probability = 0.5;

    @Layout(NetworkSection.class)
    @Widget(title = FrameAveraging.TITLE, description = FrameAveraging.DESCRIPTION)
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class)
    @Migrate(loadDefaultIfAbsent = true)
    int averageFrames = 1;

    @Layout(NetworkSection.class)
    @Widget(title = "Particle contrast", description = "Whether particles are darker or brighter than the liquid; "
        + "used for each region's contrast score and mean intensity.")
    @ValueSwitchWidget
    Contrast polarity = Contrast.valueOf(DEFAULTS.detector().polarity().name());

    @Layout(FilterSection.class)
    @Widget(title = "Split touching particles", description = "Cut touching particles apart by a marker watershed "
        + "on the probability map.")
    boolean splitTouching = DEFAULTS.splitTouching();

    @Layout(FilterSection.class)
    @Widget(title = "Minimum area (px²)", description = "Regions with fewer pixels are discarded.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    double minAreaPx = DEFAULTS.detector().minAreaPx();

    @Layout(FilterSection.class)
    @Widget(title = "Maximum area (px²)", description = "Regions with more pixels are discarded; 0 means no limit.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    double maxAreaPx;

    @Layout(FilterSection.class)
    @Widget(title = "Minimum score", description = "Regions whose contrast score (0 to 1) is lower are discarded.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    double minScore = DEFAULTS.detector().minScore();

    @Layout(OutputSection.class)
    @Widget(title = "Label file", description = "Where the label masks are written: a 16-bit TIFF stack, 0 for the "
        + "liquid and 1, 2, ... for the particles of each frame (the label column of the table). A path or a KNIME "
        + "URL such as knime://knime.workflow/data/unet-labels.tif.")
    @TextInputWidget(placeholder = "knime://knime.workflow/data/unet-labels.tif")
    String labelFile = "";

    @Layout(OutputSection.class)
    @Widget(title = "Overwrite", description = "Replace an existing label file. Off, the node fails instead.")
    boolean overwrite;

    @Override
    public void validate() throws InvalidSettingsException {
        if (!(probability > 0 && probability < 1)) {
            throw new InvalidSettingsException("The probability threshold must be between 0 and 1, got "
                + probability);
        }
        FrameAveraging.validate(averageFrames);
        try {
            filters(); // area and score limits set by flow variables are checked by the detector settings
        } catch (LptemException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
        labelPath();
    }

    /** The region filters and measurements around the network, as {@code lptem segment} sets them. */
    DetectorSettings filters() {
        return DEFAULTS.detector().withPolarity(Polarity.valueOf(polarity.name()))
            .withArea(minAreaPx, maxAreaPx > 0 ? maxAreaPx : Double.POSITIVE_INFINITY).withMinScore(minScore);
    }

    /** Watershed ridge ratio of the split, 0 for no split. */
    double ridgeRatio() {
        return splitTouching ? DEFAULTS.ridgeRatio() : 0;
    }

    ExecutionDevice executionDevice() {
        return ExecutionDevice.valueOf(device.name());
    }

    Path labelPath() throws InvalidSettingsException {
        return LocalPaths.output(labelFile, "Label file");
    }
}
