package org.lptem.knime.sam2;

import java.nio.file.Path;

import org.knime.core.node.InvalidSettingsException;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.widget.choices.Label;
import org.knime.node.parameters.widget.choices.ValueSwitchWidget;
import org.knime.node.parameters.widget.text.TextInputWidget;
import org.lptem.knime.common.ModelFiles;
import org.lptem.knime.port.Sam2ModelPortObjectSpec;
import org.lptem.segment.sam2.Normalization;

/** Settings of the SAM2 Model Reader: the ONNX files of an export and the encoder's input normalisation. */
public final class Sam2ModelReaderParameters implements NodeParameters {

    enum Norm {
        @Label(value = "ImageNet (SAM2.1)", description = "ImageNet mean and standard deviation per RGB channel: "
            + "what the SAM2 and SAM2.1 checkpoints were trained with.")
        IMAGENET,
        @Label(value = "Half (SAM-EM)", description = "Mean 0.5 and standard deviation 0.5 in every channel: what "
            + "the SAM-EM fine-tune was trained with.")
        HALF
    }

    @Widget(title = "Image encoder (.onnx)", description = "The SAM2 or SAM-EM image encoder: input [1, 3, 1024, "
        + "1024], outputs the image embedding and the two high-resolution feature maps. A path or a KNIME URL.")
    @TextInputWidget(placeholder = "knime://knime.workflow/models/sam2.1_tiny_encoder.onnx")
    String encoderFile = "";

    @Widget(title = "Mask decoder (.onnx)", description = "The mask decoder of the same export: image embedding, "
        + "features and point/box prompts in, mask logits and IoU predictions out.")
    @TextInputWidget(placeholder = "knime://knime.workflow/models/sam2.1_tiny_decoder.onnx")
    String decoderFile = "";

    @Widget(title = "Memory attention (.onnx, optional)", description = "Four-module video exports only, with the "
        + "memory encoder: conditions each frame on the memory of earlier frames. Empty for an image-only export, "
        + "which prompts each frame with the particle's box on the previous frame.")
    @TextInputWidget(placeholder = "optional: sam2.1_tiny_memory_attention.onnx")
    String memoryAttentionFile = "";

    @Widget(title = "Memory encoder (.onnx, optional)", description = "Four-module video exports only, with the "
        + "memory attention: turns a frame's predicted mask into memory.")
    @TextInputWidget(placeholder = "optional: sam2.1_tiny_memory_encoder.onnx")
    String memoryEncoderFile = "";

    @Widget(title = "Normalisation", description = "How grey values become the encoder's three input channels.")
    @ValueSwitchWidget
    Norm normalization = Norm.IMAGENET;

    @Override
    public void validate() throws InvalidSettingsException {
        spec();
    }

    /** The referenced files, resolved and checked for existence; memory files come both or not at all. */
    Sam2ModelPortObjectSpec spec() throws InvalidSettingsException {
        Path encoder = ModelFiles.existing(encoderFile, "Image encoder");
        Path decoder = ModelFiles.existing(decoderFile, "Mask decoder");
        boolean attention = !memoryAttentionFile.isBlank();
        boolean memory = !memoryEncoderFile.isBlank();
        if (attention != memory) {
            throw new InvalidSettingsException("The video export needs both the memory attention and the memory "
                + "encoder (got only the " + (attention ? "memory attention" : "memory encoder") + ").");
        }
        String a = attention ? ModelFiles.existing(memoryAttentionFile, "Memory attention").toString() : "";
        String m = memory ? ModelFiles.existing(memoryEncoderFile, "Memory encoder").toString() : "";
        return new Sam2ModelPortObjectSpec(encoder.toString(), decoder.toString(), a, m,
            Normalization.valueOf(normalization.name()));
    }
}
