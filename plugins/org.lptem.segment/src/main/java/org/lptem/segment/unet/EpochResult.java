package org.lptem.segment.unet;

/**
 * One point of the training curve: mean loss (binary cross-entropy + Dice loss) over the epoch's training batches,
 * the same loss on the held-out samples without augmentation, and their Dice coefficient at probability 0.5.
 */
public record EpochResult(int epoch, double trainingLoss, double validationLoss, double validationDice,
        double seconds) {
}
