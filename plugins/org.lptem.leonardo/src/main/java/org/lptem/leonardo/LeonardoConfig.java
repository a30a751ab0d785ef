package org.lptem.leonardo;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.lptem.core.LptemException;

/**
 * The sizes of a LEONARDO transformer VAE (Shabeeb et al., Nat. Commun. 16:6298, 2025). Input and output are
 * trajectories of {@code length} frames x 2 axes, normalised per trajectory to [0, 1].
 *
 * <p>Encoder: Conv1d(2 -> width, k3) embedding plus sinusoidal positions, {@code layers} post-LN transformer blocks
 * ({@code heads} heads, feed-forward width -> ffn -> width), Conv1d(width -> bottleneck, k7) + ReLU,
 * Conv1d(bottleneck -> bottleneck, k2, stride 2) + ReLU, flatten, Linear -> {@code hidden} + ReLU, mu and log-variance
 * of size {@code latent}. Decoder: Linear latent -> {@code decoderHidden} + ReLU, Linear -> bottleneck x length + ReLU,
 * ConvTranspose1d(bottleneck -> width, k7) plus positions, {@code layers} chained decoder blocks (self-attention,
 * cross-attention to the ConvTranspose output, feed-forward), Conv1d(width -> 2, k3).
 *
 * @param length frames per trajectory (even, so the stride-2 convolution halves it exactly)
 * @param latent size of the latent space
 * @param layers transformer blocks in the encoder and in the decoder
 * @param heads attention heads (width must be a multiple)
 * @param width transformer model width
 * @param ffn feed-forward inner width
 * @param bottleneck channels of the convolutional bottleneck
 * @param hidden encoder dense width before mu and log-variance
 * @param decoderHidden first dense width of the decoder
 * @param frameLatent latent values per frame beside the trajectory's latent (0 in the published network): the
 *     encoder maps its last block's output at each frame to their mean and log-variance, the decoder adds a linear
 *     map of them to its memory at the same frame
 */
public record LeonardoConfig(int length, int latent, int layers, int heads, int width, int ffn, int bottleneck,
        int hidden, int decoderHidden, int frameLatent) {

    /** Kernel sizes of the reference architecture. */
    public static final int EMBED_KERNEL = 3;
    public static final int BOTTLENECK_KERNEL = 7;
    public static final int OUTPUT_KERNEL = 3;

    public LeonardoConfig {
        positive("length", length, 8);
        if (length % 2 != 0) {
            throw new LptemException("length must be even (the bottleneck halves it), got " + length);
        }
        positive("latent", latent, 1);
        positive("layers", layers, 1);
        positive("heads", heads, 1);
        positive("width", width, 1);
        positive("ffn", ffn, 1);
        positive("bottleneck", bottleneck, 1);
        positive("hidden", hidden, 1);
        positive("decoder-hidden", decoderHidden, 1);
        if (frameLatent < 0) {
            throw new LptemException("frame-latent must be at least 0, got " + frameLatent);
        }
        if ((long) latent + (long) length * frameLatent > Integer.MAX_VALUE) {
            throw new LptemException("latent + length x frame-latent must fit an int, got " + latent + " + " + length
                    + " x " + frameLatent);
        }
        if (width % heads != 0) {
            throw new LptemException("width (" + width + ") must be a multiple of heads (" + heads + ")");
        }
    }

    /** The published shape: one latent vector per trajectory and no latent per frame. */
    public LeonardoConfig(int length, int latent, int layers, int heads, int width, int ffn, int bottleneck,
            int hidden, int decoderHidden) {
        this(length, latent, layers, heads, width, ffn, bottleneck, hidden, decoderHidden, 0);
    }

    /**
     * The size of the code the decoder reads: the trajectory's latent, then {@code frameLatent} values per frame
     * (frame-major).
     */
    public int codeSize() {
        return latent + length * frameLatent;
    }

    private static void positive(String name, int value, int min) {
        if (value < min) {
            throw new LptemException(name + " must be at least " + min + ", got " + value);
        }
    }

    /** The published network: 200 frames, width 128, 8 heads, 2 blocks, latent 12 (about 8.9 M parameters). */
    public static LeonardoConfig paper() {
        return new LeonardoConfig(200, 12, 2, 8, 128, 256, 32, 512, 1024);
    }

    /**
     * A CPU-sized network of the same shape (1,065,346 parameters, about 15 times fewer multiply-adds per
     * trajectory than the paper's), for training on a few thousand trajectories within minutes. Its latent has 16
     * dimensions, not the published 12 (12 until 2026-11-21; model files store their sizes, so older ones load as
     * they were): with one transformer block instead of two the decoder leans on the latent, and in equal CPU time
     * the larger latent brought the generated long-lag statistics (MSD at lag 50, the anomalous exponent) and the
     * Frechet distance closer to held-out data (bundle README).
     */
    public static LeonardoConfig small() {
        return new LeonardoConfig(200, 16, 1, 4, 32, 64, 16, 128, 256);
    }

    /** A preset by name: {@code small} or {@code paper}. */
    public static LeonardoConfig preset(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "small" -> small();
            case "paper" -> paper();
            default -> throw new LptemException("unknown preset '" + name + "' (expected small or paper)");
        };
    }

    public int headDim() {
        return width / heads;
    }

    /**
     * The number of weights {@link TransformerVae#initialise} creates for these sizes, computed without creating
     * them, so that a model file's sizes can be checked against its stored weights before anything is allocated.
     *
     * @throws ArithmeticException if the count does not fit a long
     */
    public long parameterCount() {
        long w = width;
        long attention = 4 * Math.addExact(Math.multiplyExact(w, w), w);
        long ffnBlock = Math.multiplyExact(ffn, w) + ffn + Math.multiplyExact(w, ffn) + w;
        long encoderBlock = attention + 2 * w + ffnBlock + 2 * w;
        long decoderBlock = 2 * attention + 3 * 2 * w + ffnBlock;
        long encoder = w * 2 * EMBED_KERNEL + w
                + Math.multiplyExact(layers, encoderBlock)
                + Math.multiplyExact((long) bottleneck * width, BOTTLENECK_KERNEL) + bottleneck
                + (long) bottleneck * bottleneck * 2 + bottleneck
                + Math.multiplyExact((long) hidden, (long) bottleneck * pooledLength()) + hidden
                + 2 * ((long) latent * hidden + latent);
        long decoder = (long) decoderHidden * latent + decoderHidden
                + Math.multiplyExact((long) bottleneck * length, decoderHidden) + (long) bottleneck * length
                + Math.multiplyExact((long) bottleneck * width, BOTTLENECK_KERNEL) + w
                + Math.multiplyExact(layers, decoderBlock)
                + 2 * w * OUTPUT_KERNEL + 2
                + Math.multiplyExact((long) frameLatent, w) + (frameLatent > 0 ? w : 0);
        encoder = Math.addExact(encoder, 2 * (Math.multiplyExact((long) frameLatent, w) + frameLatent));
        return Math.addExact(encoder, decoder);
    }

    /** Length after the stride-2 bottleneck convolution. */
    public int pooledLength() {
        return length / 2;
    }

    public LeonardoConfig withLength(int v) {
        return new LeonardoConfig(v, latent, layers, heads, width, ffn, bottleneck,
                hidden, decoderHidden, frameLatent);
    }

    public LeonardoConfig withLatent(int v) {
        return new LeonardoConfig(length, v, layers, heads, width, ffn, bottleneck,
                hidden, decoderHidden, frameLatent);
    }

    public LeonardoConfig withLayers(int v) {
        return new LeonardoConfig(length, latent, v, heads, width, ffn, bottleneck,
                hidden, decoderHidden, frameLatent);
    }

    public LeonardoConfig withHeads(int v) {
        return new LeonardoConfig(length, latent, layers, v, width, ffn, bottleneck,
                hidden, decoderHidden, frameLatent);
    }

    public LeonardoConfig withFrameLatent(int v) {
        return new LeonardoConfig(length, latent, layers, heads, width, ffn, bottleneck, hidden, decoderHidden, v);
    }

    public LeonardoConfig withWidth(int v) {
        return new LeonardoConfig(length, latent, layers, heads, v, ffn, bottleneck,
                hidden, decoderHidden, frameLatent);
    }

    /** The configuration as ordered key/value pairs (model file, reports). */
    public Map<String, Integer> toMap() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("length", length);
        m.put("latent", latent);
        m.put("layers", layers);
        m.put("heads", heads);
        m.put("width", width);
        m.put("ffn", ffn);
        m.put("bottleneck", bottleneck);
        m.put("hidden", hidden);
        m.put("decoderHidden", decoderHidden);
        if (frameLatent > 0) { // absent before frame latents existed, and in every file of the published shape
            m.put("frameLatent", frameLatent);
        }
        return m;
    }

    /** Reads {@link #toMap()}'s keys; a missing key is an error naming it, except frameLatent (then 0). */
    public static LeonardoConfig fromMap(java.util.function.Function<String, Integer> get) {
        return new LeonardoConfig(get.apply("length"), get.apply("latent"), get.apply("layers"), get.apply("heads"),
                get.apply("width"), get.apply("ffn"), get.apply("bottleneck"), get.apply("hidden"),
                get.apply("decoderHidden"), get.apply("frameLatent"));
    }
}
