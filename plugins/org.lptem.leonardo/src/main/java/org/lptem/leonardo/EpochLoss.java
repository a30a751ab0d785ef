package org.lptem.leonardo;

import java.util.Map;

/**
 * The mean loss terms (unweighted) and weighted totals of one epoch.
 *
 * @param epoch 1-based
 * @param train mean per term over the training batches
 * @param trainTotal mean weighted total over the training batches
 * @param validation mean per term over the validation set, empty without one
 * @param validationTotal NaN without a validation set
 */
public record EpochLoss(int epoch, Map<LossTerm, Double> train, double trainTotal, Map<LossTerm, Double> validation,
        double validationTotal) {

    public EpochLoss {
        train = Map.copyOf(train);
        validation = Map.copyOf(validation);
    }

    /** The figure early stopping watches: the validation total, or the training total without validation. */
    public double monitored() {
        return Double.isNaN(validationTotal) ? trainTotal : validationTotal;
    }
}
