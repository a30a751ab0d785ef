package org.lptem.segment.unet;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lptem.core.LptemException;

/**
 * The numbers of a U-Net, detached from any engine: trainable parameters and batch-norm running statistics by name
 * (see {@link Unet} for the names and shapes). A checkpoint of training and the input of the ONNX export.
 */
public record UnetWeights(UnetConfig config, Map<String, float[]> values) {
    public UnetWeights {
        Map<String, float[]> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, v.clone()));
        values = Collections.unmodifiableMap(copy);
    }

    /** The named array; a missing name is a bug of whoever built these weights. */
    public float[] get(String name) {
        float[] v = values.get(name);
        if (v == null) {
            throw new LptemException("U-Net weights have no '" + name + "' (depth " + config.depth() + ", "
                    + config.baseChannels() + " base channels)");
        }
        return v;
    }

    public long parameterCount() {
        return values.values().stream().mapToLong(v -> v.length).sum();
    }
}
