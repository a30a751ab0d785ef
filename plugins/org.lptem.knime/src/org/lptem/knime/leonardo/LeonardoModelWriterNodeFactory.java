package org.lptem.knime.leonardo;

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
import org.lptem.knime.common.ModelFiles;
import org.lptem.knime.common.NodeFailures;
import org.lptem.knime.port.LeonardoModelPortObject;

/** LEONARDO Model Writer: the LEONARDO model port as a model file. */
public final class LeonardoModelWriterNodeFactory extends DefaultNodeFactory {

    // KNIME resolves the icon against this class's package; ../ climbs to the bundle root, which holds icons/.
    private static final DefaultNode NODE = DefaultNode.create() //
        .name("LEONARDO Model Writer") //
        .icon("../../../../icons/leonardo-model-writer.png") //
        .shortDescription("Writes a LEONARDO model to a file.") //
        .fullDescription("""
            <p>Writes the model of the input port as a LEONARDO model file (format <tt>lptem-leonardo</tt>), the
            file <tt>lptem leonardo generate --model</tt> and <tt>lptem leonardo evaluate --model</tt> read, and the
            <b>LEONARDO Model Reader</b> in another workflow. The file is written beside its target and moved into
            place, so no half-written model is ever seen; an existing file is replaced only with
            <i>Overwrite</i>. <i>Model file</i> takes a path or a KNIME URL and can be set by a flow variable.</p>
            <h4>Example</h4>
            <p>After the LEONARDO Learner: <tt>knime://knime.workflow/models/fbm.leonardo</tt>.</p>
            """) //
        .sinceVersion(5, 11, 0) //
        .ports(p -> p //
            .addInputPort("LEONARDO model", "The model to write.", LeonardoModelPortObject.TYPE)) //
        .model(m -> m.parametersClass(LeonardoModelWriterParameters.class) //
            .configure(LeonardoModelWriterNodeFactory::configure) //
            .execute(LeonardoModelWriterNodeFactory::execute)) //
        .nodeType(NodeType.Sink) //
        .keywords("LPTEM", "LEONARDO", "model", "write", "save");

    public LeonardoModelWriterNodeFactory() {
        super(NODE);
    }

    private static void configure(final ConfigureInput in, final ConfigureOutput out)
        throws InvalidSettingsException {
        LeonardoModelWriterParameters params = in.getParameters();
        params.validate();
    }

    private static void execute(final ExecuteInput in, final ExecuteOutput out)
        throws CanceledExecutionException, KNIMEException {
        LeonardoModelWriterParameters params = in.getParameters();
        LeonardoModelPortObject model = in.getInPortObject(0);
        Path file;
        try {
            file = params.modelPath();
        } catch (InvalidSettingsException e) {
            throw new KNIMEException(e.getMessage(), e);
        }
        NodeFailures.execute(() -> {
            ModelFiles.prepare(file, params.overwrite);
            ModelFiles.write(file, model.bytes());
        });
    }
}
