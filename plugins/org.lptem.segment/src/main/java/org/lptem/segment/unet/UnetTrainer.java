package org.lptem.segment.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.ml.torch.Torch;

/**
 * Trains a {@link Unet} on samples of a {@link SampleSource} with Adam (learning rate decaying along a cosine to a
 * twentieth) on binary cross-entropy + Dice loss, keeping
 * the weights of the epoch with the lowest validation loss. Everything random (initial weights, the split, the batch
 * order, the augmentation) comes from the settings' seed.
 */
public final class UnetTrainer {
    private final UnetConfig config;
    private final TrainingSettings settings;
    private final Augmentation augmentation;
    private final ExecutionDevice device;

    public UnetTrainer(UnetConfig config, TrainingSettings settings, Augmentation augmentation,
            ExecutionDevice device) {
        this.config = config;
        this.settings = settings;
        this.augmentation = augmentation;
        this.device = device;
    }

    /**
     * @param afterEpoch called after every epoch with its result and the weights of the best epoch so far (to write a
     *     checkpoint)
     */
    public TrainingResult train(SampleSource source, Progress progress,
            java.util.function.BiConsumer<EpochResult, UnetWeights> afterEpoch) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < settings.samples(); i++) {
            progress.checkCanceled();
            progress.report(0.1 * i / settings.samples(), "preparing sample " + (i + 1) + "/" + settings.samples());
            Sample s = source.sample(i);
            int m = config.sizeMultiple();
            if (s.size() % m != 0 || (!samples.isEmpty() && s.size() != samples.get(0).size())) {
                throw new LptemException("training sample " + i + " is " + s.size() + " px; samples must all have "
                        + "the same size, a multiple of " + m + " px for depth " + config.depth());
            }
            samples.add(s);
        }
        Random random = new Random(settings.seed());
        java.util.Collections.shuffle(samples, random);
        int validation = settings.validationSamples();
        List<Sample> held = samples.subList(samples.size() - validation, samples.size());
        List<Sample> train = new ArrayList<>(samples.subList(0, samples.size() - validation));

        Torch.seed(settings.seed());
        List<EpochResult> curve = new ArrayList<>();
        UnetWeights best = null;
        int bestEpoch = 0;
        try (NDManager manager = Torch.newManager(device);
                Unet net = Unet.create(config, random.nextLong(), manager)) {
            // cosine decay to a twentieth over the run: large steps early, fine ones to settle at the end
            int steps = settings.epochs() * ((train.size() + settings.batchSize() - 1) / settings.batchSize());
            Adam adam = Adam.builder().optLearningRateTracker(Tracker.cosine()
                    .setBaseValue((float) settings.learningRate())
                    .optFinalValue((float) settings.learningRate() / 20).setMaxUpdates(steps).build()).build();
            for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                long start = System.nanoTime();
                java.util.Collections.shuffle(train, random);
                double lossSum = 0;
                int batches = 0;
                for (int b = 0; b < train.size(); b += settings.batchSize()) {
                    progress.checkCanceled();
                    List<Sample> batch = new ArrayList<>();
                    for (Sample s : train.subList(b, Math.min(train.size(), b + settings.batchSize()))) {
                        batch.add(augmentation.apply(s, random));
                    }
                    lossSum += step(net, adam, batch, manager);
                    batches++;
                    double done = (epoch - 1 + (double) (b + batch.size()) / train.size()) / settings.epochs();
                    progress.report(0.1 + 0.9 * done, String.format(java.util.Locale.ROOT,
                            "epoch %d/%d, loss %.4f", epoch, settings.epochs(), lossSum / batches));
                }
                double[] val = validate(net, held, manager);
                EpochResult r = new EpochResult(epoch, lossSum / batches, val[0], val[1],
                        (System.nanoTime() - start) / 1e9);
                curve.add(r);
                if (best == null || r.validationLoss() < curve.get(bestEpoch - 1).validationLoss()) {
                    best = net.weights();
                    bestEpoch = epoch;
                }
                afterEpoch.accept(r, best);
            }
        }
        progress.report(1, "trained " + settings.epochs() + " epochs");
        return new TrainingResult(best, bestEpoch, curve);
    }

    private static double step(Unet net, Adam adam, List<Sample> batch, NDManager manager) {
        try (NDManager step = manager.newSubManager()) {
            NDArray[] xy = arrays(batch, step);
            double value;
            try (GradientCollector collector = Torch.engine().newGradientCollector()) {
                NDArray loss = loss(net.forward(xy[0], true), xy[1]);
                value = loss.getFloat();
                collector.backward(loss);
            }
            for (Map.Entry<String, NDArray> p : net.parameters().entrySet()) {
                try (NDArray grad = p.getValue().getGradient()) {
                    adam.update(p.getKey(), p.getValue(), grad);
                    // autograd adds to the gradient: clear it for the next batch
                    grad.subi(grad);
                }
            }
            if (!Double.isFinite(value)) {
                throw new LptemException("U-Net training diverged (loss " + value + "); lower the learning rate");
            }
            return value;
        }
    }

    /** {mean loss, Dice at probability 0.5} over the held-out samples, in inference mode, batch by batch. */
    private double[] validate(Unet net, List<Sample> held, NDManager manager) {
        double lossSum = 0;
        double intersection = 0;
        double total = 0;
        for (int b = 0; b < held.size(); b += settings.batchSize()) {
            List<Sample> batch = held.subList(b, Math.min(held.size(), b + settings.batchSize()));
            try (NDManager step = manager.newSubManager()) {
                NDArray[] xy = arrays(batch, step);
                NDArray logits = net.forward(xy[0], false);
                lossSum += loss(logits, xy[1]).getFloat() * batch.size();
                NDArray predicted = logits.gt(0).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
                intersection += predicted.mul(xy[1]).sum().getFloat();
                total += predicted.sum().getFloat() + xy[1].sum().getFloat();
            }
        }
        return new double[] {lossSum / held.size(), total > 0 ? 2 * intersection / total : 1};
    }

    private static NDArray[] arrays(List<Sample> batch, NDManager manager) {
        int n = batch.get(0).size();
        float[] x = new float[batch.size() * n * n];
        float[] y = new float[x.length];
        for (int i = 0; i < batch.size(); i++) {
            System.arraycopy(batch.get(i).image(), 0, x, i * n * n, n * n);
            System.arraycopy(batch.get(i).mask(), 0, y, i * n * n, n * n);
        }
        Shape shape = new Shape(batch.size(), 1, n, n);
        return new NDArray[] {manager.create(x, shape), manager.create(y, shape)};
    }

    /**
     * Binary cross-entropy on logits (in the overflow-free form max(z, 0) - z y + log(1 + exp(-|z|))) plus the soft
     * Dice loss of the whole batch, which keeps small particles from being drowned by the liquid's pixels.
     */
    static NDArray loss(NDArray logits, NDArray target) {
        NDArray one = Torch.constant(logits, 1);
        NDArray bce = logits.maximum(Torch.constant(logits, 0)).sub(logits.mul(target))
                .add(logits.abs().neg().exp().add(one).log()).mean();
        NDArray p = Activation.sigmoid(logits);
        NDArray dice = p.mul(target).sum().mul(Torch.constant(logits, 2)).add(one)
                .div(p.sum().add(target.sum()).add(one));
        return bce.add(dice.neg().add(one));
    }
}
