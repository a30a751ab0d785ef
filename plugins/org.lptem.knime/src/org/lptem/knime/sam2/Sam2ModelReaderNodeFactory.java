package org.lptem.knime.sam2;

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
import org.lptem.knime.port.Sam2ModelPortObject;
import org.lptem.knime.port.Sam2ModelPortObjectSpec;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.segment.sam2.Sam2Models;

/** SAM2 Model Reader: references and checks the ONNX modules of a SAM2 or SAM-EM export. */
public final class Sam2ModelReaderNodeFactory extends DefaultNodeFactory {

    // KNIME resolves the icon against this class's package; ../ climbs to the bundle root, which holds icons/.
    private static final DefaultNode NODE = DefaultNode.create() //
        .name("SAM2 Model Reader") //
        .icon("../../../../icons/sam2-model-reader.png") //
        .shortDescription("Checks and references the ONNX files of a SAM2 or SAM-EM export for the SAM2 "
            + "Segmenter.") //
        .fullDescription("""
            <p>Points to the ONNX files of a SAM2 (Segment Anything 2) export: the <i>Image encoder</i> and the
            <i>Mask decoder</i> (image-only export), and optionally the <i>Memory attention</i> and <i>Memory
            encoder</i> of a four-module video export. SAM-EM, SAM2 fine-tuned on electron-microscopy videos, is
            used the same way with <i>Normalisation</i> <i>Half</i>; SAM2 and SAM2.1 use <i>ImageNet</i>. The
            weights are not shipped: export SAM2.1 (tiny to large) or SAM-EM to ONNX, or take a published ONNX
            export, and set the paths here (see the README of the workflow
            <tt>sam2-segmentation-with-automatic-prompts</tt>).</p>
            <p>Exports name their tensors differently; when the node runs, each model is loaded in ONNX Runtime
            on the CPU and its inputs and outputs are bound to the roles the SAM2 Segmenter fills. A wrong or
            swapped file fails with a message naming the file, what is missing and what the model has instead. At
            configure time the files must exist, and the memory files come both or not at all. The files are
            referenced, not copied (they are hundreds of megabytes); every path takes a KNIME URL and can be set by
            a flow variable.</p>
            <p><b>Output.</b> The SAM2 model port: the file references, the normalisation and the detected
            signature; its view lists, per module, which tensor fills which role and its shape.</p>
            <h4>Example</h4>
            <p>SAM2.1 tiny, image-only: encoder <tt>knime://knime.workflow/models/sam2.1_tiny_encoder.onnx</tt>,
            decoder <tt>knime://knime.workflow/models/sam2.1_tiny_decoder.onnx</tt>, memory files empty,
            <i>ImageNet</i>.</p>
            """) //
        .sinceVersion(5, 11, 0) //
        .ports(p -> p //
            .addOutputPort("SAM2 model", "References to the checked ONNX files, with their signature.",
                Sam2ModelPortObject.TYPE)) //
        .model(m -> m.parametersClass(Sam2ModelReaderParameters.class) //
            .configure(Sam2ModelReaderNodeFactory::configure) //
            .execute(Sam2ModelReaderNodeFactory::execute)) //
        .nodeType(NodeType.Source) //
        .keywords("LPTEM", "SAM2", "SAM-EM", "segment anything", "ONNX", "model", "read");

    public Sam2ModelReaderNodeFactory() {
        super(NODE);
    }

    private static void configure(final ConfigureInput in, final ConfigureOutput out)
        throws InvalidSettingsException {
        Sam2ModelReaderParameters params = in.getParameters();
        out.setOutSpecs(params.spec());
    }

    private static void execute(final ExecuteInput in, final ExecuteOutput out)
        throws CanceledExecutionException, KNIMEException {
        Sam2ModelReaderParameters params = in.getParameters();
        Sam2ModelPortObjectSpec spec;
        try {
            spec = params.spec();
        } catch (InvalidSettingsException e) {
            throw new KNIMEException(e.getMessage(), e);
        }
        NodeFailures.execute(() -> {
            in.getExecutionContext().setProgress(0, "Loading and checking " + spec.files().size() + " models");
            try (Sam2Models models = spec.load(ExecutionDevice.CPU)) {
                out.setOutData(new Sam2ModelPortObject(spec, models));
            }
        });
    }
}
