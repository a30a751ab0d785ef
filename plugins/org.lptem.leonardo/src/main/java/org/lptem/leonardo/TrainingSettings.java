package org.lptem.leonardo;

import java.nio.file.Path;
import org.lptem.core.LptemException;
import org.lptem.ml.onnx.ExecutionDevice;

/**
 * How to train: AdamW (Adam when the weight decay is 0) on shuffled mini-batches, a held-out validation fraction,
 * early stopping on the validation total and periodic checkpoints to resume from.
 *
 * @param epochs maximum number of passes over the training windows
 * @param batchSize windows per step
 * @param learningRate Adam step size
 * @param weightDecay decoupled weight decay per step (AdamW), 0 for none
 * @param validationFraction share of the windows held out for validation (0 for none)
 * @param patience epochs without a better monitored loss before stopping; 0 never stops early
 * @param seed seeds the weights, the split, the batch order and the reparameterisation noise
 * @param checkpoint file rewritten every {@code checkpointEvery} epochs (and at the end), or null
 * @param checkpointEvery epochs between checkpoints
 * @param device where PyTorch runs
 * @param weights of the loss terms
 * @param schedule how the learning rate changes over the {@code epochs} (a run resumed with the same epochs follows
 *     the same curve)
 * @param framePriorFits for models with per-frame latents: frame priors fitted after training (seeds {@code seed},
 *     {@code seed + 1}, ...), of which the one whose samples come closest to the training windows is kept
 *     ({@link LeonardoTrainer#fitPriors}); 1 fits one and generates nothing
 */
public record TrainingSettings(int epochs, int batchSize, double learningRate, double weightDecay,
        double validationFraction, int patience, long seed, Path checkpoint, int checkpointEvery,
        ExecutionDevice device, LossWeights weights, LearningRateSchedule schedule, int framePriorFits) {

    public TrainingSettings {
        if (epochs < 1) {
            throw new LptemException("epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new LptemException("the batch size must be at least 1, got " + batchSize);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new LptemException("the learning rate must be positive, got " + learningRate);
        }
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new LptemException("the weight decay must be >= 0, got " + weightDecay);
        }
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new LptemException("the validation fraction must be in [0, 1), got " + validationFraction);
        }
        if (patience < 0) {
            throw new LptemException("the patience must be >= 0, got " + patience);
        }
        if (checkpointEvery < 1) {
            throw new LptemException("checkpoints need an interval of at least 1 epoch, got " + checkpointEvery);
        }
        if (schedule == null) {
            throw new LptemException("a learning-rate schedule is required");
        }
        if (framePriorFits < 1) {
            throw new LptemException("the number of frame prior fits must be at least 1, got " + framePriorFits);
        }
    }

    /** Settings that fit one frame prior. */
    public TrainingSettings(int epochs, int batchSize, double learningRate, double weightDecay,
            double validationFraction, int patience, long seed, Path checkpoint, int checkpointEvery,
            ExecutionDevice device, LossWeights weights, LearningRateSchedule schedule) {
        this(epochs, batchSize, learningRate, weightDecay, validationFraction, patience, seed, checkpoint,
                checkpointEvery, device, weights, schedule, 1);
    }

    /** Settings with a constant learning rate. */
    public TrainingSettings(int epochs, int batchSize, double learningRate, double weightDecay,
            double validationFraction, int patience, long seed, Path checkpoint, int checkpointEvery,
            ExecutionDevice device, LossWeights weights) {
        this(epochs, batchSize, learningRate, weightDecay, validationFraction, patience, seed, checkpoint,
                checkpointEvery, device, weights, LearningRateSchedule.CONSTANT);
    }

    /** The published optimiser (Adam, lr 3e-4, weight decay 1e-5) with CPU-friendly batches. */
    public static TrainingSettings defaults() {
        return new TrainingSettings(30, 64, 3e-4, 1e-5, 0.1, 5, 1, null, 1, ExecutionDevice.CPU,
                LossWeights.paper());
    }

    public TrainingSettings withEpochs(int v) {
        return new TrainingSettings(v, batchSize, learningRate, weightDecay, validationFraction, patience, seed,
                checkpoint, checkpointEvery, device, weights, schedule, framePriorFits);
    }

    public TrainingSettings withBatchSize(int v) {
        return new TrainingSettings(epochs, v, learningRate, weightDecay, validationFraction, patience, seed,
                checkpoint, checkpointEvery, device, weights, schedule, framePriorFits);
    }

    public TrainingSettings withLearningRate(double v) {
        return new TrainingSettings(epochs, batchSize, v, weightDecay, validationFraction, patience, seed,
                checkpoint, checkpointEvery, device, weights, schedule, framePriorFits);
    }

    public TrainingSettings withWeightDecay(double v) {
        return new TrainingSettings(epochs, batchSize, learningRate, v, validationFraction, patience, seed,
                checkpoint, checkpointEvery, device, weights, schedule, framePriorFits);
    }

    public TrainingSettings withValidationFraction(double v) {
        return new TrainingSettings(epochs, batchSize, learningRate, weightDecay, v, patience, seed, checkpoint,
                checkpointEvery, device, weights, schedule, framePriorFits);
    }

    public TrainingSettings withPatience(int v) {
        return new TrainingSettings(epochs, batchSize, learningRate, weightDecay, validationFraction, v, seed,
                checkpoint, checkpointEvery, device, weights, schedule, framePriorFits);
    }

    public TrainingSettings withSeed(long v) {
        return new TrainingSettings(epochs, batchSize, learningRate, weightDecay, validationFraction, patience, v,
                checkpoint, checkpointEvery, device, weights, schedule, framePriorFits);
    }

    public TrainingSettings withCheckpoint(Path file, int every) {
        return new TrainingSettings(epochs, batchSize, learningRate, weightDecay, validationFraction, patience, seed,
                file, every, device, weights, schedule, framePriorFits);
    }

    public TrainingSettings withDevice(ExecutionDevice v) {
        return new TrainingSettings(epochs, batchSize, learningRate, weightDecay, validationFraction, patience, seed,
                checkpoint, checkpointEvery, v, weights, schedule, framePriorFits);
    }

    public TrainingSettings withSchedule(LearningRateSchedule v) {
        return new TrainingSettings(epochs, batchSize, learningRate, weightDecay, validationFraction, patience, seed,
                checkpoint, checkpointEvery, device, weights, v, framePriorFits);
    }

    public TrainingSettings withWeights(LossWeights v) {
        return new TrainingSettings(epochs, batchSize, learningRate, weightDecay, validationFraction, patience, seed,
                checkpoint, checkpointEvery, device, v, schedule, framePriorFits);
    }

    public TrainingSettings withFramePriorFits(int v) {
        return new TrainingSettings(epochs, batchSize, learningRate, weightDecay, validationFraction, patience, seed,
                checkpoint, checkpointEvery, device, weights, schedule, v);
    }
}
