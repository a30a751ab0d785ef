package org.lptem.leonardo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import java.util.SplittableRandom;
import org.lptem.ml.torch.Torch;

/**
 * LEONARDO's transformer VAE on DJL's PyTorch engine, written as plain tensor operations on {@link Parameters} so
 * that the same weights can be trained here and exported to ONNX ({@link DecoderOnnx}) layer by layer. Three
 * defects of the reference code are fixed: the sinusoidal positions are added (after the embedding and after the
 * decoder's transposed convolution), attention logits are scaled by sqrt(head width) rather than sqrt(model width),
 * and the decoder blocks are chained (each takes the previous block's output; all cross-attend to the memory).
 *
 * <p>Tensors: trajectories {@code (batch, length, 2)}, latents {@code (batch, latent)}.
 */
public final class TransformerVae {
    static final float LAYER_NORM_EPS = 1e-5f;
    /** Initial log-variance of the per-frame posteriors (their bias; the weights start as usual). */
    static final float FRAME_LOG_VARIANCE_START = -6f;

    private final LeonardoConfig config;
    private final Parameters params;

    public TransformerVae(LeonardoConfig config, Parameters params) {
        this.config = config;
        this.params = params;
    }

    public LeonardoConfig config() {
        return config;
    }

    public Parameters parameters() {
        return params;
    }

    /** Fresh weights for a configuration, drawn from {@code seed}. */
    public static TransformerVae initialise(LeonardoConfig c, NDManager manager, long seed) {
        Parameters p = new Parameters(manager);
        SplittableRandom r = new SplittableRandom(seed);
        int w = c.width();
        conv(p, r, "enc.embed", w, 2, LeonardoConfig.EMBED_KERNEL);
        for (int i = 0; i < c.layers(); i++) {
            String b = "enc.block" + i;
            attention(p, r, b + ".attn", w);
            layerNorm(p, b + ".ln1", w);
            feedForward(p, r, b, w, c.ffn());
            layerNorm(p, b + ".ln2", w);
        }
        conv(p, r, "enc.conv1", c.bottleneck(), w, LeonardoConfig.BOTTLENECK_KERNEL);
        conv(p, r, "enc.conv2", c.bottleneck(), c.bottleneck(), 2);
        linear(p, r, "enc.dense", c.hidden(), c.bottleneck() * c.pooledLength());
        linear(p, r, "enc.mu", c.latent(), c.hidden());
        linear(p, r, "enc.logvar", c.latent(), c.hidden());
        if (c.frameLatent() > 0) {
            linear(p, r, "enc.frame_mu", c.frameLatent(), w);
            linear(p, r, "enc.frame_logvar", c.frameLatent(), w);
            // narrow from the start: at PyTorch's default (variance about 1) the sampling noise drowns what the
            // decoder could read from a frame, and the frame latents collapse before it learns to (measured, README)
            p.constant("enc.frame_logvar.b", FRAME_LOG_VARIANCE_START, c.frameLatent());
        }
        linear(p, r, "dec.dense1", c.decoderHidden(), c.latent());
        linear(p, r, "dec.dense2", c.bottleneck() * c.length(), c.decoderHidden());
        // ConvTranspose1d weights are (in, out, kernel); PyTorch takes the fan-in from dimension 1
        p.uniform("dec.deconv.w", r, w * LeonardoConfig.BOTTLENECK_KERNEL, c.bottleneck(), w,
                LeonardoConfig.BOTTLENECK_KERNEL);
        p.uniform("dec.deconv.b", r, w * LeonardoConfig.BOTTLENECK_KERNEL, w);
        for (int i = 0; i < c.layers(); i++) {
            String b = "dec.block" + i;
            attention(p, r, b + ".self", w);
            layerNorm(p, b + ".ln1", w);
            attention(p, r, b + ".cross", w);
            layerNorm(p, b + ".ln2", w);
            feedForward(p, r, b, w, c.ffn());
            layerNorm(p, b + ".ln3", w);
        }
        conv(p, r, "dec.out", 2, w, LeonardoConfig.OUTPUT_KERNEL);
        if (c.frameLatent() > 0) {
            linear(p, r, "dec.frame", w, c.frameLatent());
        }
        return new TransformerVae(c, p);
    }

    /** A linear layer's weights {@code (out, in)} and bias, initialised as PyTorch does. */
    static void linear(Parameters p, SplittableRandom r, String name, int out, int in) {
        p.uniform(name + ".w", r, in, out, in);
        p.uniform(name + ".b", r, in, out);
    }

    private static void conv(Parameters p, SplittableRandom r, String name, int out, int in, int kernel) {
        p.uniform(name + ".w", r, in * kernel, out, in, kernel);
        p.uniform(name + ".b", r, in * kernel, out);
    }

    private static void attention(Parameters p, SplittableRandom r, String name, int width) {
        for (String proj : new String[] {"q", "k", "v", "o"}) {
            linear(p, r, name + "." + proj, width, width);
        }
    }

    private static void feedForward(Parameters p, SplittableRandom r, String block, int width, int ffn) {
        linear(p, r, block + ".ffn1", ffn, width);
        linear(p, r, block + ".ffn2", width, ffn);
    }

    private static void layerNorm(Parameters p, String name, int width) {
        p.constant(name + ".g", 1f, width);
        p.constant(name + ".b", 0f, width);
    }

    /** Posterior mean and log-variance of normalised trajectories {@code (batch, length, 2)}. */
    public NDList encode(NDArray x) {
        LeonardoConfig c = config;
        NDArray h = conv(x.transpose(0, 2, 1), "enc.embed", 1, LeonardoConfig.EMBED_KERNEL / 2).transpose(0, 2, 1);
        h = h.add(positions(x.getManager()));
        for (int i = 0; i < c.layers(); i++) {
            String b = "enc.block" + i;
            h = norm(h.add(attention(h, h, b + ".attn")), b + ".ln1");
            h = norm(h.add(feedForward(h, b)), b + ".ln2");
        }
        NDArray f = Activation.relu(conv(h.transpose(0, 2, 1), "enc.conv1", 1, LeonardoConfig.BOTTLENECK_KERNEL / 2));
        f = Activation.relu(conv(f, "enc.conv2", 2, 0));
        NDArray flat = f.reshape(x.getShape().get(0), (long) c.bottleneck() * c.pooledLength());
        NDArray hidden = Activation.relu(linear(flat, "enc.dense"));
        NDArray mu = linear(hidden, "enc.mu");
        NDArray logVar = linear(hidden, "enc.logvar");
        if (c.frameLatent() == 0) {
            return new NDList(mu, logVar);
        }
        long b = x.getShape().get(0);
        long frames = (long) c.length() * c.frameLatent();
        return new NDList(mu.concat(linear(h, "enc.frame_mu").reshape(b, frames), 1),
                logVar.concat(linear(h, "enc.frame_logvar").reshape(b, frames), 1));
    }

    /** Normalised trajectories {@code (batch, length, 2)} from latents {@code (batch, latent)}. */
    public NDArray decode(NDArray code) {
        LeonardoConfig c = config;
        long batch = code.getShape().get(0);
        NDArray z = code;
        NDArray perFrame = null;
        if (c.frameLatent() > 0) {
            NDList parts = code.split(new long[] {c.latent()}, 1);
            z = parts.get(0);
            NDArray frames = parts.get(1).reshape(batch, c.length(), c.frameLatent());
            // relative to the window's mean: the level of the per-frame code carries nothing a prior must draw
            perFrame = linear(frames.sub(frames.mean(new int[] {1}, true)), "dec.frame");
        }
        NDArray h = Activation.relu(linear(z, "dec.dense1"));
        h = Activation.relu(linear(h, "dec.dense2")).reshape(z.getShape().get(0), c.bottleneck(), c.length());
        // DJL's PyTorch engine has no transposed convolution; at stride 1 it is the convolution with the kernel
        // flipped and in/out swapped, padded by kernel - 1 - padding (the ONNX export keeps ConvTranspose).
        int k = LeonardoConfig.BOTTLENECK_KERNEL;
        NDArray swapped = params.get("dec.deconv.w").transpose(1, 0, 2);
        swapped.attach(z.getManager()); // else it would stay with the weights, one per call
        NDArray kernel = swapped.flip(2);
        NDArray memory = Conv1d.conv1d(h, kernel, params.get("dec.deconv.b"), new Shape(1),
                new Shape(k - 1 - k / 2), new Shape(1), 1).singletonOrThrow().transpose(0, 2, 1)
                .add(positions(z.getManager()));
        if (perFrame != null) {
            memory = memory.add(perFrame);
        }
        NDArray x = memory;
        for (int i = 0; i < c.layers(); i++) {
            String b = "dec.block" + i;
            x = norm(x.add(attention(x, x, b + ".self")), b + ".ln1");
            x = norm(x.add(attention(x, memory, b + ".cross")), b + ".ln2");
            x = norm(x.add(feedForward(x, b)), b + ".ln3");
        }
        return conv(x.transpose(0, 2, 1), "dec.out", 1, LeonardoConfig.OUTPUT_KERNEL / 2).transpose(0, 2, 1);
    }

    /** Reconstruction with the reparameterisation {@code z = mu + exp(logvar / 2) * noise}: (recon, mu, logvar). */
    public NDList forward(NDArray x, NDArray noise) {
        NDList posterior = encode(x);
        NDArray mu = posterior.get(0);
        NDArray logVar = posterior.get(1);
        NDArray z = mu.add(logVar.mul(Torch.constant(logVar, 0.5)).exp().mul(noise));
        return new NDList(decode(z), mu, logVar);
    }

    private NDArray linear(NDArray x, String name) {
        return Linear.linear(x, params.get(name + ".w"), params.get(name + ".b")).singletonOrThrow();
    }

    private NDArray conv(NDArray x, String name, int stride, int padding) {
        return Conv1d.conv1d(x, params.get(name + ".w"), params.get(name + ".b"), new Shape(stride),
                new Shape(padding), new Shape(1), 1).singletonOrThrow();
    }

    private NDArray norm(NDArray x, String name) {
        return LayerNorm.layerNorm(x, new Shape(config.width()), params.get(name + ".g"), params.get(name + ".b"),
                LAYER_NORM_EPS).singletonOrThrow();
    }

    private NDArray feedForward(NDArray x, String block) {
        return linear(Activation.relu(linear(x, block + ".ffn1")), block + ".ffn2");
    }

    /** Multi-head attention of {@code query} over {@code keyValue}, both {@code (batch, tokens, width)}. */
    private NDArray attention(NDArray query, NDArray keyValue, String name) {
        long b = query.getShape().get(0);
        long tq = query.getShape().get(1);
        long tk = keyValue.getShape().get(1);
        int heads = config.heads();
        int hd = config.headDim();
        NDArray q = linear(query, name + ".q").reshape(b, tq, heads, hd).transpose(0, 2, 1, 3);
        NDArray k = linear(keyValue, name + ".k").reshape(b, tk, heads, hd).transpose(0, 2, 3, 1);
        NDArray v = linear(keyValue, name + ".v").reshape(b, tk, heads, hd).transpose(0, 2, 1, 3);
        NDArray weights = q.matMul(k).mul(Torch.constant(q, 1 / Math.sqrt(hd))).softmax(-1);
        NDArray context = weights.matMul(v).transpose(0, 2, 1, 3).reshape(b, tq, config.width());
        return linear(context, name + ".o");
    }

    private NDArray positions(NDManager manager) {
        return manager.create(positionalEncoding(config.length(), config.width()),
                new Shape(config.length(), config.width()));
    }

    /** The sinusoidal positions of "Attention is all you need", {@code (length, width)} row-major. */
    static float[] positionalEncoding(int length, int width) {
        float[] pe = new float[length * width];
        for (int t = 0; t < length; t++) {
            for (int i = 0; i < width; i += 2) {
                double angle = t / Math.pow(10000, (double) i / width);
                pe[t * width + i] = (float) Math.sin(angle);
                if (i + 1 < width) {
                    pe[t * width + i + 1] = (float) Math.cos(angle);
                }
            }
        }
        return pe;
    }
}
