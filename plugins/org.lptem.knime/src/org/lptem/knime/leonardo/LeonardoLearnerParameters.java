package org.lptem.knime.leonardo;

import org.knime.core.node.InvalidSettingsException;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.layout.After;
import org.knime.node.parameters.layout.Layout;
import org.knime.node.parameters.layout.Section;
import org.knime.node.parameters.migration.Migrate;
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
import org.lptem.core.LptemException;
import org.lptem.knime.common.TableCalibration;
import org.lptem.leonardo.LeonardoConfig;
import org.lptem.leonardo.LearningRateSchedule;
import org.lptem.leonardo.LossWeights;
import org.lptem.leonardo.PerFrameRecipe;
import org.lptem.leonardo.TrainingSettings;
import org.lptem.ml.onnx.ExecutionDevice;

/** Settings of the LEONARDO Learner: the options of {@code lptem leonardo train}, with its defaults. */
public final class LeonardoLearnerParameters implements NodeParameters {

    private static final TrainingSettings DEFAULTS = TrainingSettings.defaults();

    @Section(title = "Input")
    interface InputSection {
    }

    @Section(title = "Network")
    @After(InputSection.class)
    interface NetworkSection {
    }

    @Section(title = "Training")
    @After(NetworkSection.class)
    interface TrainingSection {
    }

    enum Positions {
        @Label(value = "Pixels (x, y)", description = "Positions from the columns x and y, in px.")
        PIXELS,
        @Label(value = "Nanometres (x_nm, y_nm)", description = "Positions from x_nm and y_nm, converted to px with "
            + "the pixel size (from the table, or nm per pixel below).")
        NANOMETRES
    }

    enum Preset {
        @Label(value = "Small", description = "A CPU-sized network of the published shape (about 1.1 M "
            + "parameters): trains on a few thousand trajectories within minutes. Its loss weighs the step variance "
            + "100 times the published weight, which keeps the generated step sizes (the diffusivity) within a few "
            + "per cent of the data's in a short training.")
        SMALL,
        @Label(value = "Paper", description = "The published network (width 128, 8 heads, 2 blocks, about 8.9 M "
            + "parameters) with the published loss weights: a GPU job.")
        PAPER
    }

    enum Latents {
        @Label(value = "Per trajectory", description = "The published model: one latent vector per trajectory. "
            + "Trained on a few thousand trajectories, its samples tend to be near-copies of one path in many sizes "
            + "(the node warns when they are).")
        TRAJECTORY,
        @Label(value = "Per frame", description = "Two latent values per frame as well, with the loss weights and "
            + "frame prior fits measured for them (lptem leonardo train --per-frame): the samples are independent "
            + "trajectories.")
        FRAME
    }

    interface LatentsRef extends ParameterReference<Latents> {
    }

    static final class IsPerFrame implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(final PredicateInitializer i) {
            return i.getEnum(LatentsRef.class).isOneOf(Latents.FRAME);
        }
    }

    enum Schedule {
        @Label(value = "Constant", description = "The same learning rate throughout, as published.")
        CONSTANT,
        @Label(value = "Cosine", description = "From the learning rate at the first step down to 5 % of it at the "
            + "last step of the epochs.")
        COSINE
    }

    enum Device {
        @Label(value = "CPU", description = "Runs everywhere.")
        CPU,
        @Label(value = "CUDA GPU", description = "NVIDIA GPU; needs a CUDA build of PyTorch. Without one the node "
            + "fails saying so.")
        CUDA
    }

    @Layout(InputSection.class)
    @Widget(title = "Positions", description = "Which columns hold the positions.")
    @ValueSwitchWidget
    Positions positions = Positions.PIXELS;

    @Layout(InputSection.class)
    @Widget(title = "nm per pixel", description = "Pixel size, used only when the table does not carry it "
        + "(0 = not given). Generated tracks get x_nm and y_nm only when the pixel size is known.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    double nmPerPixel;

    @Layout(InputSection.class)
    @Widget(title = "Seconds per frame", description = "Frame interval, used only when the table does not carry it "
        + "(0 = not given). Generated tracks get t_s only when it is known.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    double secondsPerFrame;

    @Layout(InputSection.class)
    @Widget(title = "Window stride (frames)", description = "Frames between the starts of training windows cut "
        + "from a track; 0 = the length (no overlap).")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    int stride;

    @Layout(NetworkSection.class)
    @Widget(title = "Preset", description = "Network sizes and loss weights, as lptem leonardo train --preset.")
    @ValueSwitchWidget
    Preset preset = Preset.SMALL;

    @Layout(NetworkSection.class)
    @Widget(title = "Length (frames)", description = "Frames per trajectory, even; 0 = the preset's (200).")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    int length;

    @Layout(NetworkSection.class)
    @Widget(title = "Latent size", description = "Dimensions of the latent space; 0 = the preset's (small: 16, "
        + "paper: 12).")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    int latent;

    @Layout(NetworkSection.class)
    @Widget(title = "Latents", description = "One latent vector per trajectory (the published model), or latent "
        + "values per frame as well, whose samples are independent trajectories.")
    @ValueSwitchWidget
    @ValueReference(LatentsRef.class)
    @Migrate(loadDefaultIfAbsent = true)
    Latents latents = Latents.TRAJECTORY;

    @Layout(NetworkSection.class)
    @Widget(title = "Frame prior fits", description = "The frame prior is fitted this many times (seeds Seed, Seed "
        + "+ 1, ...) and the fit whose samples come closest to the training windows is kept; each further fit "
        + "costs about a minute and a half on 2 cores for 5,000 windows.")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class)
    @Effect(predicate = IsPerFrame.class, type = EffectType.SHOW)
    @Migrate(loadDefaultIfAbsent = true)
    int framePriorFits = PerFrameRecipe.FRAME_PRIOR_FITS;

    @Layout(TrainingSection.class)
    @Widget(title = "Epochs", description = "Maximum passes over the training windows.")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class)
    int epochs = DEFAULTS.epochs();

    @Layout(TrainingSection.class)
    @Widget(title = "Batch size", description = "Windows per step.")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class)
    int batchSize = DEFAULTS.batchSize();

    @Layout(TrainingSection.class)
    @Widget(title = "Learning rate", description = "Adam's step size.")
    @NumberInputWidget(minValidation = IsPositiveDoubleValidation.class)
    double learningRate = DEFAULTS.learningRate();

    @Layout(TrainingSection.class)
    @Widget(title = "Learning-rate schedule", description = "How the learning rate changes over the epochs.")
    @ValueSwitchWidget
    @Migrate(loadDefaultIfAbsent = true)
    Schedule schedule = Schedule.CONSTANT;

    @Layout(TrainingSection.class)
    @Widget(title = "Weight decay", description = "Decoupled weight decay (AdamW); 0 = plain Adam.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    double weightDecay = DEFAULTS.weightDecay();

    @Layout(TrainingSection.class)
    @Widget(title = "Validation fraction", description = "Share of the windows held out for validation and early "
        + "stopping, in [0, 1).")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    double validationFraction = DEFAULTS.validationFraction();

    @Layout(TrainingSection.class)
    @Widget(title = "Patience (epochs)", description = "Stop after this many epochs without a better validation "
        + "loss; 0 = never. The best epoch's weights are kept.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    int patience = DEFAULTS.patience();

    @Layout(TrainingSection.class)
    @Widget(title = "Seed", description = "Seed of the weights, the split, the batch order and the noise: the same "
        + "seed and data train the same model.")
    long seed = DEFAULTS.seed();

    @Layout(TrainingSection.class)
    @Widget(title = "PyTorch threads", description = "PyTorch's CPU threads; 0 = all cores. On a machine shared "
        + "with other work, 1 is often much faster. Read once per KNIME session, when PyTorch starts.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    int threads;

    @Layout(TrainingSection.class)
    @Widget(title = "Device", description = "Where PyTorch trains.")
    @ValueSwitchWidget
    Device device = Device.CPU;

    @Override
    public void validate() throws InvalidSettingsException {
        // flow variables bypass the dialog's minimum, and a negative value would silently mean automatic
        if (stride < 0 || length < 0 || latent < 0) {
            throw new InvalidSettingsException("Window stride, trajectory length and latent size must be 0 "
                + "(automatic) or more, got " + stride + ", " + length + " and " + latent + ".");
        }
        TableCalibration.checkSettings(nmPerPixel, secondsPerFrame, "not given");
        try {
            config();
            settings();
        } catch (LptemException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    boolean inNm() {
        return positions == Positions.NANOMETRES;
    }

    LeonardoConfig config() {
        LeonardoConfig c = preset == Preset.PAPER ? LeonardoConfig.paper() : LeonardoConfig.small();
        if (length > 0) {
            c = c.withLength(length);
        }
        if (latent > 0) {
            c = c.withLatent(latent);
        }
        return latents == Latents.FRAME ? PerFrameRecipe.config(c) : c;
    }

    int windowStride() {
        return stride > 0 ? stride : config().length();
    }

    TrainingSettings settings() {
        TrainingSettings s = new TrainingSettings(epochs, batchSize, learningRate, weightDecay, validationFraction,
            patience, seed, null, 1, ExecutionDevice.valueOf(device.name()), LossWeights.preset(preset.name()),
            LearningRateSchedule.byKey(schedule.name()), 1);
        return latents == Latents.FRAME ? PerFrameRecipe.settings(s).withFramePriorFits(framePriorFits) : s;
    }
}
