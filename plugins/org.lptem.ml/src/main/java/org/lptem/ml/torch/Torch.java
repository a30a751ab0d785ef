package org.lptem.ml.torch;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtEngineProvider;
import org.lptem.core.LptemException;
import org.lptem.ml.onnx.ExecutionDevice;

/**
 * The PyTorch engine of DJL, started the way this project needs it: offline (the native library comes from the
 * {@code pytorch-native-cpu} jar on the class path, never from the network; no telemetry) and from inside OSGi,
 * where DJL finds its engine provider, JNI glue and natives only through the thread context class loader: in
 * OSGi the JNI and native jars are fragments of the engine bundle, so the engine's own loader sees all three.
 */
public final class Torch {
    private static final String ENGINE = "PyTorch";
    private static Engine engine;

    private Torch() {
    }

    /** The PyTorch engine; the first call extracts the native library into DJL's cache folder (once per version). */
    public static synchronized Engine engine() {
        if (engine == null) {
            if (System.getProperty("ai.djl.offline") == null) {
                System.setProperty("ai.djl.offline", "true");
            }
            if (System.getProperty("OPT_OUT_TRACKING") == null) {
                System.setProperty("OPT_OUT_TRACKING", "true");
            }
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(PtEngineProvider.class.getClassLoader());
            try {
                engine = Engine.getEngine(ENGINE);
            } catch (RuntimeException | UnsatisfiedLinkError e) {
                throw new LptemException("PyTorch (DJL) could not start: " + e.getMessage()
                        + " (the pytorch-native-cpu jar for this platform must be on the class path)", e);
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
        return engine;
    }

    /** Seeds PyTorch's generators so that the same seed trains the same weights on the same device. */
    public static void seed(long seed) {
        engine().setRandomSeed((int) (seed ^ (seed >>> 32)));
    }

    /** The DJL device for a choice of execution device; CUDA without a GPU visible to PyTorch is an error. */
    public static Device device(ExecutionDevice device) {
        if (device == ExecutionDevice.CUDA) {
            if (engine().getGpuCount() == 0) {
                throw new LptemException("CUDA was requested but PyTorch sees no GPU (the CPU build of PyTorch is on "
                        + "the class path, or no CUDA driver is installed)");
            }
            return Device.gpu();
        }
        return Device.cpu();
    }

    /** A new root manager for arrays on the given device; close it to free native memory. */
    public static NDManager newManager(ExecutionDevice device) {
        return engine().newBaseManager(device(device));
    }

    /**
     * A constant for arithmetic that autograd differentiates, in {@code like}'s manager and precision: use it where
     * DJL offers {@code mul(Number)}, {@code div(Number)}, {@code pow(Number)}, {@code maximum(Number)} and the like.
     * Those overloads (PyTorch engine, DJL 0.35.1) put the number in a tensor over a direct buffer and close it on
     * return, while PyTorch keeps that tensor for the backward pass; once the garbage collector has freed the
     * buffer, the gradient is computed from whatever memory lies there (NaN or 1e37 gradients that come and go with
     * the collector's timing). A constant made here lives until its manager closes, after the backward pass.
     */
    public static NDArray constant(NDArray like, double value) {
        NDManager m = like.getManager();
        return like.getDataType() == DataType.FLOAT64 ? m.create(value) : m.create((float) value);
    }
}
