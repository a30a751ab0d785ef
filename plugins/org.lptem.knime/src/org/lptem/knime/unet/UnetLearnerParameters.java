package org.lptem.knime.unet;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.node.InvalidSettingsException;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.layout.After;
import org.knime.node.parameters.layout.Layout;
import org.knime.node.parameters.layout.Section;
import org.knime.node.parameters.migration.Migrate;
import org.knime.node.parameters.widget.choices.Label;
import org.knime.node.parameters.widget.choices.ValueSwitchWidget;
import org.knime.node.parameters.widget.number.NumberInputWidget;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsNonNegativeValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsPositiveDoubleValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsPositiveIntegerValidation;
import org.knime.node.parameters.widget.text.TextInputWidget;
import org.lptem.core.LptemException;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.segment.unet.TrainingSettings;
import org.lptem.segment.unet.UnetConfig;
import org.lptem.simulate.SimulationPreset;
import org.lptem.simulate.TrainingFrames;

/**
 * Settings of the U-Net Learner: the options of {@code lptem unet train}, one field each, with its defaults.
 */
public final class UnetLearnerParameters implements NodeParameters {

    /** The presets {@code lptem unet train} draws its frames around by default. */
    static final String DEFAULT_PRESETS = "rod-1024,thickness-5nm,thickness-50nm,thickness-150nm,multi";

    @Section(title = "Data")
    interface DataSection {
    }

    @Section(title = "Network")
    @After(DataSection.class)
    interface NetworkSection {
    }

    @Section(title = "Training")
    @After(NetworkSection.class)
    interface TrainingSection {
    }

    enum Device {
        @Label(value = "CPU", description = "Runs everywhere.")
        CPU,
        @Label(value = "CUDA GPU", description = "NVIDIA GPU; needs a CUDA build of PyTorch (see the GPU support "
            + "section of the README). Without one the node fails saying so.")
        CUDA
    }

    @Layout(DataSection.class)
    @Widget(title = "Simulator presets", description = "Comma-separated presets of the LPTEM Video Simulator that "
        + "the training frames are drawn around, in turn: demo, rod-1024, thickness-5nm, thickness-50nm, "
        + "thickness-150nm, multi. Each frame varies its preset's SNR, particle size, liquid thickness and crowding.")
    @TextInputWidget
    String presets = DEFAULT_PRESETS;

    @Layout(DataSection.class)
    @Widget(title = "Samples", description = "Training crops, the held-out validation crops included; four crops "
        + "are cut from each simulated frame.")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class)
    int samples = 1600;

    @Layout(DataSection.class)
    @Widget(title = "Crop size (px)", description = "Side of the square training crops, in pixels; a multiple of "
        + "2^(depth - 1) and no larger than the presets' frames.")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class)
    int cropPx = 128;

    @Layout(DataSection.class)
    @Widget(title = "Distractor-centred fraction", description = "Share of the crops centred near an out-of-focus "
        + "distractor particle (0 to 0.5), so the network learns that such blobs are not particles; frames without "
        + "a distractor in view give random crops instead. Half the crops are always centred near a particle.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    @Migrate(loadDefaultIfAbsent = true)
    double distractorCentred = TrainingFrames.DISTRACTOR_CENTRED;

    @Layout(DataSection.class)
    @Widget(title = "Frames averaged", description = "Train on the mean of this many (odd) consecutive frames of "
        + "each simulated set-up, labelled with the middle frame's truth, for a network that will segment moving "
        + "means (the segmenters' Frames averaged setting); 1 = single frames.")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class)
    @Migrate(loadDefaultIfAbsent = true)
    int averageFrames = 1;

    @Layout(DataSection.class)
    @Widget(title = "Validation fraction", description = "Share of the crops held out to pick the best epoch "
        + "(between 0 and 1).")
    @NumberInputWidget(minValidation = IsPositiveDoubleValidation.class)
    double validationFraction = 0.1;

    @Layout(DataSection.class)
    @Widget(title = "Seed", description = "Seed of the simulated data, the initial weights, the split, the batch "
        + "order and the augmentation: the same seed trains the same network.")
    long seed = 1;

    @Layout(NetworkSection.class)
    @Widget(title = "Depth (levels)", description = "Resolution levels of the U-Net (1 to 6): depth - 1 "
        + "poolings by 2.")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class)
    int depth = 4;

    @Layout(NetworkSection.class)
    @Widget(title = "Base channels", description = "Feature channels at full resolution, doubled at every level "
        + "down.")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class)
    int channels = 8;

    @Layout(TrainingSection.class)
    @Widget(title = "Epochs", description = "Passes over the training crops; the weights of the epoch with the "
        + "lowest validation loss are kept.")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class)
    int epochs = 10;

    @Layout(TrainingSection.class)
    @Widget(title = "Batch size", description = "Crops per Adam step.")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class)
    int batch = 8;

    @Layout(TrainingSection.class)
    @Widget(title = "Learning rate", description = "Adam's step size, between 0 and 1.")
    @NumberInputWidget(minValidation = IsPositiveDoubleValidation.class)
    double learningRate = 0.002;

    @Layout(TrainingSection.class)
    @Widget(title = "PyTorch threads", description = "PyTorch's CPU threads. Its workers spin while they wait, "
        + "which on a machine busy with other work costs more than they gain; give the number of idle cores on a "
        + "dedicated machine. PyTorch reads it when it first starts in this KNIME session.")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class)
    int threads = 1;

    @Layout(TrainingSection.class)
    @Widget(title = "Device", description = "Where PyTorch trains.")
    @ValueSwitchWidget
    Device device = Device.CPU;

    @Override
    public void validate() throws InvalidSettingsException {
        try {
            UnetConfig c = config();
            if (cropPx % c.sizeMultiple() != 0) {
                throw new InvalidSettingsException("The crop size " + cropPx + " px must be a multiple of "
                    + c.sizeMultiple() + " px for depth " + depth + ".");
            }
            settings();
            frames();
        } catch (LptemException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
        if (threads < 1) {
            throw new InvalidSettingsException("PyTorch threads must be at least 1, got " + threads);
        }
    }

    UnetConfig config() {
        return new UnetConfig(depth, channels);
    }

    TrainingSettings settings() {
        return new TrainingSettings(samples, epochs, batch, learningRate, validationFraction, seed);
    }

    TrainingFrames frames() {
        List<SimulationPreset> list = new ArrayList<>();
        for (String p : presets.split(",")) {
            if (!p.isBlank()) {
                list.add(SimulationPreset.parse(p.trim()));
            }
        }
        return new TrainingFrames(list, cropPx, seed, distractorCentred, averageFrames);
    }

    ExecutionDevice executionDevice() {
        return ExecutionDevice.valueOf(device.name());
    }

    /** The settings in one line, for the training record: enough to train the same network again. */
    String describe() {
        return String.format(java.util.Locale.ROOT, "KNIME U-Net Learner: presets=%s samples=%d crop=%d "
            + "distractor-centred=%s average-frames=%d validation=%s seed=%d depth=%d channels=%d epochs=%d batch=%d "
            + "learning-rate=%s threads=%d device=%s", presets, samples, cropPx, distractorCentred, averageFrames,
            validationFraction, seed, depth, channels, epochs, batch, learningRate, threads, device);
    }
}
