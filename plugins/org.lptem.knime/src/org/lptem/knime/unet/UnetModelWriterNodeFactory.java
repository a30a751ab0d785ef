package org.lptem.knime.unet;

import java.nio.file.Files;
import java.nio.file.Path;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.KNIMEException;
import org.knime.core.node.NodeFactory.NodeType;
import org.knime.node.DefaultModel.ConfigureInput;
import org.knime.node.DefaultModel.ConfigureOutput;
import org.knime.node.DefaultModel.ExecuteInput;
import org.knime.node.DefaultModel.ExecuteOutput;
import org.knime.node.DefaultNode;
import org.knime.node.DefaultNodeFactory;
import org.lptem.io.TextFiles;
import org.lptem.knime.common.ModelFiles;
import org.lptem.knime.common.NodeFailures;
import org.lptem.knime.port.UnetModelPortObject;

/** U-Net Model Writer: a U-Net model port as MODEL.onnx and its record MODEL.json. */
public final class UnetModelWriterNodeFactory extends DefaultNodeFactory {

    // KNIME resolves the icon against this class's package; ../ climbs to the bundle root, which holds icons/.
    private static final DefaultNode NODE = DefaultNode.create() //
        .name("U-Net Model Writer") //
        .icon("../../../../icons/unet-model-writer.png") //
        .shortDescription("Writes a U-Net as an ONNX file with its training record beside it.") //
        .fullDescription("""
            <p>Writes the U-Net of the input port as the ONNX file <i>Model file</i> and its training record as
            JSON beside it (<tt>unet.json</tt> for <tt>unet.onnx</tt>; when the model has no record, an existing
            file of that name is removed, since readers would take it for this model's). These are the files <tt>lptem unet train</tt> writes, so the model works with
            <tt>lptem segment --method unet --model unet.onnx</tt> on a cluster and with the <b>U-Net Model
            Reader</b> in another workflow. Each file is written beside its target and moved into place, so no
            half-written model is ever seen; an existing file is replaced only with <i>Overwrite</i>.</p>
            <p><i>Model file</i> takes a path or a KNIME URL and can be set by a flow variable.</p>
            <h4>Example</h4>
            <p>After the <b>U-Net Learner</b>: <tt>knime://knime.workflow/models/unet.onnx</tt>.</p>
            """) //
        .sinceVersion(5, 11, 0) //
        .ports(p -> p //
            .addInputPort("U-Net model", "The network to write.", UnetModelPortObject.TYPE)) //
        .model(m -> m.parametersClass(UnetModelWriterParameters.class) //
            .configure(UnetModelWriterNodeFactory::configure) //
            .execute(UnetModelWriterNodeFactory::execute)) //
        .nodeType(NodeType.Sink) //
        .keywords("LPTEM", "U-Net", "model", "ONNX", "write", "save");

    public UnetModelWriterNodeFactory() {
        super(NODE);
    }

    private static void configure(final ConfigureInput in, final ConfigureOutput out)
        throws InvalidSettingsException {
        UnetModelWriterParameters params = in.getParameters();
        params.validate();
    }

    private static void execute(final ExecuteInput in, final ExecuteOutput out)
        throws CanceledExecutionException, KNIMEException {
        UnetModelWriterParameters params = in.getParameters();
        UnetModelPortObject model = in.getInPortObject(0);
        Path file;
        Path record;
        try {
            file = params.modelPath();
            record = params.recordPath();
        } catch (InvalidSettingsException e) {
            throw new KNIMEException(e.getMessage(), e);
        }
        NodeFailures.execute(() -> {
            ModelFiles.prepare(file, params.overwrite);
            ModelFiles.prepare(record, params.overwrite);
            in.getExecutionContext().setProgress(0, "Writing " + file.getFileName());
            ModelFiles.write(file, model.onnx());
            if (!model.record().isEmpty()) {
                TextFiles.writeAtomically(record, model.record());
            } else {
                // an older model's record would be read back as this one's, with its averaged-frames check
                Files.deleteIfExists(record);
            }
        });
    }
}
