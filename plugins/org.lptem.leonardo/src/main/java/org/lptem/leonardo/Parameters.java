package org.lptem.leonardo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The named weight tensors of a network, in a fixed order (the order the model file and the ONNX export use), owned
 * by one NDManager. Initial values come from a Java generator, so a seed gives the same weights on every device.
 */
public final class Parameters implements AutoCloseable {
    private final NDManager manager;
    private final Map<String, NDArray> arrays = new LinkedHashMap<>();

    public Parameters(NDManager parent) {
        this.manager = parent.newSubManager();
    }

    public NDManager manager() {
        return manager;
    }

    /** Weights uniform in +-1/sqrt(fanIn) (PyTorch's default for linear and convolution layers). */
    void uniform(String name, SplittableRandom random, int fanIn, long... shape) {
        double bound = 1 / Math.sqrt(fanIn);
        float[] v = new float[(int) new Shape(shape).size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        put(name, v, shape);
    }

    void constant(String name, float value, long... shape) {
        float[] v = new float[(int) new Shape(shape).size()];
        java.util.Arrays.fill(v, value);
        put(name, v, shape);
    }

    /** Adds or replaces a tensor. */
    public void put(String name, float[] values, long... shape) {
        NDArray previous = arrays.put(name, manager.create(values, new Shape(shape)));
        if (previous != null) {
            previous.close();
        }
    }

    public NDArray get(String name) {
        NDArray a = arrays.get(name);
        if (a == null) {
            throw new IllegalStateException("no parameter " + name);
        }
        return a;
    }

    public boolean has(String name) {
        return arrays.containsKey(name);
    }

    public List<String> names() {
        return List.copyOf(arrays.keySet());
    }

    public Map<String, NDArray> asMap() {
        return Collections.unmodifiableMap(arrays);
    }

    public long count() {
        long n = 0;
        for (NDArray a : arrays.values()) {
            n += a.size();
        }
        return n;
    }

    public float[] values(String name) {
        NDArray a = get(name);
        return (a.getDataType() == DataType.FLOAT32 ? a : a.toType(DataType.FLOAT32, false)).toFloatArray();
    }

    public long[] shape(String name) {
        return get(name).getShape().getShape();
    }

    /** Switches gradient recording on or off for every tensor. */
    public void requireGradients(boolean on) {
        for (NDArray a : arrays.values()) {
            a.setRequiresGradient(on);
        }
    }

    /**
     * Sets every accumulated gradient to zero (DJL's low-level autograd adds into them on each backward). Written,
     * not computed: {@code g - g} or {@code 0 * g} would keep a NaN or an infinity of a skipped step for good.
     */
    public void zeroGradients() {
        try (NDManager scratch = manager.newSubManager()) {
            for (NDArray a : arrays.values()) {
                NDArray g = a.getGradient();
                // set() makes its scalar in the handle's manager: in the weights' it would stay for the model's life
                g.attach(scratch);
                g.set(new NDIndex("..."), 0);
            }
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
