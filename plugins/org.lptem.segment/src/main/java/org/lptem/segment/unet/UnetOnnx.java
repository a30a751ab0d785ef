package org.lptem.segment.unet;

import java.util.List;
import org.lptem.ml.onnx.OnnxGraphBuilder;

/**
 * Writes a U-Net as an ONNX probability model (the contract of {@link org.lptem.segment.onnx.ProbabilityModel}:
 * input {@code image} [1, 1, H, W], output {@code probability} [1, 1, H, W]) with the project's own ONNX writer.
 *
 * <p>Batch norm in inference mode is an affine map per channel, so it is folded into the convolution before it
 * (weights scaled by {@code gamma / sqrt(var + eps)}, a bias added): the graph is Conv/Relu/MaxPool/DepthToSpace/
 * Concat/Sigmoid only. Inputs of any size work: the graph pads H and W up to the size multiple by repeating edge
 * pixels (as {@link Unet#predict} does) and slices the probability back to H x W.
 */
public final class UnetOnnx {
    public static final String INPUT = "image";
    public static final String OUTPUT = "probability";

    private UnetOnnx() {
    }

    public static byte[] export(UnetWeights weights, String description) {
        UnetConfig c = weights.config();
        OnnxGraphBuilder g = new OnnxGraphBuilder("lptem-unet")
                .doc(description)
                .input(INPUT, OnnxGraphBuilder.FLOAT, 1L, 1L, "height", "width")
                .output(OUTPUT, OnnxGraphBuilder.FLOAT, 1L, 1L, "height", "width");
        String h = padToMultiple(g, c.sizeMultiple());
        String[] skips = new String[c.depth()];
        for (int l = 0; l < c.depth(); l++) {
            if (l > 0) {
                String pooled = "pool" + l;
                g.node("MaxPool", List.of(h), List.of(pooled), OnnxGraphBuilder.attrs(
                        "kernel_shape", new long[] {2, 2}, "strides", new long[] {2, 2}));
                h = pooled;
            }
            h = block(g, weights, "enc" + l, h);
            skips[l] = h;
        }
        for (int l = c.depth() - 2; l >= 0; l--) {
            String up = "up" + l;
            g.initializer(up + ".weight", weights.get(up + ".weight"), 4L * c.channels(l), c.channels(l + 1), 1, 1);
            g.initializer(up + ".bias", weights.get(up + ".bias"), 4L * c.channels(l));
            g.node("Conv", List.of(h, up + ".weight", up + ".bias"), List.of(up + ".sub"),
                    OnnxGraphBuilder.attrs("kernel_shape", new long[] {1, 1}));
            g.node("DepthToSpace", List.of(up + ".sub"), List.of(up),
                    OnnxGraphBuilder.attrs("blocksize", 2L, "mode", "CRD"));
            String joined = "cat" + l;
            g.node("Concat", List.of(skips[l], up), List.of(joined), OnnxGraphBuilder.attrs("axis", 1L));
            h = block(g, weights, "dec" + l, joined);
        }
        g.initializer("head.weight", weights.get("head.weight"), 1, c.channels(0), 1, 1);
        g.initializer("head.bias", weights.get("head.bias"), 1);
        g.node("Conv", List.of(h, "head.weight", "head.bias"), List.of("logit"),
                OnnxGraphBuilder.attrs("kernel_shape", new long[] {1, 1}));
        String probability = c.sizeMultiple() > 1 ? "padded_probability" : OUTPUT;
        g.node("Sigmoid", List.of("logit"), List.of(probability));
        if (c.sizeMultiple() > 1) {
            g.initializer("crop_starts", new long[] {0, 0}, 2);
            g.initializer("crop_axes", new long[] {2, 3}, 2);
            g.node("Slice", List.of(probability, "crop_starts", "input_hw", "crop_axes"), List.of(OUTPUT));
        }
        return g.build();
    }

    /** Edge-pads the input's H and W up to a multiple of m (computed from its shape in the graph). */
    private static String padToMultiple(OnnxGraphBuilder g, int m) {
        if (m == 1) {
            return INPUT;
        }
        g.initializer("hw_start", new long[] {2}, 1);
        g.initializer("hw_end", new long[] {4}, 1);
        g.initializer("multiple", new long[] {m}, 1);
        g.initializer("no_padding", new long[6], 6);
        g.node("Shape", List.of(INPUT), List.of("input_shape"));
        g.node("Slice", List.of("input_shape", "hw_start", "hw_end"), List.of("input_hw"));
        g.node("Mod", List.of("input_hw", "multiple"), List.of("hw_rest"));
        g.node("Sub", List.of("multiple", "hw_rest"), List.of("hw_missing"));
        g.node("Mod", List.of("hw_missing", "multiple"), List.of("hw_padding"));
        // ONNX pads are [begin of each axis..., end of each axis...]: only the ends of H and W grow
        g.node("Concat", List.of("no_padding", "hw_padding"), List.of("pads"), OnnxGraphBuilder.attrs("axis", 0L));
        g.node("Pad", List.of(INPUT, "pads"), List.of("padded"), OnnxGraphBuilder.attrs("mode", "edge"));
        return "padded";
    }

    private static String block(OnnxGraphBuilder g, UnetWeights w, String name, String input) {
        String h = input;
        for (int k = 1; k <= 2; k++) {
            String conv = name + ".conv" + k;
            float[] weight = w.get(conv + ".weight");
            float[] gamma = w.get(conv + ".gamma");
            float[] beta = w.get(conv + ".beta");
            float[] mean = w.get(conv + ".mean");
            float[] var = w.get(conv + ".var");
            int out = gamma.length;
            int perOutput = weight.length / out;
            float[] folded = new float[weight.length];
            float[] bias = new float[out];
            for (int o = 0; o < out; o++) {
                double scale = gamma[o] / Math.sqrt(var[o] + (double) Unet.BN_EPSILON);
                for (int i = 0; i < perOutput; i++) {
                    folded[o * perOutput + i] = (float) (weight[o * perOutput + i] * scale);
                }
                bias[o] = (float) (beta[o] - mean[o] * scale);
            }
            g.initializer(conv + ".weight", folded, out, perOutput / 9, 3, 3);
            g.initializer(conv + ".bias", bias, out);
            g.node("Conv", List.of(h, conv + ".weight", conv + ".bias"), List.of(conv), OnnxGraphBuilder.attrs(
                    "kernel_shape", new long[] {3, 3}, "pads", new long[] {1, 1, 1, 1}));
            g.node("Relu", List.of(conv), List.of(conv + ".relu"));
            h = conv + ".relu";
        }
        return h;
    }
}
