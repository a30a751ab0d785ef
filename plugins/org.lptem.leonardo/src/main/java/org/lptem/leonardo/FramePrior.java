package org.lptem.leonardo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;
import org.lptem.ml.torch.Torch;

/**
 * The prior of the per-frame code ({@link LeonardoConfig#frameLatent()}): an autoregressive mixture density network
 * over the code's frame-to-frame increments, each drawn given the trajectory latent, the previous {@code order}
 * increments and the frame's position, from a mixture of {@code components} Gaussians with diagonal covariance. A
 * Gaussian over the whole code draws Gaussian paths, which the decoder turns into Gaussian steps (bundle README,
 * "Per-frame latents"); a mixture conditioned on the recent increments can draw a wait and a jump. The decoder reads
 * the code relative to its window mean, so the first frame's value is 0.
 *
 * <p>Increments are divided by their standard deviation per channel over the training windows ({@code scale}) for
 * the network; the network is a two-layer perceptron on named weights ({@link Parameters}) like the VAE.
 */
public final class FramePrior implements AutoCloseable {
    /** Mixture log standard deviations are clamped to this range (normalised units) against degenerate fits. */
    static final float MIN_LOG_SD = -7f;
    static final float MAX_LOG_SD = 3f;
    static final int ORDER = 32;
    static final int COMPONENTS = 8;
    static final int HIDDEN = 128;
    static final int EPOCHS = 10;
    static final int BATCH = 2048;
    static final double LEARNING_RATE = 1e-3;

    /**
     * @param latent the trajectory latent's size
     * @param channels per-frame latent values (the config's frameLatent)
     * @param length frames per window
     * @param order previous increments the next one depends on
     * @param components mixture components
     * @param hidden width of the two hidden layers
     */
    public record Sizes(int latent, int channels, int length, int order, int components, int hidden) {
        public Sizes {
            if (latent < 1 || channels < 1 || length < 2 || order < 1 || components < 1 || hidden < 1) {
                throw new LptemException("frame prior sizes must be positive (length at least 2), got latent "
                        + latent + ", channels " + channels + ", length " + length + ", order " + order
                        + ", components " + components + ", hidden " + hidden);
            }
        }

        /** The defaults for a model's sizes (order 32, 8 components, width 128: bundle README). */
        public static Sizes of(LeonardoConfig c) {
            return new Sizes(c.latent(), c.frameLatent(), c.length(), Math.min(ORDER, c.length() - 1), COMPONENTS,
                    HIDDEN);
        }

        int inputs() {
            return latent + (order + 1) * channels + 1;
        }

        /** Where the code's current level (relative to the first frame) enters the inputs. */
        int levelAt() {
            return latent + order * channels;
        }

        int outputs() {
            return components * (1 + 2 * channels);
        }

        /** Weights and biases of the network these sizes make; -1 when that is beyond a long. */
        long weightCount() {
            try {
                long in = Math.addExact(Math.addExact(latent, Math.multiplyExact(order + 1L, channels)), 1);
                long out = Math.multiplyExact(components, 1 + 2L * channels);
                long first = Math.multiplyExact(hidden, in + 1);
                long second = Math.multiplyExact(hidden, hidden + 1L);
                long last = Math.multiplyExact(out, hidden + 1L);
                return Math.addExact(Math.addExact(first, second), last);
            } catch (ArithmeticException e) {
                return -1;
            }
        }
    }

    private final Sizes sizes;
    private final Parameters params;
    private final double[] scale;

    FramePrior(Sizes sizes, Parameters params, double[] scale) {
        if (scale.length != sizes.channels()) {
            throw new LptemException("frame prior: " + scale.length + " scales for " + sizes.channels()
                    + " channels");
        }
        this.sizes = sizes;
        this.params = params;
        this.scale = scale.clone();
    }

    public Sizes sizes() {
        return sizes;
    }

    Parameters parameters() {
        return params;
    }

    double[] scale() {
        return scale.clone();
    }

    static FramePrior initialise(Sizes s, double[] scale, NDManager manager, long seed) {
        Parameters p = new Parameters(manager);
        SplittableRandom r = new SplittableRandom(seed);
        TransformerVae.linear(p, r, "fp.l1", s.hidden(), s.inputs());
        TransformerVae.linear(p, r, "fp.l2", s.hidden(), s.hidden());
        TransformerVae.linear(p, r, "fp.out", s.outputs(), s.hidden());
        return new FramePrior(s, p, scale);
    }

    /**
     * Fits the prior to encoded windows by maximum likelihood: {@code codes} holds {@code n} codes of
     * {@code latent + length x channels} values (the encoder means), row-major.
     */
    public static FramePrior fit(float[] codes, int n, Sizes s, long seed, NDManager manager, Progress progress) {
        return fit(codes, n, s, EPOCHS, BATCH, LEARNING_RATE, seed, manager, progress);
    }

    static FramePrior fit(float[] codes, int n, Sizes s, int epochs, int batchSize, double learningRate,
            long seed, NDManager manager, Progress progress) {
        int code = s.latent() + s.length() * s.channels();
        if (codes.length != (long) n * code || n < 1) {
            throw new LptemException("frame prior: " + codes.length + " code values for " + n + " windows of "
                    + code);
        }
        double[] scale = incrementScale(codes, n, s);
        float[][] rows = examples(codes, n, s, scale);
        float[] inputs = rows[0];
        float[] targets = rows[1];
        int examples = targets.length / s.channels();
        FramePrior prior = initialise(s, scale, manager, seed);
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int[] order = new int[examples];
        for (int i = 0; i < examples; i++) {
            order[i] = i;
        }
        try (AdamW adam = new AdamW(manager, prior.params, learningRate, 0)) {
            int batches = (examples + batchSize - 1) / batchSize;
            prior.params.requireGradients(true);
            try {
                for (int epoch = 0; epoch < epochs; epoch++) {
                    shuffle(order, random);
                    for (int b = 0; b < batches; b++) {
                        progress.checkCanceled();
                        int from = b * batchSize;
                        int count = Math.min(batchSize, examples - from);
                        float[] x = new float[count * s.inputs()];
                        float[] y = new float[count * s.channels()];
                        for (int i = 0; i < count; i++) {
                            int e = order[from + i];
                            System.arraycopy(inputs, e * s.inputs(), x, i * s.inputs(), s.inputs());
                            System.arraycopy(targets, e * s.channels(), y, i * s.channels(), s.channels());
                        }
                        try (NDManager step = prior.params.manager().newSubManager()) {
                            try (GradientCollector gc = Torch.engine().newGradientCollector()) {
                                NDArray nll = prior.negativeLogLikelihood(step.create(x, new Shape(count,
                                        s.inputs())), step.create(y, new Shape(count, s.channels())));
                                gc.backward(nll);
                            }
                            adam.step(prior.params);
                            prior.params.zeroGradients();
                        }
                        progress.report((epoch + (b + 1.0) / batches) / epochs, "fitting the frame prior");
                    }
                }
            } finally {
                prior.params.requireGradients(false);
            }
        } catch (RuntimeException e) {
            prior.close();
            throw e;
        }
        return prior;
    }

    /** Mean negative log-likelihood of normalised increments {@code (count, channels)} given their inputs. */
    NDArray negativeLogLikelihood(NDArray input, NDArray target) {
        int k = sizes.components();
        int f = sizes.channels();
        long count = input.getShape().get(0);
        NDArray out = network(input);
        NDArray logWeights = out.get(":, 0:{}", k).logSoftmax(1);
        NDArray means = out.get(":, {}:{}", k, k + k * f).reshape(count, k, f);
        NDArray logSd = out.get(":, {}:", k + k * f).reshape(count, k, f).clip(MIN_LOG_SD, MAX_LOG_SD);
        NDArray z = target.expandDims(1).sub(means).div(logSd.exp());
        NDArray logDensity = z.square().mul(Torch.constant(z, -0.5)).sub(logSd).sum(new int[] {2})
                .sub(Torch.constant(z, 0.5 * f * Math.log(2 * Math.PI)));
        NDArray joint = logWeights.add(logDensity);
        NDArray max = joint.max(new int[] {1}, true);
        NDArray logLikelihood = joint.sub(max).exp().sum(new int[] {1}).log().add(max.squeeze(1));
        return logLikelihood.mean().neg();
    }

    private NDArray network(NDArray input) {
        NDArray h = Activation.relu(linear(input, "fp.l1"));
        h = Activation.relu(linear(h, "fp.l2"));
        return linear(h, "fp.out");
    }

    private NDArray linear(NDArray x, String name) {
        return Linear.linear(x, params.get(name + ".w"), params.get(name + ".b")).singletonOrThrow();
    }

    /**
     * Per-frame codes {@code (n, length, channels)} row-major for trajectory latents {@code (n, latent)} row-major,
     * drawn frame by frame; the first frame is 0.
     */
    public float[] sample(float[] z, int n, SplittableRandom random, Progress progress) {
        int f = sizes.channels();
        int t = sizes.length();
        int k = sizes.components();
        int in = sizes.inputs();
        float[] codes = new float[n * t * f];
        float[] history = new float[n * sizes.order() * f];
        float[] x = new float[n * in];
        for (int i = 0; i < n; i++) {
            System.arraycopy(z, i * sizes.latent(), x, i * in, sizes.latent());
        }
        for (int frame = 1; frame < t; frame++) {
            progress.checkCanceled();
            for (int i = 0; i < n; i++) {
                System.arraycopy(history, i * sizes.order() * f, x, i * in + sizes.latent(), sizes.order() * f);
                for (int ch = 0; ch < f; ch++) {
                    x[i * in + sizes.levelAt() + ch] = (float) (codes[(i * t + frame - 1) * f + ch]
                            / (scale[ch] * Math.sqrt(t)));
                }
                x[i * in + in - 1] = (float) frame / t;
            }
            float[] out;
            try (NDManager m = params.manager().newSubManager()) {
                out = network(m.create(x, new Shape(n, in))).toFloatArray();
            }
            int width = sizes.outputs();
            for (int i = 0; i < n; i++) {
                int o = i * width;
                int c = pick(out, o, k, random);
                int h = i * sizes.order() * f;
                System.arraycopy(history, h + f, history, h, (sizes.order() - 1) * f);
                for (int ch = 0; ch < f; ch++) {
                    double mean = out[o + k + c * f + ch];
                    double logSd = Math.max(MIN_LOG_SD, Math.min(MAX_LOG_SD, out[o + k + k * f + c * f + ch]));
                    float d = (float) (mean + Math.exp(logSd) * random.nextGaussian());
                    history[h + (sizes.order() - 1) * f + ch] = d;
                    int at = (i * t + frame) * f + ch;
                    codes[at] = (float) (codes[at - f] + d * scale[ch]);
                }
            }
            progress.report((double) frame / (t - 1), "drawing per-frame codes");
        }
        return codes;
    }

    /** A component index drawn from the softmax of the logits at {@code out[o .. o + k)}. */
    private static int pick(float[] out, int o, int k, SplittableRandom random) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            max = Math.max(max, out[o + c]);
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
            sum += Math.exp(out[o + c] - max);
        }
        double u = random.nextDouble() * sum;
        for (int c = 0; c < k - 1; c++) {
            u -= Math.exp(out[o + c] - max);
            if (u < 0) {
                return c;
            }
        }
        return k - 1;
    }

    /** Standard deviation of the increments per channel over every window and frame. */
    static double[] incrementScale(float[] codes, int n, Sizes s) {
        int f = s.channels();
        int code = s.latent() + s.length() * f;
        double[] sum = new double[f];
        double[] squares = new double[f];
        long count = (long) n * (s.length() - 1);
        for (int i = 0; i < n; i++) {
            for (int t = 1; t < s.length(); t++) {
                for (int ch = 0; ch < f; ch++) {
                    int at = i * code + s.latent() + t * f + ch;
                    double d = codes[at] - codes[at - f];
                    sum[ch] += d;
                    squares[ch] += d * d;
                }
            }
        }
        double[] out = new double[f];
        for (int ch = 0; ch < f; ch++) {
            double mean = sum[ch] / count;
            out[ch] = Math.sqrt(Math.max(squares[ch] / count - mean * mean, 1e-12));
        }
        return out;
    }

    /**
     * Network inputs (latent, previous normalised increments with zeros before the window, the code's level relative
     * to the first frame in increment units over sqrt(length), position) and targets.
     */
    private static float[][] examples(float[] codes, int n, Sizes s, double[] scale) {
        int f = s.channels();
        int code = s.latent() + s.length() * f;
        int per = s.length() - 1;
        float[] inputs = new float[n * per * s.inputs()];
        float[] targets = new float[n * per * f];
        float[] d = new float[per * f];
        for (int i = 0; i < n; i++) {
            int base = i * code + s.latent();
            for (int t = 1; t < s.length(); t++) {
                for (int ch = 0; ch < f; ch++) {
                    d[(t - 1) * f + ch] = (float) ((codes[base + t * f + ch] - codes[base + (t - 1) * f + ch])
                            / scale[ch]);
                }
            }
            for (int t = 0; t < per; t++) {
                int e = i * per + t;
                int at = e * s.inputs();
                System.arraycopy(codes, i * code, inputs, at, s.latent());
                for (int back = 1; back <= s.order(); back++) {
                    int src = t - back;
                    if (src >= 0) {
                        System.arraycopy(d, src * f, inputs, at + s.latent() + (s.order() - back) * f, f);
                    }
                }
                for (int ch = 0; ch < f; ch++) {
                    double level = 0;
                    for (int back = 0; back < t; back++) {
                        level += d[back * f + ch];
                    }
                    inputs[at + s.levelAt() + ch] = (float) (level / Math.sqrt(s.length()));
                }
                inputs[at + s.inputs() - 1] = (float) (t + 1) / s.length();
                System.arraycopy(d, t * f, targets, e * f, f);
            }
        }
        return new float[][] {inputs, targets};
    }

    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
    }

    @Override
    public void close() {
        params.close();
    }
}
