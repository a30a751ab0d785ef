package org.lptem.segment.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A U-Net written with DJL's low-level operators on its own parameter arrays, so that every number it computes with
 * has a name and exports exactly to ONNX ({@link UnetOnnx}).
 *
 * <p>Level l (0 = full resolution) has {@code c_l = base * 2^l} channels. Encoder level l: (max-pool 2 if l > 0),
 * then a block {@code enc<l>}; decoder level l < depth - 1: transposed 2 x 2 convolution {@code up<l>} from level
 * l + 1, concatenation [skip, upsampled], block {@code dec<l>}; then a 1 x 1 convolution {@code head} to one logit.
 * The upsampling is a learned 2 x 2 stride-2 transposed convolution written as a 1 x 1 convolution to 4 c_l channels
 * followed by depth-to-space (channel {@code 4c + 2i + j} becomes sub-pixel (i, j) of channel c, ONNX DepthToSpace
 * mode CRD), because DJL's PyTorch engine has no transposed convolution.
 * A block is twice (3 x 3 convolution without bias, batch norm, ReLU), named {@code <block>.conv1/2}.
 * Names: {@code <conv>.weight} [out, in, 3, 3]; {@code <conv>.gamma}, {@code .beta}, running {@code .mean},
 * {@code .var} [out]; {@code up<l>.weight} [4 c_l, c_{l+1}, 1, 1], {@code up<l>.bias} [4 c_l]; {@code head.weight}
 * [1, c_0, 1, 1], {@code head.bias} [1].
 */
public final class Unet implements AutoCloseable {
    static final float BN_EPSILON = 1e-5f;
    /** DJL's convention: the weight of the old running statistic, so each batch contributes 10 %. */
    static final float BN_MOMENTUM = 0.9f;

    private static final Shape ONE = new Shape(1, 1);
    private static final Shape TWO = new Shape(2, 2);
    private static final Shape NONE = new Shape(0, 0);

    private final UnetConfig config;
    private final NDManager manager;
    private final Map<String, NDArray> trainable = new LinkedHashMap<>();
    private final Map<String, NDArray> running = new LinkedHashMap<>();

    private Unet(UnetConfig config, NDManager manager) {
        this.config = config;
        this.manager = manager;
    }

    /** A new network with He-normal weights drawn from {@code seed} in Java, so the same seed gives the same net. */
    public static Unet create(UnetConfig config, long seed, NDManager parent) {
        Random random = new Random(seed);
        Unet net = new Unet(config, parent.newSubManager());
        for (Map.Entry<String, float[]> e : initialValues(config, random).entrySet()) {
            net.put(e.getKey(), e.getValue());
        }
        return net;
    }

    /** A network holding the given weights (to continue training them, or to compare with their export). */
    public static Unet of(UnetWeights weights, NDManager parent) {
        Unet net = new Unet(weights.config(), parent.newSubManager());
        Map<String, float[]> reference = initialValues(weights.config(), new Random(0));
        for (String name : reference.keySet()) {
            float[] v = weights.get(name);
            if (v.length != reference.get(name).length) {
                throw new org.lptem.core.LptemException("U-Net weight '" + name + "' has " + v.length
                        + " values, expected " + reference.get(name).length);
            }
            net.put(name, v);
        }
        return net;
    }

    private void put(String name, float[] values) {
        NDArray a = manager.create(values, shapeOf(config, name));
        if (isRunningStatistic(name)) {
            running.put(name, a);
        } else {
            a.setRequiresGradient(true);
            trainable.put(name, a);
        }
    }

    private static boolean isRunningStatistic(String name) {
        return name.endsWith(".mean") || name.endsWith(".var");
    }

    /** Every name with its initial value, in a fixed order. */
    private static Map<String, float[]> initialValues(UnetConfig c, Random random) {
        Map<String, float[]> v = new LinkedHashMap<>();
        for (int l = 0; l < c.depth(); l++) {
            block(v, "enc" + l, l == 0 ? 1 : c.channels(l - 1), c.channels(l), random);
        }
        for (int l = c.depth() - 2; l >= 0; l--) {
            v.put("up" + l + ".weight", normal(random, c.channels(l + 1) * c.channels(l) * 4,
                    Math.sqrt(2.0 / c.channels(l + 1))));
            v.put("up" + l + ".bias", new float[4 * c.channels(l)]);
            block(v, "dec" + l, 2 * c.channels(l), c.channels(l), random);
        }
        v.put("head.weight", normal(random, c.channels(0), Math.sqrt(1.0 / c.channels(0))));
        v.put("head.bias", new float[1]);
        return v;
    }

    private static void block(Map<String, float[]> v, String name, int in, int out, Random random) {
        for (int k = 1; k <= 2; k++) {
            String conv = name + ".conv" + k;
            int cin = k == 1 ? in : out;
            v.put(conv + ".weight", normal(random, out * cin * 9, Math.sqrt(2.0 / (cin * 9))));
            float[] ones = new float[out];
            java.util.Arrays.fill(ones, 1f);
            v.put(conv + ".gamma", ones);
            v.put(conv + ".beta", new float[out]);
            v.put(conv + ".mean", new float[out]);
            v.put(conv + ".var", ones.clone());
        }
    }

    private static float[] normal(Random random, int n, double std) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (random.nextGaussian() * std);
        }
        return a;
    }

    /** The shape of a named array, from the naming scheme in the class comment. */
    static Shape shapeOf(UnetConfig c, String name) {
        String owner = name.substring(0, name.indexOf('.'));
        String kind = name.substring(name.lastIndexOf('.') + 1);
        if (owner.equals("head")) {
            return kind.equals("weight") ? new Shape(1, c.channels(0), 1, 1) : new Shape(1);
        }
        int level = Integer.parseInt(owner.replaceAll("\\D", ""));
        if (owner.startsWith("up")) {
            return kind.equals("weight") ? new Shape(4L * c.channels(level), c.channels(level + 1), 1, 1)
                    : new Shape(4L * c.channels(level));
        }
        int out = c.channels(level);
        if (!kind.equals("weight")) {
            return new Shape(out);
        }
        boolean first = name.contains(".conv1.");
        int in = !first ? out : owner.startsWith("dec") ? 2 * out : level == 0 ? 1 : c.channels(level - 1);
        return new Shape(out, in, 3, 3);
    }

    public UnetConfig config() {
        return config;
    }

    /** The trainable arrays by name (the optimiser updates them in place). */
    public Map<String, NDArray> parameters() {
        return java.util.Collections.unmodifiableMap(trainable);
    }

    /**
     * Logits [N, 1, H, W] for standardised frames [N, 1, H, W] whose sides are multiples of
     * {@link UnetConfig#sizeMultiple()}. In training, batch norm uses the batch's statistics and updates the running
     * ones; otherwise it uses the running ones, as the export does.
     */
    public NDArray forward(NDArray x, boolean training) {
        NDArray h = x;
        List<NDArray> skips = new ArrayList<>();
        for (int l = 0; l < config.depth(); l++) {
            if (l > 0) {
                h = Pool.maxPool2d(h, TWO, TWO, NONE, false);
            }
            h = block("enc" + l, h, training);
            skips.add(h);
        }
        for (int l = config.depth() - 2; l >= 0; l--) {
            NDArray up = depthToSpace(Conv2d.conv2d(h, trainable.get("up" + l + ".weight"),
                    trainable.get("up" + l + ".bias")).singletonOrThrow());
            h = block("dec" + l, NDArrays.concat(new NDList(skips.get(l), up), 1), training);
        }
        return Conv2d.conv2d(h, trainable.get("head.weight"), trainable.get("head.bias")).singletonOrThrow();
    }

    /** [N, 4C, H, W] to [N, C, 2H, 2W], channel 4c + 2i + j going to sub-pixel (i, j) of channel c. */
    private static NDArray depthToSpace(NDArray x) {
        Shape s = x.getShape();
        long n = s.get(0);
        long c = s.get(1) / 4;
        long h = s.get(2);
        long w = s.get(3);
        return x.reshape(n, c, 2, 2, h, w).transpose(0, 1, 4, 2, 5, 3).reshape(n, c, 2 * h, 2 * w);
    }

    private NDArray block(String name, NDArray x, boolean training) {
        NDArray h = x;
        for (int k = 1; k <= 2; k++) {
            String conv = name + ".conv" + k;
            h = Conv2d.conv2d(h, trainable.get(conv + ".weight"), null, ONE, ONE, ONE, 1).singletonOrThrow();
            h = BatchNorm.batchNorm(h, running.get(conv + ".mean"), running.get(conv + ".var"),
                    trainable.get(conv + ".gamma"), trainable.get(conv + ".beta"), 1, BN_MOMENTUM, BN_EPSILON,
                    training).singletonOrThrow();
            h = Activation.relu(h);
        }
        return h;
    }

    /**
     * Probability per pixel of one standardised frame of any size, in inference mode: the frame is padded by
     * repeating its edge pixels to the size multiple, as the exported graph does.
     */
    public float[] predict(float[] standardised, int width, int height) {
        int m = config.sizeMultiple();
        int pw = (width + m - 1) / m * m;
        int ph = (height + m - 1) / m * m;
        float[] padded = EdgePadding.pad(standardised, width, height, pw, ph);
        try (NDManager step = manager.newSubManager()) {
            NDArray x = step.create(padded, new Shape(1, 1, ph, pw));
            float[] p = Activation.sigmoid(forward(x, false)).toFloatArray();
            return EdgePadding.crop(p, pw, width, height);
        }
    }

    /** A copy of every number of the network. */
    public UnetWeights weights() {
        Map<String, float[]> v = new LinkedHashMap<>();
        for (String name : initialValues(config, new Random(0)).keySet()) {
            NDArray a = trainable.containsKey(name) ? trainable.get(name) : running.get(name);
            v.put(name, a.toFloatArray());
        }
        return new UnetWeights(config, v);
    }

    @Override
    public void close() {
        manager.close();
    }
}
