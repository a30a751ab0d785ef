package org.lptem.segment.unet;

import org.lptem.core.LptemException;

/**
 * How a U-Net is trained: {@code samples} examples from the source, of which the last {@code validationFraction}
 * (after a seeded shuffle) are held out; {@code epochs} passes of Adam over the rest in batches, each sample
 * augmented afresh every epoch.
 */
public record TrainingSettings(int samples, int epochs, int batchSize, double learningRate,
        double validationFraction, long seed) {
    public TrainingSettings {
        if (samples < 2) {
            throw new LptemException("training needs at least 2 samples (one to validate), got " + samples);
        }
        if (epochs < 1 || batchSize < 1) {
            throw new LptemException("epochs and batch size must be >= 1, got " + epochs + " and " + batchSize);
        }
        if (!(learningRate > 0 && learningRate < 1)) {
            throw new LptemException("learning rate must be in (0, 1), got " + learningRate);
        }
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new LptemException("validation fraction must be in (0, 1), got " + validationFraction);
        }
    }

    public int validationSamples() {
        return Math.max(1, Math.min(samples - 1, (int) Math.round(samples * validationFraction)));
    }
}
