package org.lptem.knime.leonardo;

import java.util.LinkedHashMap;
import java.util.Map;

import org.knime.core.node.InvalidSettingsException;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.widget.choices.Label;
import org.knime.node.parameters.widget.choices.ValueSwitchWidget;
import org.knime.node.parameters.widget.number.NumberInputWidget;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsPositiveIntegerValidation;
import org.knime.node.parameters.widget.text.TextInputWidget;

/** Settings of the LEONARDO Generator: the options of {@code lptem leonardo generate}. */
public final class LeonardoGeneratorParameters implements NodeParameters {

    enum Device {
        @Label(value = "CPU", description = "Runs everywhere.")
        CPU,
        @Label(value = "CUDA GPU", description = "NVIDIA GPU; needs a CUDA build of PyTorch.")
        CUDA
    }

    @Widget(title = "Trajectories", description = "Number of trajectories to generate.")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class)
    int n = 100;

    @Widget(title = "Seed", description = "Seed of the latents and the extents: the same seed gives the same "
        + "trajectories in the same order.")
    long seed = 1;

    @Widget(title = "Fixed latents", description = "Latent dimensions held at a value instead of drawn (the "
        + "others keep their distribution under the prior), as DIM=VALUE separated by ';' (dimensions 0-based), "
        + "e.g. '0=1.5; 3=-0.5'. Empty: all drawn.")
    @TextInputWidget(placeholder = "0=1.5; 3=-0.5")
    String fixedLatents = "";

    @Widget(title = "Device", description = "Where PyTorch decodes.")
    @ValueSwitchWidget
    Device device = Device.CPU;

    @Override
    public void validate() throws InvalidSettingsException {
        if (n < 1) {
            throw new InvalidSettingsException("Trajectories must be at least 1, got " + n + ".");
        }
        fixed();
    }

    /** Dimension to value. */
    Map<Integer, Double> fixed() throws InvalidSettingsException {
        Map<Integer, Double> out = new LinkedHashMap<>();
        for (String part : fixedLatents.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            try {
                if (eq < 0) {
                    throw new NumberFormatException("expected DIM=VALUE");
                }
                out.put(Integer.parseInt(part.substring(0, eq).trim()), Double.parseDouble(part.substring(eq + 1)));
            } catch (NumberFormatException e) {
                throw new InvalidSettingsException("Fixed latents: '" + part.trim() + "' is not DIM=VALUE ("
                    + e.getMessage() + ").", e);
            }
        }
        return out;
    }
}
