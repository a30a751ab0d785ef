package org.lptem.leonardo;

import java.util.List;
import java.util.Map;

/**
 * A trained LEONARDO: the network, what its training saw and how it went. Closing it frees the weights.
 *
 * @param vae network and weights
 * @param scales extents and calibration to bring generated trajectories back to px, nm and s
 * @param history loss per epoch, as trained (the weights are those of the best monitored epoch)
 * @param weights loss weights used
 * @param trainingReference feature moments of the training windows (the floor of evaluations)
 * @param info training facts for the record (seed, windows, stride, source, ...)
 */
public record LeonardoModel(TransformerVae vae, ScaleDistribution scales, List<EpochLoss> history,
        LossWeights weights, FeatureMoments trainingReference, Map<String, String> info) implements AutoCloseable {

    public LeonardoModel {
        history = List.copyOf(history);
        info = Map.copyOf(info);
    }

    public LeonardoConfig config() {
        return vae.config();
    }

    @Override
    public void close() {
        vae.parameters().close();
    }
}
