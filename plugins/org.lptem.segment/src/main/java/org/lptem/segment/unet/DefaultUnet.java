package org.lptem.segment.unet;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.lptem.core.LptemException;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.ml.onnx.OnnxModel;
import org.lptem.segment.onnx.ProbabilityModel;

/**
 * The U-Net shipped with the project, trained by {@code lptem unet train} on simulated videos; its training record
 * ({@value #RECORD}: the command line, seed, data parameters and loss curve) lies beside it.
 */
public final class DefaultUnet {
    public static final String MODEL = "default-unet.onnx";
    public static final String RECORD = "default-unet.json";

    private DefaultUnet() {
    }

    /** The model's ONNX bytes. */
    public static byte[] bytes() {
        return resource(MODEL);
    }

    /** The training record, JSON. */
    public static String record() {
        return new String(resource(RECORD), StandardCharsets.UTF_8);
    }

    public static ProbabilityModel load(ExecutionDevice device) {
        return new ProbabilityModel(OnnxModel.load("default U-Net (" + MODEL + ")", bytes(), device));
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
