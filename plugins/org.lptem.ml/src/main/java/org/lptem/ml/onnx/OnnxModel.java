package org.lptem.ml.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.lptem.core.LptemException;

/**
 * An ONNX model opened in ONNX Runtime, with errors that name the model. Inputs and outputs are looked up by name
 * from the model itself, so callers can map exports that name their tensors differently. Safe to share between
 * threads; runs through {@link #run(Map, Collection)} and its variants take turns, since they reuse input buffers.
 */
public final class OnnxModel implements AutoCloseable {
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory
            .getThreadMXBean();
    private final String name;
    private final OrtEnvironment env;
    private final OrtSession session;
    private long inferenceNanos;
    private long inferenceCpuNanos;
    private long runs;
    /**
     * One direct buffer per float input, reused run after run: ONNX Runtime would otherwise copy each heap array
     * into a fresh direct buffer, and the JVM frees those only in full collections, which then dominate the time of
     * models fed megabytes per run (SAM2's per-object modules).
     */
    private final Map<String, FloatBuffer> inputBuffers = new java.util.HashMap<>();

    /**
     * A tensor exchanged with {@link #run(Map, Collection)}: row-major values and a shape. Values travel as floats
     * whatever the model's element type, because every SAM-style export mixes float tensors with int32 or int64
     * labels and sizes, and the callers should not depend on which one an exporter picked.
     */
    public record Tensor(float[] data, long[] shape) {
        public Tensor {
            long count = 1;
            for (long d : shape) {
                if (d < 0) {
                    throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
                }
                count *= d;
            }
            if (count != data.length) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + count
                        + " values, got " + data.length);
            }
        }

        public static Tensor of(float[] data, long... shape) {
            return new Tensor(data, shape);
        }

        public static Tensor scalarsOf(long[] shape, float value) {
            long count = 1;
            for (long d : shape) {
                count *= d;
            }
            float[] v = new float[Math.toIntExact(count)];
            Arrays.fill(v, value);
            return new Tensor(v, shape);
        }

        public int rank() {
            return shape.length;
        }
    }

    /**
     * A tensor held in ONNX Runtime's memory, to be fed to many runs (of any model) without copying it again: the
     * features of a video frame that every object's decoder run reads, or an output of one model fed straight into
     * the next ({@link Outputs#resident}). Close it when done.
     */
    public static final class Resident implements AutoCloseable {
        private final OnnxTensor tensor;
        private final long[] shape;
        private final FloatBuffer buffer;
        private final boolean owned;

        private Resident(OnnxTensor tensor, long[] shape, FloatBuffer buffer, boolean owned) {
            this.tensor = tensor;
            this.shape = shape;
            this.buffer = buffer;
            this.owned = owned;
        }

        /** The direct buffer holding the values, for reuse once this resident is closed; null for a model output. */
        public FloatBuffer buffer() {
            return buffer;
        }

        public long[] shape() {
            return shape.clone();
        }

        /** Closes the tensor, unless it is a model output, which its {@link Outputs} closes. */
        @Override
        public void close() {
            if (owned) {
                tensor.close();
            }
        }
    }

    /** Copies {@code t} into ONNX Runtime's memory (a direct buffer that the runs read in place). */
    public static Resident resident(Tensor t) {
        return resident(t, null);
    }

    /**
     * As {@link #resident(Tensor)}, filling {@code reuse} (a direct buffer of at least {@code t}'s size, e.g. the
     * previous frame's) instead of allocating: the caller must not refill it while this resident is in use.
     */
    public static Resident resident(Tensor t, FloatBuffer reuse) {
        FloatBuffer direct = reuse != null && reuse.isDirect() && reuse.capacity() >= t.data().length ? reuse
                : directFloats(t.data().length);
        direct.clear();
        direct.put(t.data()).flip();
        return resident(direct, t.shape());
    }

    /**
     * Feeds the values between {@code filled}'s position and limit (a direct buffer the caller filled, e.g. a memory
     * bank stacked in place) without copying them: the caller must not refill it while the resident is in use.
     */
    public static Resident resident(FloatBuffer filled, long[] shape) {
        if (!filled.isDirect()) {
            throw new IllegalArgumentException("a resident tensor needs a direct buffer");
        }
        long count = 1;
        for (long d : shape) {
            count *= d;
        }
        if (count != filled.remaining()) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + count + " values, the "
                    + "buffer " + filled.remaining());
        }
        try {
            return new Resident(OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), filled.slice(), shape),
                    shape.clone(), filled, true);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot create a tensor of shape " + Arrays.toString(shape), e);
        }
    }

    /** A native-order direct buffer of {@code count} floats (at least one). */
    public static FloatBuffer directFloats(int count) {
        return java.nio.ByteBuffer.allocateDirect(Math.max(1, count) * Float.BYTES)
                .order(java.nio.ByteOrder.nativeOrder()).asFloatBuffer();
    }

    /**
     * The outputs of one run kept in ONNX Runtime's memory ({@link #runKeeping}): each can be fed to further runs
     * without leaving it, and only those Java needs are copied out. Close it when the last run that reads them is
     * done.
     */
    public final class Outputs implements AutoCloseable {
        private final OrtSession.Result result;
        private final Map<String, Resident> views = new java.util.HashMap<>();
        private final Map<String, Tensor> read = new java.util.HashMap<>();

        private Outputs(OrtSession.Result result) {
            this.result = result;
        }

        private OnnxTensor tensor(String output) {
            return (OnnxTensor) result.get(output).orElseThrow(() -> new LptemException(name, -1, "output '" + output
                    + "' was not requested from this run", null));
        }

        /** The output as an input of further runs, without a copy; valid until this is closed. */
        public Resident resident(String output) {
            return views.computeIfAbsent(output, o -> {
                OnnxTensor t = tensor(o);
                return new Resident(t, t.getInfo().getShape(), null, false);
            });
        }

        /** The output copied into Java (once, however often asked). */
        public Tensor read(String output) {
            return read.computeIfAbsent(output, o -> OnnxModel.this.read(o, tensor(o)));
        }

        public long[] shape(String output) {
            return tensor(output).getInfo().getShape();
        }

        @Override
        public void close() {
            result.close();
        }
    }

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
            // ONNX Runtime's pool threads otherwise spin on the cores for a while after each run, which starves the
            // Java work between runs (SAM2 runs three models per object per frame) on a machine with few cores
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
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
     * Element types of the inputs (ONNX Runtime's names: FLOAT, INT32, INT64, ...), in the model's order; "OTHER"
     * for inputs that are not tensors.
     */
    public Map<String, String> inputTypes() {
        try {
            Map<String, String> out = new LinkedHashMap<>();
            for (Map.Entry<String, NodeInfo> e : session.getInputInfo().entrySet()) {
                out.put(e.getKey(), e.getValue().getInfo() instanceof TensorInfo t ? t.type.name() : "OTHER");
            }
            return out;
        } catch (OrtException e) {
            throw new LptemException(name, -1, "cannot read the model's inputs: " + e.getMessage(), e);
        }
    }

    /** Element types of the outputs, as {@link #inputTypes()} names them, in the model's order. */
    public Map<String, String> outputTypes() {
        try {
            Map<String, String> out = new LinkedHashMap<>();
            for (Map.Entry<String, NodeInfo> e : session.getOutputInfo().entrySet()) {
                out.put(e.getKey(), e.getValue().getInfo() instanceof TensorInfo t ? t.type.name() : "OTHER");
            }
            return out;
        } catch (OrtException e) {
            throw new LptemException(name, -1, "cannot read the model's outputs: " + e.getMessage(), e);
        }
    }

    /**
     * Runs the model on several inputs and returns the requested outputs. Every input of the model must be given, as
     * a {@link Tensor} or a {@link Resident}; a Tensor is converted to the element type the model declares (float,
     * double, int32, int64 or bool; integers are rounded), a Resident is fed as it is (float), and outputs of any
     * numeric type come back as floats. Shapes are checked against the model's fixed
     * dimensions first, so a wrong tensor is named rather than reported from inside ONNX Runtime.
     *
     * @throws LptemException naming the model and the tensor when a name is unknown or missing, a shape does not
     *     fit, or the run fails
     */
    public Map<String, Tensor> run(Map<String, ?> inputs, Collection<String> outputs) {
        try (OrtSession.Result result = runRaw(inputs, outputs)) {
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (String o : outputs) {
                out.put(o, read(o, (OnnxTensor) result.get(o).orElseThrow()));
            }
            return out;
        }
    }

    /**
     * As {@link #run(Map, Collection)}, but the outputs stay in ONNX Runtime's memory: feed them to the next model
     * with {@link Outputs#resident} and copy out only what Java reads. Saves copying multi-megabyte features out
     * of ONNX Runtime and back in between the modules of a pipeline.
     */
    public Outputs runKeeping(Map<String, ?> inputs, Collection<String> outputs) {
        return new Outputs(runRaw(inputs, outputs));
    }

    /**
     * As {@link #run(Map, Collection)}, except that ONNX Runtime writes the outputs named in {@code into} straight
     * into those residents' direct buffers (made with {@link #resident(FloatBuffer, long[])} in the output's shape and
     * reused run after run), so nothing is allocated or copied in Java for them; the outputs in {@code outputs} come
     * back as tensors as usual. For outputs of megabytes produced on every run (SAM2's memory encoder, once per
     * object and frame), whose heap copies otherwise fill the young generation and are copied again by each
     * collection while they are kept.
     *
     * @throws LptemException naming the model and the output when a name is unknown, an output is both requested and
     *     written into, or the run fails (a buffer of the wrong shape included)
     */
    public Map<String, Tensor> run(Map<String, ?> inputs, Collection<String> outputs, Map<String, Resident> into) {
        for (String o : into.keySet()) {
            if (!session.getOutputNames().contains(o)) {
                throw new LptemException(name, -1, "has no output '" + o + "' (outputs: " + session.getOutputNames()
                        + ")", null);
            }
            if (outputs.contains(o)) {
                throw new LptemException(name, -1, "output '" + o + "' is both requested and written into a buffer",
                        null);
            }
        }
        Map<String, OnnxTensor> pinned = new LinkedHashMap<>();
        into.forEach((o, r) -> pinned.put(o, r.tensor));
        try (OrtSession.Result result = runRaw(inputs, outputs, pinned)) {
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (String o : outputs) {
                out.put(o, read(o, (OnnxTensor) result.get(o).orElseThrow()));
            }
            return out;
        }
    }

    private OrtSession.Result runRaw(Map<String, ?> inputs, Collection<String> outputs) {
        return runRaw(inputs, outputs, Map.of());
    }

    /** Serialised: the reused input buffers would otherwise carry one caller's values into another's run. */
    private synchronized OrtSession.Result runRaw(Map<String, ?> inputs, Collection<String> outputs,
            Map<String, OnnxTensor> pinned) {
        Map<String, NodeInfo> declared;
        try {
            declared = session.getInputInfo();
        } catch (OrtException e) {
            throw new LptemException(name, -1, "cannot read the model's inputs: " + e.getMessage(), e);
        }
        for (String in : inputs.keySet()) {
            if (!declared.containsKey(in)) {
                throw new LptemException(name, -1, "has no input '" + in + "' (inputs: " + declared.keySet() + ")",
                        null);
            }
        }
        for (String in : declared.keySet()) {
            if (!inputs.containsKey(in)) {
                throw new LptemException(name, -1, "input '" + in + "' was not given (given: " + inputs.keySet()
                        + ")", null);
            }
        }
        for (String out : outputs) {
            if (!session.getOutputNames().contains(out)) {
                throw new LptemException(name, -1, "has no output '" + out + "' (outputs: "
                        + session.getOutputNames() + ")", null);
            }
        }
        Map<String, OnnxTensor> feed = new LinkedHashMap<>();
        Map<String, OnnxTensor> owned = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, ?> e : inputs.entrySet()) {
                TensorInfo info = (TensorInfo) declared.get(e.getKey()).getInfo();
                if (e.getValue() instanceof Resident r) {
                    checkShape(e.getKey(), info.getShape(), r.shape);
                    OnnxJavaType given = r.tensor.getInfo().type;
                    if (info.type != given) {
                        throw new LptemException(name, -1, "input '" + e.getKey() + "' is " + info.type
                                + ", but the resident tensor given is " + given, null);
                    }
                    feed.put(e.getKey(), r.tensor);
                } else if (e.getValue() instanceof Tensor t) {
                    checkShape(e.getKey(), info.getShape(), t.shape());
                    OnnxTensor created = create(e.getKey(), t, info.type);
                    owned.put(e.getKey(), created);
                    feed.put(e.getKey(), created);
                } else {
                    throw new IllegalArgumentException("input '" + e.getKey() + "' is neither a Tensor nor a Resident");
                }
            }
            long start = System.nanoTime();
            long startCpu = CPU.getCurrentThreadCpuTime();
            OrtSession.Result result = pinned.isEmpty() ? session.run(feed, new LinkedHashSet<>(outputs))
                    : session.run(feed, new LinkedHashSet<>(outputs), pinned);
            inferenceNanos += System.nanoTime() - start;
            inferenceCpuNanos += CPU.getCurrentThreadCpuTime() - startCpu;
            runs++;
            return result;
        } catch (OrtException e) {
            throw new LptemException(name, -1, "inference failed: " + e.getMessage(), e);
        } finally {
            for (OnnxTensor t : owned.values()) {
                t.close();
            }
        }
    }

    /** Time spent inside ONNX Runtime's {@code run} by {@link #run(Map, Collection)} so far, in nanoseconds. */
    public synchronized long inferenceNanos() {
        return inferenceNanos;
    }

    /**
     * CPU time of the calling thread inside ONNX Runtime's {@code run} so far, nanoseconds (ONNX Runtime's own pool
     * threads come on top), so callers can tell their own CPU time from the model's on a busy machine.
     */
    public synchronized long inferenceCallerCpuNanos() {
        return inferenceCpuNanos;
    }

    /** How many times {@link #run(Map, Collection)} ran the model. */
    public synchronized long runCount() {
        return runs;
    }

    private void checkShape(String input, long[] expected, long[] given) {
        boolean fits = expected.length == given.length;
        for (int i = 0; fits && i < expected.length; i++) {
            fits = expected[i] < 0 || expected[i] == given[i];
        }
        if (!fits) {
            throw new LptemException(name, -1, "input '" + input + "' gets shape " + Arrays.toString(given)
                    + " but the model expects " + Arrays.toString(expected) + " (-1 = any)", null);
        }
    }

    private OnnxTensor create(String input, Tensor t, OnnxJavaType type) throws OrtException {
        float[] v = t.data();
        switch (type) {
            case FLOAT: {
                FloatBuffer buffer = inputBuffers.get(input);
                if (buffer == null || buffer.capacity() < v.length) {
                    buffer = directFloats(v.length);
                    inputBuffers.put(input, buffer);
                }
                buffer.clear();
                buffer.put(v).flip();
                return OnnxTensor.createTensor(env, buffer.slice(), t.shape());
            }
            case DOUBLE: {
                double[] d = new double[v.length];
                for (int i = 0; i < v.length; i++) {
                    d[i] = v[i];
                }
                return OnnxTensor.createTensor(env, DoubleBuffer.wrap(d), t.shape());
            }
            case INT32: {
                int[] d = new int[v.length];
                for (int i = 0; i < v.length; i++) {
                    d[i] = Math.round(v[i]);
                }
                return OnnxTensor.createTensor(env, IntBuffer.wrap(d), t.shape());
            }
            case INT64: {
                long[] d = new long[v.length];
                for (int i = 0; i < v.length; i++) {
                    d[i] = Math.round((double) v[i]);
                }
                return OnnxTensor.createTensor(env, LongBuffer.wrap(d), t.shape());
            }
            case BOOL: {
                boolean[] flat = new boolean[v.length];
                for (int i = 0; i < v.length; i++) {
                    flat[i] = v[i] != 0;
                }
                return OnnxTensor.createTensor(env, java.nio.ByteBuffer.wrap(toBytes(flat)), t.shape(),
                        OnnxJavaType.BOOL);
            }
            default:
                throw new LptemException(name, -1, "input of element type " + type + " is not supported", null);
        }
    }

    private static byte[] toBytes(boolean[] b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) (b[i] ? 1 : 0);
        }
        return out;
    }

    private Tensor read(String output, OnnxTensor t) {
        long[] shape = t.getInfo().getShape();
        float[] v;
        switch (t.getInfo().type) {
            case FLOAT -> {
                // ONNX Runtime already copies the output into a heap buffer: take its array rather than copy again
                FloatBuffer b = t.getFloatBuffer();
                if (b.hasArray() && b.arrayOffset() == 0 && b.position() == 0 && b.array().length == b.remaining()) {
                    v = b.array();
                } else {
                    v = new float[b.remaining()];
                    b.get(v);
                }
            }
            case DOUBLE -> {
                DoubleBuffer b = t.getDoubleBuffer();
                v = new float[b.remaining()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) b.get(i);
                }
            }
            case INT32 -> {
                IntBuffer b = t.getIntBuffer();
                v = new float[b.remaining()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = b.get(i);
                }
            }
            case INT64 -> {
                LongBuffer b = t.getLongBuffer();
                v = new float[b.remaining()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = b.get(i);
                }
            }
            case BOOL, UINT8, INT8 -> {
                java.nio.ByteBuffer b = t.getByteBuffer();
                v = new float[b.remaining()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = t.getInfo().type == OnnxJavaType.INT8 ? b.get(i) : b.get(i) & 0xFF;
                }
            }
            default -> throw new LptemException(name, -1, "output '" + output + "' has element type "
                    + t.getInfo().type + ", which is not numeric", null);
        }
        return new Tensor(v, shape);
    }

    /** Names of the model's outputs in its order. */
    public List<String> outputNames() {
        return new ArrayList<>(outputs().keySet());
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
