package org.lptem.leonardo;

import static org.lptem.ml.onnx.OnnxGraphBuilder.FLOAT;
import static org.lptem.ml.onnx.OnnxGraphBuilder.attrs;

import java.util.List;
import org.lptem.ml.onnx.OnnxGraphBuilder;

/**
 * The decoder of a LEONARDO as an ONNX model (opset 17): input {@code z} {@code (n, code size)} (the latent, then the
 * per-frame latents if the model has them), output
 * {@code trajectory} {@code (n, length, 2)} of normalised positions, the same operations as
 * {@link TransformerVae#decode} (Gemm, ConvTranspose, MatMul, Softmax, LayerNormalization, Conv) on the same
 * weights, so ONNX Runtime generates the same trajectories from the same latents.
 */
public final class DecoderOnnx {
    public static final String INPUT = "z";
    public static final String OUTPUT = "trajectory";

    private final LeonardoConfig config;
    private final Parameters params;
    private final OnnxGraphBuilder g = new OnnxGraphBuilder("leonardo_decoder");
    private int counter;

    private DecoderOnnx(TransformerVae vae) {
        this.config = vae.config();
        this.params = vae.parameters();
    }

    /** The serialised ModelProto; the same weights always give the same bytes. */
    public static byte[] export(TransformerVae vae) {
        return new DecoderOnnx(vae).build();
    }

    private byte[] build() {
        LeonardoConfig c = config;
        g.doc("LEONARDO trajectory decoder: z (n, " + c.codeSize() + ") -> normalised positions (n, " + c.length()
                + ", 2); exported by lptem");
        g.input(INPUT, FLOAT, "n", (long) c.codeSize());
        g.output(OUTPUT, FLOAT, "n", (long) c.length(), 2L);
        String z = INPUT;
        String perFrame = null;
        if (c.frameLatent() > 0) {
            String sizes = next();
            g.initializer(sizes, new long[] {c.latent(), (long) c.length() * c.frameLatent()}, 2);
            z = next();
            String frames = next();
            g.node("Split", List.of(INPUT, sizes), List.of(z, frames), attrs("axis", 1L));
            String perFrameCode = reshape(frames, 0, c.length(), c.frameLatent());
            String mean = next();
            g.node("ReduceMean", List.of(perFrameCode), List.of(mean), attrs("axes", new long[] {1}, "keepdims", 1L));
            perFrame = linear(op("Sub", perFrameCode, mean), "dec.frame");
        }
        String h = relu(gemm(z, "dec.dense1"));
        h = relu(gemm(h, "dec.dense2"));
        h = reshape(h, 0, c.bottleneck(), c.length());
        String deconv = next();
        int pad = LeonardoConfig.BOTTLENECK_KERNEL / 2;
        g.node("ConvTranspose", List.of(h, weight("dec.deconv.w"), weight("dec.deconv.b")), List.of(deconv),
                attrs("kernel_shape", new long[] {LeonardoConfig.BOTTLENECK_KERNEL}, "pads", new long[] {pad, pad},
                        "strides", new long[] {1}));
        String pe = next();
        g.initializer(pe, TransformerVae.positionalEncoding(c.length(), c.width()), c.length(), c.width());
        String memory = op("Add", transpose(deconv, 0, 2, 1), pe);
        if (perFrame != null) {
            memory = op("Add", memory, perFrame);
        }
        String x = memory;
        for (int i = 0; i < c.layers(); i++) {
            String b = "dec.block" + i;
            x = norm(op("Add", x, attention(x, x, b + ".self")), b + ".ln1");
            x = norm(op("Add", x, attention(x, memory, b + ".cross")), b + ".ln2");
            x = norm(op("Add", x, linear(relu(linear(x, b + ".ffn1")), b + ".ffn2")), b + ".ln3");
        }
        String conv = next();
        int outPad = LeonardoConfig.OUTPUT_KERNEL / 2;
        g.node("Conv", List.of(transpose(x, 0, 2, 1), weight("dec.out.w"), weight("dec.out.b")), List.of(conv),
                attrs("kernel_shape", new long[] {LeonardoConfig.OUTPUT_KERNEL}, "pads", new long[] {outPad, outPad},
                        "strides", new long[] {1}));
        g.node("Transpose", List.of(conv), List.of(OUTPUT), attrs("perm", new long[] {0, 2, 1}));
        return g.build();
    }

    private String attention(String query, String keyValue, String name) {
        int heads = config.heads();
        int hd = config.headDim();
        String q = transpose(reshape(linear(query, name + ".q"), 0, 0, heads, hd), 0, 2, 1, 3);
        String k = transpose(reshape(linear(keyValue, name + ".k"), 0, 0, heads, hd), 0, 2, 3, 1);
        String v = transpose(reshape(linear(keyValue, name + ".v"), 0, 0, heads, hd), 0, 2, 1, 3);
        String scale = next();
        g.initializer(scale, new float[] {(float) (1 / Math.sqrt(hd))});
        String scores = op("Mul", op("MatMul", q, k), scale);
        String p = next();
        g.node("Softmax", List.of(scores), List.of(p), attrs("axis", -1L));
        String context = reshape(transpose(op("MatMul", p, v), 0, 2, 1, 3), 0, 0, config.width());
        return linear(context, name + ".o");
    }

    /** {@code x W^T + b} on the last axis of a 3-D tensor (MatMul with the stored transpose, then Add). */
    private String linear(String x, String name) {
        long[] shape = params.shape(name + ".w");
        float[] w = params.values(name + ".w");
        int out = (int) shape[0];
        int in = (int) shape[1];
        float[] t = new float[w.length];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                t[i * out + o] = w[o * in + i];
            }
        }
        String wt = next();
        g.initializer(wt, t, in, out);
        return op("Add", op("MatMul", x, wt), weight(name + ".b"));
    }

    private String gemm(String x, String name) {
        String out = next();
        g.node("Gemm", List.of(x, weight(name + ".w"), weight(name + ".b")), List.of(out), attrs("transB", 1L));
        return out;
    }

    private String norm(String x, String name) {
        String out = next();
        g.node("LayerNormalization", List.of(x, weight(name + ".g"), weight(name + ".b")), List.of(out),
                attrs("axis", -1L, "epsilon", (double) TransformerVae.LAYER_NORM_EPS));
        return out;
    }

    private String relu(String x) {
        String out = next();
        g.node("Relu", List.of(x), List.of(out));
        return out;
    }

    private String transpose(String x, long... perm) {
        String out = next();
        g.node("Transpose", List.of(x), List.of(out), attrs("perm", perm));
        return out;
    }

    /** Reshape where 0 keeps the input's dimension (ONNX's default, allowzero = 0). */
    private String reshape(String x, long... shape) {
        String s = next();
        g.initializer(s, shape, shape.length);
        String out = next();
        g.node("Reshape", List.of(x, s), List.of(out));
        return out;
    }

    private String op(String type, String a, String b) {
        String out = next();
        g.node(type, List.of(a, b), List.of(out));
        return out;
    }

    private String weight(String name) {
        g.initializer(name, params.values(name), params.shape(name));
        return name;
    }

    private String next() {
        return "t" + counter++;
    }
}
