package org.lptem.knime.sam2;

import java.nio.file.Path;

import org.knime.core.node.InvalidSettingsException;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.layout.After;
import org.knime.node.parameters.layout.Layout;
import org.knime.node.parameters.layout.Section;
import org.knime.node.parameters.updates.Effect;
import org.knime.node.parameters.updates.Effect.EffectType;
import org.knime.node.parameters.updates.EffectPredicate;
import org.knime.node.parameters.updates.EffectPredicateProvider;
import org.knime.node.parameters.updates.ParameterReference;
import org.knime.node.parameters.updates.ValueReference;
import org.knime.node.parameters.widget.choices.Label;
import org.knime.node.parameters.widget.choices.ValueSwitchWidget;
import org.knime.node.parameters.widget.number.NumberInputWidget;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsNonNegativeValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsPositiveDoubleValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsPositiveIntegerValidation;
import org.knime.node.parameters.widget.text.TextInputWidget;
import org.lptem.core.LptemException;
import org.lptem.knime.common.LocalPaths;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.segment.ClassicalSettings;
import org.lptem.segment.Polarity;
import org.lptem.segment.sam2.Normalization;
import org.lptem.segment.sam2.Sam2Settings;

/**
 * Settings of the SAM2 Segmenter: the options of {@code lptem segment --method sam2} with its defaults, and the
 * blob detector options that the automatic prompts use.
 */
public final class Sam2SegmenterParameters implements NodeParameters {

    private static final Sam2Settings SAM2 = Sam2Settings.defaults();
    private static final ClassicalSettings BLOBS = ClassicalSettings.blobs(3, 48);

    @Section(title = "Prompts")
    interface PromptSection {
    }

    @Section(title = "Tracking memory")
    @After(PromptSection.class)
    interface MemorySection {
    }

    @Section(title = "Output")
    @After(MemorySection.class)
    interface OutputSection {
    }

    enum Device {
        @Label(value = "CPU", description = "Runs everywhere.")
        CPU,
        @Label(value = "CUDA GPU", description = "NVIDIA GPU; needs the GPU feature (ONNX Runtime's CUDA build) and "
            + "CUDA 12 with cuDNN 9. Without them the node fails saying so.")
        CUDA
    }

    enum Contrast {
        @Label(value = "Dark", description = "Particles darker than the liquid (bright-field TEM).")
        DARK,
        @Label(value = "Bright", description = "Particles brighter than the liquid (dark-field, STEM HAADF).")
        BRIGHT
    }

    interface AutoRef extends ParameterReference<Boolean> {
    }

    static final class IsAuto implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(final PredicateInitializer i) {
            return i.getBoolean(AutoRef.class).isTrue();
        }
    }

    @Layout(PromptSection.class)
    @Widget(title = "Automatic prompts", description = "Prompt every particle the blob detector finds on the first "
        + "frame, and each new particle later, with its box. Off, only the prompt table prompts.")
    @ValueReference(AutoRef.class)
    boolean autoPrompts = true;

    @Layout(PromptSection.class)
    @Widget(title = "Particle contrast", description = "Automatic prompts: whether particles are darker or brighter "
        + "than the liquid.")
    @ValueSwitchWidget
    @Effect(predicate = IsAuto.class, type = EffectType.SHOW)
    Contrast polarity = Contrast.valueOf(BLOBS.detector().polarity().name());

    @Layout(PromptSection.class)
    @Widget(title = "Smallest radius (px)", description = "Automatic prompts: smallest particle radius searched.")
    @NumberInputWidget(minValidation = IsPositiveDoubleValidation.class)
    @Effect(predicate = IsAuto.class, type = EffectType.SHOW)
    double minRadiusPx = BLOBS.minRadiusPx();

    @Layout(PromptSection.class)
    @Widget(title = "Largest radius (px)", description = "Automatic prompts: largest particle radius searched.")
    @NumberInputWidget(minValidation = IsPositiveDoubleValidation.class)
    @Effect(predicate = IsAuto.class, type = EffectType.SHOW)
    double maxRadiusPx = BLOBS.maxRadiusPx();

    @Layout(PromptSection.class)
    @Widget(title = "Significance (noise sigmas)", description = "Automatic prompts: matched-filter response a "
        + "particle needs, in noise standard deviations.")
    @NumberInputWidget(minValidation = IsPositiveDoubleValidation.class)
    @Effect(predicate = IsAuto.class, type = EffectType.SHOW)
    double significanceSigmas = BLOBS.blobThresholdSigmas();

    @Layout(PromptSection.class)
    @Widget(title = "Detect every (frames)", description = "Automatic prompts: look for new particles every this "
        + "many frames.")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class)
    @Effect(predicate = IsAuto.class, type = EffectType.SHOW)
    int detectEvery = SAM2.detectEvery();

    @Layout(MemorySection.class)
    @Widget(title = "Memory frames", description = "Video export: spatial memories attended to (the prompted frame "
        + "and the latest ones; SAM2 uses 7).")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class)
    int memoryFrames = SAM2.memoryFrames();

    @Layout(MemorySection.class)
    @Widget(title = "Object pointers", description = "Video export: object pointers attended to (SAM2 uses 16).")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class)
    int objectPointers = SAM2.objectPointers();

    @Layout(MemorySection.class)
    @Widget(title = "Re-link distance (px)", description = "A new particle this close to where a lost one was last "
        + "seen takes its id.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    double relinkDistancePx = SAM2.relinkDistancePx();

    @Layout(MemorySection.class)
    @Widget(title = "Re-link gap (frames)", description = "... when it was lost at most this many frames before.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    int relinkGapFrames = SAM2.relinkGapFrames();

    @Layout(MemorySection.class)
    @Widget(title = "Device", description = "Where ONNX Runtime runs the models.")
    @ValueSwitchWidget
    Device device = Device.CPU;

    @Layout(OutputSection.class)
    @Widget(title = "Label file", description = "Where the label masks are written: a 16-bit TIFF stack whose "
        + "labels are the particle ids, the same on every frame. A path or a KNIME URL such as "
        + "knime://knime.workflow/data/sam2-labels.tif.")
    @TextInputWidget(placeholder = "knime://knime.workflow/data/sam2-labels.tif")
    String labelFile = "";

    @Layout(OutputSection.class)
    @Widget(title = "SAM-EM folder (optional)", description = "Also write the masks as SAM-EM does: npz/NNNNNN.npz "
        + "(obj_ids, masks) per frame and trajectories.csv. Empty for none.")
    @TextInputWidget(placeholder = "optional: knime://knime.workflow/data/samem")
    String samEmFolder = "";

    @Layout(OutputSection.class)
    @Widget(title = "Overwrite", description = "Replace an existing label file and SAM-EM folder. Off, the node "
        + "fails instead.")
    boolean overwrite;

    @Override
    public void validate() throws InvalidSettingsException {
        labelPath();
        samEmPath();
        try {
            settings(Normalization.IMAGENET);
            classical();
        } catch (LptemException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    Sam2Settings settings(final Normalization normalization) {
        return SAM2.withNormalization(normalization).withMemory(memoryFrames, objectPointers)
            .withDetectEvery(detectEvery).withRelink(relinkDistancePx, relinkGapFrames);
    }

    /** The blob detector of the automatic prompts. */
    ClassicalSettings classical() {
        return BLOBS.toBuilder().detector(BLOBS.detector().withPolarity(Polarity.valueOf(polarity.name())))
            .radii(minRadiusPx, maxRadiusPx).blobThresholdSigmas(significanceSigmas).build();
    }

    ExecutionDevice executionDevice() {
        return ExecutionDevice.valueOf(device.name());
    }

    Path labelPath() throws InvalidSettingsException {
        return LocalPaths.output(labelFile, "Label file");
    }

    /** The SAM-EM folder, or null for none. */
    Path samEmPath() throws InvalidSettingsException {
        return samEmFolder == null || samEmFolder.isBlank() ? null : LocalPaths.output(samEmFolder, "SAM-EM folder");
    }
}
