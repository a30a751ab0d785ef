package org.lptem.segment.unet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.lptem.core.LptemException;
import org.lptem.io.JsonReader;
import org.lptem.ml.onnx.ExecutionDevice;

/**
 * The record kept beside a trained U-Net (MODEL.json): how it was made (the command or workflow, seed, network,
 * optimiser, augmentation, data) and its training curve, so a model can be judged and remade without its author.
 * Written as JSON by {@code org.lptem.io.JsonText}; the keys are those of the shipped model's record.
 *
 * @param origin what trained it: the command line, or the KNIME node
 * @param data the sample source's {@link SampleSource#description()}
 * @param threads PyTorch's CPU threads
 */
public record TrainingRecord(String origin, UnetConfig config, TrainingSettings settings, Augmentation augmentation,
        Map<String, Object> data, ExecutionDevice device, int threads) {

    /**
     * The record as ordered maps and lists, for JSON.
     *
     * @param curve the epochs so far
     * @param best the weights kept (those of the epoch with the lowest validation loss)
     * @param complete false for a checkpoint written during training
     * @param seconds wall time so far
     */
    public Map<String, Object> toMap(List<EpochResult> curve, UnetWeights best, boolean complete, double seconds) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("command", origin);
        r.put("complete", complete);
        r.put("seed", settings.seed());
        Map<String, Object> net = new LinkedHashMap<>();
        net.put("kind", "U-Net");
        net.put("depth", config.depth());
        net.put("base_channels", config.baseChannels());
        net.put("parameters", best.parameterCount());
        net.put("normalisation", "batch norm, folded into the convolutions in the ONNX graph");
        r.put("network", net);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("samples", settings.samples());
        t.put("validation_samples", settings.validationSamples());
        t.put("epochs", settings.epochs());
        t.put("batch", settings.batchSize());
        t.put("optimizer", "Adam");
        t.put("learning_rate", settings.learningRate());
        t.put("learning_rate_schedule", "cosine decay to a twentieth over all steps");
        t.put("loss", "binary cross-entropy + (1 - soft Dice)");
        Map<String, Object> aug = new LinkedHashMap<>();
        aug.put("flips", augmentation.flips());
        aug.put("rotations_90", augmentation.rotations());
        aug.put("contrast", augmentation.contrast());
        aug.put("max_blur_px", augmentation.maxBlurPx());
        aug.put("max_noise", augmentation.maxNoise());
        t.put("augmentation", aug);
        t.put("device", device.name());
        t.put("torch_threads", threads);
        t.put("processors", Runtime.getRuntime().availableProcessors());
        t.put("seconds", seconds);
        r.put("training", t);
        r.put("data", data);
        r.put("best_epoch", bestEpoch(curve));
        List<Object> points = new ArrayList<>();
        for (EpochResult e : curve) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("epoch", e.epoch());
            p.put("training_loss", e.trainingLoss());
            p.put("validation_loss", e.validationLoss());
            p.put("validation_dice", e.validationDice());
            p.put("seconds", e.seconds());
            points.add(p);
        }
        r.put("curve", points);
        return r;
    }

    /** The first epoch with the lowest validation loss (the one {@link UnetTrainer} keeps); 0 before any epoch. */
    public static int bestEpoch(List<EpochResult> curve) {
        int best = 0;
        double lowest = Double.POSITIVE_INFINITY;
        for (EpochResult e : curve) {
            if (e.validationLoss() < lowest) {
                lowest = e.validationLoss();
                best = e.epoch();
            }
        }
        return best;
    }

    /**
     * The frames averaged in the training data a record describes ({@code data.averaged_frames}; 1 when the key is
     * absent, as in records of single-frame training), or empty when the text is not a training record's JSON.
     */
    public static OptionalInt averagedFrames(String recordJson) {
        Object root;
        try {
            root = JsonReader.parse(recordJson);
        } catch (IllegalArgumentException e) {
            return OptionalInt.empty();
        }
        if (!(JsonReader.at(root, "data") instanceof Map<?, ?> data)) {
            return OptionalInt.empty();
        }
        return data.get("averaged_frames") instanceof Double n ? OptionalInt.of(n.intValue()) : OptionalInt.of(1);
    }

    /**
     * Where a model's training record lies: MODEL.json beside MODEL.onnx (a model file without the .onnx extension
     * gets .json appended, never its own name).
     */
    public static Path beside(Path model) {
        return model.resolveSibling(model.getFileName().toString().replaceAll("\\.onnx$", "") + ".json");
    }

    /**
     * Refuses to run a network on means of a number of frames other than the one its training record says it saw
     * (an empty or foreign record says nothing). {@code model} names the network in the message.
     */
    public static void checkAveragedFrames(String recordJson, int averagedFrames, String model) {
        OptionalInt trainedOn = averagedFrames(recordJson);
        if (trainedOn.isPresent() && trainedOn.getAsInt() != averagedFrames) {
            throw new LptemException(model + " was trained on means of " + trainedOn.getAsInt() + " frame(s), its "
                    + "training record says; average " + trainedOn.getAsInt() + " frame(s) to segment with it, not "
                    + averagedFrames);
        }
    }

    /** {@link #checkAveragedFrames(String, int, String)} with the record beside {@code model}, where there is one. */
    public static void checkAveragedFrames(Path model, int averagedFrames) {
        Path record = beside(model);
        if (!Files.isRegularFile(record)) {
            return;
        }
        try {
            checkAveragedFrames(Files.readString(record), averagedFrames, model + " (" + record.getFileName() + ")");
        } catch (IOException e) {
            throw LptemException.inFile(record, "cannot read the training record: " + e.getMessage(), e);
        }
    }
}
