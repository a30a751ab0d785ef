package org.lptem.knime.leonardo;

import java.nio.file.Path;

import org.knime.core.node.InvalidSettingsException;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.widget.text.TextInputWidget;
import org.lptem.knime.common.ModelFiles;

/** Settings of the LEONARDO Model Reader. */
public final class LeonardoModelReaderParameters implements NodeParameters {

    @Widget(title = "Model file", description = "A LEONARDO model file, from lptem leonardo train or the LEONARDO "
        + "Model Writer. A path or a KNIME URL such as knime://knime.workflow/models/fbm.leonardo.")
    @TextInputWidget(placeholder = "knime://knime.workflow/models/model.leonardo")
    String modelFile = "";

    @Override
    public void validate() throws InvalidSettingsException {
        modelPath();
    }

    Path modelPath() throws InvalidSettingsException {
        return ModelFiles.existing(modelFile, "Model file");
    }
}
