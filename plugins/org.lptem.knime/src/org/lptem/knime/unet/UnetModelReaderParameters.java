package org.lptem.knime.unet;

import java.nio.file.Path;

import org.knime.core.node.InvalidSettingsException;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.updates.Effect;
import org.knime.node.parameters.updates.Effect.EffectType;
import org.knime.node.parameters.updates.EffectPredicate;
import org.knime.node.parameters.updates.EffectPredicateProvider;
import org.knime.node.parameters.updates.ParameterReference;
import org.knime.node.parameters.updates.ValueReference;
import org.knime.node.parameters.widget.choices.Label;
import org.knime.node.parameters.widget.choices.ValueSwitchWidget;
import org.knime.node.parameters.widget.text.TextInputWidget;
import org.lptem.knime.common.ModelFiles;

/** Settings of the U-Net Model Reader: a built-in model, or a file. */
public final class UnetModelReaderParameters implements NodeParameters {

    enum Source {
        @Label(value = "Built-in default", description = "The U-Net shipped with the extension, trained by "
            + "lptem unet train on simulated videos; no file needed.")
        BUILT_IN,
        @Label(value = "Built-in, 3-frame means", description = "The shipped U-Net trained on moving means of 3 "
            + "frames, for the segmenters' Frames averaged = 3; the U-Net Segmenter then also applies its region "
            + "classifier, which drops out-of-focus particles.")
        BUILT_IN_MEAN3,
        @Label(value = "File", description = "An ONNX probability model, e.g. written by lptem unet train or the "
            + "U-Net Model Writer.")
        FILE
    }

    interface SourceRef extends ParameterReference<Source> {
    }

    static final class IsFile implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(final PredicateInitializer i) {
            return i.getEnum(SourceRef.class).isOneOf(Source.FILE);
        }
    }

    @Widget(title = "Model", description = "Which U-Net to read.")
    @ValueSwitchWidget
    @ValueReference(SourceRef.class)
    Source source = Source.BUILT_IN;

    @Widget(title = "Model file (.onnx)", description = "The network: one input [1, 1, H, W] (the standardised "
        + "frame), one output [1, 1, H, W] (the particle probability). Its training record, MODEL.json beside "
        + "MODEL.onnx, is read too when present. A path or a KNIME URL such as "
        + "knime://knime.workflow/models/unet.onnx.")
    @TextInputWidget(placeholder = "knime://knime.workflow/models/unet.onnx")
    @Effect(predicate = IsFile.class, type = EffectType.SHOW)
    String modelFile = "";

    @Override
    public void validate() throws InvalidSettingsException {
        if (source == Source.FILE) {
            modelPath();
        }
    }

    Path modelPath() throws InvalidSettingsException {
        return ModelFiles.existing(modelFile, "Model file");
    }
}
