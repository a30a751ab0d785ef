package org.lptem.segment.unet;

import java.util.List;

/** The weights of the epoch with the lowest validation loss, and the whole curve. */
public record TrainingResult(UnetWeights best, int bestEpoch, List<EpochResult> curve) {
    public TrainingResult {
        curve = List.copyOf(curve);
    }

    public EpochResult bestResult() {
        return curve.get(bestEpoch - 1);
    }
}
