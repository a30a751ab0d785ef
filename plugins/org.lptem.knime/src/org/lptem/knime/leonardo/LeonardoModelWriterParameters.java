package org.lptem.knime.leonardo;

import java.nio.file.Path;

import org.knime.core.node.InvalidSettingsException;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.widget.text.TextInputWidget;
import org.lptem.knime.common.LocalPaths;

/** Settings of the LEONARDO Model Writer. */
public final class LeonardoModelWriterParameters implements NodeParameters {

    @Widget(title = "Model file", description = "Where the model is written. A path or a KNIME URL such as "
        + "knime://knime.workflow/models/fbm.leonardo.")
    @TextInputWidget(placeholder = "knime://knime.workflow/models/model.leonardo")
    String modelFile = "";

    @Widget(title = "Overwrite", description = "Replace an existing file. Off, the node fails instead.")
    boolean overwrite;

    @Override
    public void validate() throws InvalidSettingsException {
        modelPath();
    }

    Path modelPath() throws InvalidSettingsException {
        return LocalPaths.output(modelFile, "Model file");
    }
}
