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
import org.lptem.knime.common.NodeFailures;
import org.lptem.knime.port.LeonardoModelPortObject;
import org.lptem.knime.port.LeonardoModelPortObjectSpec;
import org.lptem.leonardo.LeonardoModel;
import org.lptem.leonardo.ModelFile;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.ml.torch.Torch;

import ai.djl.ndarray.NDManager;

/** LEONARDO Model Reader: a model file into the LEONARDO model port. */
public final class LeonardoModelReaderNodeFactory extends DefaultNodeFactory {

    // KNIME resolves the icon against this class's package; ../ climbs to the bundle root, which holds icons/.
    private static final DefaultNode NODE = DefaultNode.create() //
        .name("LEONARDO Model Reader") //
        .icon("../../../../icons/leonardo-model-reader.png") //
        .shortDescription("Reads a LEONARDO model file.") //
        .fullDescription("""
            <p>Reads a LEONARDO model file (format <tt>lptem-leonardo</tt>, written by <tt>lptem leonardo
            train</tt> or the <b>LEONARDO Model Writer</b>): network sizes and weights, loss weights and history,
            the training windows' extents and calibration, and the training set's feature statistics. The file is
            checked when the node runs (format, version, every tensor's shape); anything wrong fails with a
            message naming the file. Since the calibration of generated tracks is in the file, downstream nodes
            configure once this node has run.</p>
            <p><i>Model file</i> takes a path or a KNIME URL and can be set by a flow variable.</p>
            <p><b>Output.</b> The LEONARDO model port, for the <b>LEONARDO Generator</b> and the <b>LEONARDO
            Evaluator</b>; its view shows the network, the loss history and the scale distribution.</p>
            <h4>Example</h4>
            <p><tt>knime://knime.workflow/models/fbm.leonardo</tt>, trained on a cluster with
            <tt>lptem leonardo train --preset paper --device cuda</tt>.</p>
            """) //
        .sinceVersion(5, 11, 0) //
        .ports(p -> p //
            .addOutputPort("LEONARDO model", "The model read.", LeonardoModelPortObject.TYPE)) //
        .model(m -> m.parametersClass(LeonardoModelReaderParameters.class) //
            .configure(LeonardoModelReaderNodeFactory::configure) //
            .execute(LeonardoModelReaderNodeFactory::execute)) //
        .nodeType(NodeType.Source) //
        .keywords("LPTEM", "LEONARDO", "model", "read");

    public LeonardoModelReaderNodeFactory() {
        super(NODE);
    }

    private static void configure(final ConfigureInput in, final ConfigureOutput out)
        throws InvalidSettingsException {
        LeonardoModelReaderParameters params = in.getParameters();
        params.validate();
        // length and calibration are inside the file: the spec is known after execution
    }

    private static void execute(final ExecuteInput in, final ExecuteOutput out)
        throws CanceledExecutionException, KNIMEException {
        LeonardoModelReaderParameters params = in.getParameters();
        Path file;
        try {
            file = params.modelPath();
        } catch (InvalidSettingsException e) {
            throw new KNIMEException(e.getMessage(), e);
        }
        NodeFailures.execute(() -> {
            in.getExecutionContext().setProgress(0, "Reading " + file.getFileName());
            try (NDManager manager = Torch.newManager(ExecutionDevice.CPU);
                    LeonardoModel model = ModelFile.read(file, manager)) {
                LeonardoModelPortObjectSpec spec = new LeonardoModelPortObjectSpec(file.toString(),
                    model.config().length(), model.scales().calibration());
                out.setOutData(LeonardoModelPortObject.of(spec, model));
            }
        });
    }
}
