package org.lptem.ml.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lptem.core.LptemException;

/**
 * An ONNX model opened in ONNX Runtime, with errors that name the model. Inputs and outputs are looked up by name
 * from the model itself, so callers can map exports that name their tensors differently.
 */
public final class OnnxModel implements AutoCloseable {
    private final String name;
    private final OrtEnvironment env;
    private final OrtSession session;

    private OnnxModel(String name, OrtEnvironment env, OrtSession session) {
        this.name = name;
        this.env = env;
        this.session = session;
    }

    public static OnnxModel load(Path file, ExecutionDevice device) {
        if (!Files.isRegularFile(file)) {
            throw LptemException.inFile(file, "model file does not exist");
        }
        try {
            return open(file.toString(), Files.readAllBytes(file), device);
        } catch (java.io.IOException e) {
            throw LptemException.inFile(file, "cannot read the model: " + e.getMessage(), e);
        }
    }

    /** @param name how errors refer to the model (a file name, or a description for models built in memory) */
    public static OnnxModel load(String name, byte[] model, ExecutionDevice device) {
        return open(name, model, device);
    }

    private static OnnxModel open(String name, byte[] model, ExecutionDevice device) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            if (device == ExecutionDevice.CUDA) {
                try {
                    options.addCUDA(0);
                } catch (OrtException | RuntimeException e) {
                    throw new LptemException(name, -1, "CUDA was requested but ONNX Runtime's CUDA provider is not "
                            + "available here (needs the onnxruntime_gpu build, CUDA and cuDNN): " + e.getMessage(), e);
                }
            }
            return new OnnxModel(name, env, env.createSession(model, options));
        } catch (OrtException e) {
            throw new LptemException(name, -1, "not a model ONNX Runtime can load: " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    /** Input names with their shapes (-1 for a free dimension), in the model's order. */
    public Map<String, long[]> inputs() {
        return shapes(true);
    }

    public Map<String, long[]> outputs() {
        return shapes(false);
    }

    private Map<String, long[]> shapes(boolean in) {
        try {
            Map<String, NodeInfo> info = in ? session.getInputInfo() : session.getOutputInfo();
            Map<String, long[]> out = new LinkedHashMap<>();
            for (Map.Entry<String, NodeInfo> e : info.entrySet()) {
                out.put(e.getKey(), e.getValue().getInfo() instanceof TensorInfo t ? t.getShape() : new long[0]);
            }
            return out;
        } catch (OrtException e) {
            throw new LptemException(name, -1, "cannot read the model's inputs and outputs: " + e.getMessage(), e);
        }
    }

    /**
     * Runs the model on one float input and returns the named float output, flattened in row-major order.
     *
     * @throws LptemException naming the model and the tensor if a name is unknown or the run fails
     */
    public float[] run(String input, float[] data, long[] shape, String output) {
        if (!session.getInputNames().contains(input)) {
            throw new LptemException(name, -1, "has no input '" + input + "' (inputs: " + session.getInputNames()
                    + ")", null);
        }
        if (!session.getOutputNames().contains(output)) {
            throw new LptemException(name, -1, "has no output '" + output + "' (outputs: "
                    + session.getOutputNames() + ")", null);
        }
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape);
                OrtSession.Result result = session.run(Map.of(input, tensor), java.util.Set.of(output))) {
            OnnxTensor out = (OnnxTensor) result.get(output).orElseThrow();
            FloatBuffer buffer = out.getFloatBuffer();
            if (buffer == null) {
                throw new LptemException(name, -1, "output '" + output + "' is not a float tensor", null);
            }
            float[] values = new float[buffer.remaining()];
            buffer.get(values);
            return values;
        } catch (OrtException e) {
            throw new LptemException(name, -1, "inference failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing ONNX session of " + name, e);
        }
    }
}
