package org.lptem.knime.unet;

import java.nio.file.Path;

import org.knime.core.node.InvalidSettingsException;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.widget.text.TextInputWidget;
import org.lptem.knime.common.LocalPaths;
import org.lptem.segment.unet.TrainingRecord;

/** Settings of the U-Net Model Writer. */
public final class UnetModelWriterParameters implements NodeParameters {

    @Widget(title = "Model file (.onnx)", description = "Where the network is written; its training record goes "
        + "beside it with the extension .json. A path or a KNIME URL such as knime://knime.workflow/models/unet.onnx.")
    @TextInputWidget(placeholder = "knime://knime.workflow/models/unet.onnx")
    String modelFile = "";

    @Widget(title = "Overwrite", description = "Replace existing files. Off, the node fails instead.")
    boolean overwrite;

    @Override
    public void validate() throws InvalidSettingsException {
        Path p = modelPath();
        if (!p.getFileName().toString().endsWith(".onnx")) {
            throw new InvalidSettingsException("The model file must end in .onnx, got " + p);
        }
    }

    Path modelPath() throws InvalidSettingsException {
        return LocalPaths.output(modelFile, "Model file");
    }

    /** The record's file: MODEL.json beside MODEL.onnx, where the U-Net Model Reader and lptem look for it. */
    Path recordPath() throws InvalidSettingsException {
        Path model = modelPath();
        return TrainingRecord.beside(model);
    }
}
