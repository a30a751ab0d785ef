package org.lptem.segment.unet;

import java.util.Map;

/**
 * Where U-Net training gets its examples: the simulator in the CLI, synthetic blobs in tests. Samples are indexed so
 * that a training run is reproducible: the same source and index always give the same sample.
 */
public interface SampleSource {

    /** The {@code index}-th sample; all samples of a source have the same size. */
    Sample sample(int index);

    /** The parameters that define the data (seed, presets, ranges...), recorded with the trained model. */
    Map<String, Object> description();
}
