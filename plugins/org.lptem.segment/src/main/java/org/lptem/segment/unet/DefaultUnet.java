package org.lptem.segment.unet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.lptem.core.LptemException;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.ml.onnx.OnnxModel;
import org.lptem.segment.DetectorSettings;
import org.lptem.segment.onnx.ProbabilityModel;
import org.lptem.segment.onnx.ProbabilitySegmenter;
import org.lptem.segment.onnx.RegionClassifier;

/**
 * The U-Nets shipped with the project, trained by {@code lptem unet train} on simulated videos, each with its
 * training record (the command line, seed, data parameters and loss curve) beside it: {@value #MODEL} for single
 * frames, and {@value #MEAN3_MODEL} for moving means of 3 frames ({@code --average-frames 3}), trained on such
 * means and followed by its region classifier ({@value #CLASSIFIER}), which drops out-of-focus particles.
 */
public final class DefaultUnet {
    public static final String MODEL = "default-unet.onnx";
    public static final String RECORD = "default-unet.json";
    public static final String MEAN3_MODEL = "default-unet-mean3.onnx";
    public static final String MEAN3_RECORD = "default-unet-mean3.json";
    /** Frames in the moving mean {@value #MEAN3_MODEL} was trained on. */
    public static final int MEAN3_FRAMES = 3;

    private DefaultUnet() {
    }

    /** The single-frame model's ONNX bytes. */
    public static byte[] bytes() {
        return resource(MODEL);
    }

    /** Its training record, JSON. */
    public static String record() {
        return new String(resource(RECORD), StandardCharsets.UTF_8);
    }

    /** The shipped model for frames that are moving means of {@code averagedFrames} ({@value #MEAN3_FRAMES}) or not. */
    public static String modelFor(int averagedFrames) {
        return averagedFrames == MEAN3_FRAMES ? MEAN3_MODEL : MODEL;
    }

    /** The ONNX bytes of {@link #modelFor(int)}. */
    public static byte[] bytesFor(int averagedFrames) {
        return resource(modelFor(averagedFrames));
    }

    /** The ONNX bytes of the model for means of {@value #MEAN3_FRAMES} frames. */
    public static byte[] mean3Bytes() {
        return resource(MEAN3_MODEL);
    }

    /** Its training record, JSON. */
    public static String mean3Record() {
        return new String(resource(MEAN3_RECORD), StandardCharsets.UTF_8);
    }

    /** Pixels at or above this probability make up a particle. */
    public static final double PROBABILITY = 0.5;
    /**
     * A region is kept only if its peak probability reaches this: inside true particles the network is near certain,
     * while the liquid patches it half-believes peak lower. Chosen for the first shipped model on simulated frames
     * whose seed (77) is neither the benchmark's nor among the training ones, and checked again for the current one
     * (trained with distractor-centred crops) on 5 frames of seed 77 per preset: no false region on rod-1024 and
     * thickness-5/150nm; on multi (10 frames), seeds 0.9-0.97 and pixel thresholds 0.3-0.5 give F1 0.772-0.798
     * against 0.778 here: no setting is clearly better, so the thresholds stayed.
     */
    public static final double SEED_PROBABILITY = 0.985;

    /** The region profile's smallest semi-axis: a few-pixel region is profiled on the scale of a small particle. */
    public static final double PROFILE_MIN_SEMI_AXIS_PX = 2;

    /** The region classifier fitted on {@value #MEAN3_MODEL}'s regions ({@code lptem unet train-classifier}). */
    public static final String CLASSIFIER = "default-unet-mean3-classifier.json";

    public static RegionClassifier classifier() {
        return RegionClassifier.fromJson(new String(resource(CLASSIFIER), StandardCharsets.UTF_8),
                "the default U-Net's region classifier (" + CLASSIFIER + ")");
    }

    /**
     * The shipped region classifier where it applies: to its network ({@code onnx} is {@value #MEAN3_MODEL}'s
     * bytes) on moving means of the number of frames it was fitted on; null otherwise.
     */
    public static RegionClassifier classifierFor(byte[] onnx, int averagedFrames) {
        if (!java.util.Arrays.equals(onnx, mean3Bytes())) {
            return null;
        }
        RegionClassifier c = classifier();
        return c.averagedFrames() == averagedFrames ? c : null;
    }

    public static ProbabilityModel load(ExecutionDevice device) {
        return new ProbabilityModel(OnnxModel.load("default U-Net (" + MODEL + ")", bytes(), device));
    }

    /** The default U-Net with its thresholds, then the area and score filters and the cut of touching particles. */
    public static ProbabilitySegmenter segmenter(ExecutionDevice device, DetectorSettings filters,
            double ridgeRatio) {
        return segmenter(device, filters, ridgeRatio, 1);
    }

    /**
     * As {@link #segmenter(ExecutionDevice, DetectorSettings, double)} for frames that are the moving mean of
     * {@code averagedFrames} frames: for means of {@value #MEAN3_FRAMES}, the network trained on such means with its
     * region classifier deciding which regions are particles; otherwise the single-frame network with the seed
     * probability.
     */
    public static ProbabilitySegmenter segmenter(ExecutionDevice device, DetectorSettings filters, double ridgeRatio,
            int averagedFrames) {
        RegionClassifier c = classifierFor(mean3Bytes(), averagedFrames);
        if (c == null) {
            return new ProbabilitySegmenter(load(device), PROBABILITY, SEED_PROBABILITY, filters, ridgeRatio);
        }
        ProbabilityModel mean3 = new ProbabilityModel(OnnxModel.load("default U-Net for 3-frame means ("
                + MEAN3_MODEL + ")", mean3Bytes(), device));
        return new ProbabilitySegmenter(mean3, PROBABILITY, PROBABILITY, c, filters, ridgeRatio);
    }

    private static byte[] resource(String name) {
        try (InputStream in = DefaultUnet.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new LptemException("the default U-Net resource " + name + " is missing from this build of "
                        + "org.lptem.segment");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the resource " + name, e);
        }
    }
}
