package org.lptem.segment.onnx;

import org.lptem.ml.onnx.OnnxModel;
import java.util.Map;
import org.lptem.core.Frame;
import org.lptem.core.LptemException;

/**
 * A segmentation network that maps one grey frame to a per-pixel particle probability: one input of shape
 * [1, 1, H, W] and one output of shape [1, 1, H, W] with values in [0, 1] (the contract of the project's U-Nets).
 * The frame is standardised (zero mean, unit standard deviation) first, so models are independent of detector gain
 * and bit depth; training uses the same standardisation.
 */
public final class ProbabilityModel implements AutoCloseable {
    private final OnnxModel model;
    private final String input;
    private final String output;

    public ProbabilityModel(OnnxModel model) {
        this.model = model;
        this.input = single(model.inputs(), "input");
        this.output = single(model.outputs(), "output");
    }

    private String single(Map<String, long[]> tensors, String what) {
        if (tensors.size() != 1) {
            throw new LptemException(model.name(), -1, "a probability model needs exactly one " + what
                    + " of shape [1,1,H,W], found " + tensors.keySet(), null);
        }
        Map.Entry<String, long[]> e = tensors.entrySet().iterator().next();
        long[] shape = e.getValue();
        if (shape.length != 4 || (shape[1] != 1 && shape[1] != -1)) {
            throw new LptemException(model.name(), -1, what + " '" + e.getKey() + "' has shape "
                    + java.util.Arrays.toString(shape) + ", expected [1,1,H,W]", null);
        }
        return e.getKey();
    }

    /** Probability per pixel, row-major, same size as the frame. */
    public float[] predict(Frame frame) {
        float[] x = standardised(frame.toFloat());
        float[] p = model.run(input, x, new long[] {1, 1, frame.height(), frame.width()}, output);
        if (p.length != x.length) {
            throw new LptemException(model.name(), -1, "output '" + output + "' has " + p.length
                    + " values for a " + frame.width() + " x " + frame.height() + " frame", null);
        }
        return p;
    }

    static float[] standardised(float[] v) {
        double sum = 0;
        double sumSq = 0;
        for (float f : v) {
            sum += f;
            sumSq += (double) f * f;
        }
        double mean = sum / v.length;
        double std = Math.sqrt(Math.max(sumSq / v.length - mean * mean, 0));
        double scale = std > 0 ? 1 / std : 1;
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) ((v[i] - mean) * scale);
        }
        return out;
    }

    public String name() {
        return model.name();
    }

    @Override
    public void close() {
        model.close();
    }
}
