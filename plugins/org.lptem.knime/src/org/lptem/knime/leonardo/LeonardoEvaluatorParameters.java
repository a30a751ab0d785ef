package org.lptem.knime.leonardo;

import org.knime.core.node.InvalidSettingsException;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.widget.choices.Label;
import org.knime.node.parameters.widget.choices.ValueSwitchWidget;
import org.knime.node.parameters.widget.number.NumberInputWidget;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsNonNegativeValidation;
import org.lptem.knime.common.TableCalibration;

/** Settings of the LEONARDO Evaluator: the options of {@code lptem leonardo evaluate}. */
public final class LeonardoEvaluatorParameters implements NodeParameters {

    enum Positions {
        @Label(value = "Pixels (x, y)", description = "Positions from the columns x and y, in px.")
        PIXELS,
        @Label(value = "Nanometres (x_nm, y_nm)", description = "Positions from x_nm and y_nm, converted to px with "
            + "the pixel size (from the table, or nm per pixel below).")
        NANOMETRES
    }

    enum Device {
        @Label(value = "CPU", description = "Runs everywhere.")
        CPU,
        @Label(value = "CUDA GPU", description = "NVIDIA GPU; needs a CUDA build of PyTorch.")
        CUDA
    }

    @Widget(title = "Positions", description = "Which columns of the held-out (and generated) tables hold the "
        + "positions.")
    @ValueSwitchWidget
    Positions positions = Positions.PIXELS;

    @Widget(title = "nm per pixel", description = "Pixel size for positions in nm, when the table does not carry "
        + "it (0 = not given).")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    double nmPerPixel;

    @Widget(title = "Trajectories", description = "Trajectories to generate; 0 = as many as held-out windows. Not "
        + "used when a Generated tracks table is connected.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    int n;

    @Widget(title = "Window stride (frames)", description = "Frames between the starts of held-out windows; 0 = "
        + "the model's length (no overlap).")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    int stride;

    @Widget(title = "Seed", description = "Seed of the generated trajectories (not used with a Generated tracks "
        + "table).")
    long seed = 2;

    @Widget(title = "Device", description = "Where PyTorch decodes.")
    @ValueSwitchWidget
    Device device = Device.CPU;

    @Override
    public void validate() throws InvalidSettingsException {
        // flow variables bypass the dialog's minimum, and a negative count would silently mean "automatic"
        if (n < 0) {
            throw new InvalidSettingsException("Trajectories must be 0 (as many as held-out windows) or more, got "
                + n + ".");
        }
        if (stride < 0) {
            throw new InvalidSettingsException("Window stride must be 0 (the model's length) or more frames, got "
                + stride + ".");
        }
        TableCalibration.checkSettings(nmPerPixel, 0, "not given");
    }

    boolean inNm() {
        return positions == Positions.NANOMETRES;
    }
}
