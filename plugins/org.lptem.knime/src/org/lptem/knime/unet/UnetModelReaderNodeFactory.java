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
import org.lptem.knime.common.NodeFailures;
import org.lptem.knime.port.UnetModelPortObject;
import org.lptem.knime.port.UnetModelPortObjectSpec;
import org.lptem.segment.unet.DefaultUnet;
import org.lptem.segment.unet.TrainingRecord;

/** U-Net Model Reader: a built-in U-Net, or one from an ONNX file with its training record. */
public final class UnetModelReaderNodeFactory extends DefaultNodeFactory {

    // KNIME resolves the icon against this class's package; ../ climbs to the bundle root, which holds icons/.
    private static final DefaultNode NODE = DefaultNode.create() //
        .name("U-Net Model Reader") //
        .icon("../../../../icons/unet-model-reader.png") //
        .shortDescription("Reads a U-Net segmenter: a built-in one or an ONNX file.") //
        .fullDescription("""
            <p>Provides a U-Net for the <b>U-Net Segmenter</b>. <i>Built-in default</i> is the model shipped with
            the extension (the one <tt>lptem segment --method unet</tt> uses without <tt>--model</tt>), trained by
            <tt>lptem unet train</tt> on simulated videos; nothing needs to be downloaded. <i>Built-in, 3-frame
            means</i> is the shipped model trained on moving means of 3 frames (the one <tt>lptem segment --method
            unet --average-frames 3</tt> uses): set the U-Net Segmenter's <i>Frames averaged</i> to 3 and it also
            applies the model's region classifier. <i>File</i> reads an
            ONNX probability model: one input of shape [1, 1, H, W] and one output of the same shape with the
            particle probability per pixel, as written by <tt>lptem unet train</tt> or the <b>U-Net Model
            Writer</b>. Its training record, the JSON file of the same name beside it (<tt>unet.json</tt> for
            <tt>unet.onnx</tt>), is read along when present.</p>
            <p>The model is loaded in ONNX Runtime when the node runs: a file that is not a probability model fails
            with a message naming it and its tensors. <i>Model file</i> takes a path or a KNIME URL and can be set
            by a flow variable.</p>
            <p><b>Output.</b> The U-Net model port (ONNX bytes and record); its view shows the tensors, the
            architecture and the training curve.</p>
            <h4>Example</h4>
            <p><i>File</i>, <tt>knime://knime.workflow/models/unet.onnx</tt>, to reuse a U-Net trained earlier
            by the U-Net Learner and saved by the U-Net Model Writer.</p>
            """) //
        .sinceVersion(5, 11, 0) //
        .ports(p -> p //
            .addOutputPort("U-Net model", "The network (ONNX) with its training record.", UnetModelPortObject.TYPE)) //
        .model(m -> m.parametersClass(UnetModelReaderParameters.class) //
            .configure(UnetModelReaderNodeFactory::configure) //
            .execute(UnetModelReaderNodeFactory::execute)) //
        .nodeType(NodeType.Source) //
        .keywords("LPTEM", "U-Net", "model", "ONNX", "read", "segmentation");

    public UnetModelReaderNodeFactory() {
        super(NODE);
    }

    private static void configure(final ConfigureInput in, final ConfigureOutput out)
        throws InvalidSettingsException {
        UnetModelReaderParameters params = in.getParameters();
        params.validate();
        out.setOutSpecs(spec(params));
    }

    private static UnetModelPortObjectSpec spec(final UnetModelReaderParameters params)
        throws InvalidSettingsException {
        return new UnetModelPortObjectSpec(switch (params.source) {
            case BUILT_IN -> "built-in default U-Net (" + DefaultUnet.MODEL + ")";
            case BUILT_IN_MEAN3 -> "built-in U-Net for 3-frame means (" + DefaultUnet.MEAN3_MODEL + ")";
            case FILE -> params.modelPath().toString();
        });
    }

    private static void execute(final ExecuteInput in, final ExecuteOutput out)
        throws CanceledExecutionException, KNIMEException {
        UnetModelReaderParameters params = in.getParameters();
        UnetModelPortObjectSpec spec;
        Path file;
        try {
            spec = spec(params);
            file = params.source == UnetModelReaderParameters.Source.FILE ? params.modelPath() : null;
        } catch (InvalidSettingsException e) {
            throw new KNIMEException(e.getMessage(), e);
        }
        NodeFailures.execute(() -> {
            if (params.source == UnetModelReaderParameters.Source.BUILT_IN) {
                out.setOutData(UnetModelPortObject.of(spec, DefaultUnet.bytes(), DefaultUnet.record()));
                return;
            }
            if (params.source == UnetModelReaderParameters.Source.BUILT_IN_MEAN3) {
                out.setOutData(UnetModelPortObject.of(spec, DefaultUnet.mean3Bytes(), DefaultUnet.mean3Record()));
                return;
            }
            Path record = TrainingRecord.beside(file);
            out.setOutData(UnetModelPortObject.of(spec, Files.readAllBytes(file),
                Files.isRegularFile(record) ? Files.readString(record) : ""));
        });
    }
}
