package org.lptem.leonardo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter), updating {@link Parameters} in place from their
 * accumulated gradients. Its moments are part of a checkpoint, so training resumes where it stopped.
 */
final class AdamW implements AutoCloseable {
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPS = 1e-8;
    static final double MAX_GRADIENT_NORM = 1.0;

    private final NDManager manager;
    private double learningRate;
    private final double weightDecay;
    private final Map<String, NDArray> first = new LinkedHashMap<>();
    private final Map<String, NDArray> second = new LinkedHashMap<>();
    private long steps;
    private String firstNonFinite;

    AdamW(NDManager parent, Parameters params, double learningRate, double weightDecay) {
        this.manager = parent.newSubManager();
        this.learningRate = learningRate;
        this.weightDecay = weightDecay;
        for (Map.Entry<String, NDArray> e : params.asMap().entrySet()) {
            first.put(e.getKey(), manager.zeros(e.getValue().getShape(), e.getValue().getDataType()));
            second.put(e.getKey(), manager.zeros(e.getValue().getShape(), e.getValue().getDataType()));
        }
    }

    long steps() {
        return steps;
    }

    /** Changes the step size from the next step on (learning-rate schedules); the weight decay scales with it. */
    void learningRate(double value) {
        learningRate = value;
    }

    /** The first parameter (in model order) whose gradient was not finite at the last skipped step. */
    String firstNonFinite() {
        return firstNonFinite;
    }

    /**
     * One update of every parameter from its gradient, the gradients first scaled down to a global norm of at most
     * {@link #MAX_GRADIENT_NORM} (the loss has terms weighted up to 5e4, whose rare spikes would otherwise throw
     * the weights far off). A step whose gradient is not finite is skipped; returns whether the update was made.
     * Gradients are left for the caller to zero.
     */
    boolean step(Parameters params) {
        try (NDManager scratch = manager.newSubManager()) {
            Map<String, NDArray> grads = new LinkedHashMap<>();
            double squares = 0;
            for (Map.Entry<String, NDArray> e : params.asMap().entrySet()) {
                NDArray g = e.getValue().getGradient();
                g.attach(scratch);
                grads.put(e.getKey(), g);
                // in float64: a finite float32 gradient above 1.8e19 would overflow its own square
                squares += g.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).square().sum().getDouble();
            }
            double norm = Math.sqrt(squares);
            if (!Double.isFinite(norm)) {
                firstNonFinite = null;
                for (Map.Entry<String, NDArray> e : grads.entrySet()) {
                    if (!Double.isFinite(e.getValue().toType(ai.djl.ndarray.types.DataType.FLOAT64, false).sum()
                            .getDouble())) {
                        firstNonFinite = e.getKey();
                        break;
                    }
                }
                return false;
            }
            float clip = (float) Math.min(1, MAX_GRADIENT_NORM / (norm + 1e-12));
            steps++;
            double c1 = 1 - Math.pow(BETA1, steps);
            double c2 = 1 - Math.pow(BETA2, steps);
            for (Map.Entry<String, NDArray> e : params.asMap().entrySet()) {
                NDArray p = e.getValue();
                NDArray g = grads.get(e.getKey()).mul(clip);
                NDArray m = first.get(e.getKey());
                NDArray v = second.get(e.getKey());
                // float scalars: DJL turns Java doubles into float64 tensors
                m.muli((float) BETA1).addi(g.mul((float) (1 - BETA1)));
                v.muli((float) BETA2).addi(g.square().mul((float) (1 - BETA2)));
                // temporaries belong to the scratch manager: an op's result joins its first operand's manager, so
                // m.div(...) would pile up parameter-sized arrays in this optimizer's manager at every step
                NDArray mHat = m.div((float) c1);
                mHat.attach(scratch);
                NDArray vHat = v.div((float) c2);
                vHat.attach(scratch);
                NDArray update = mHat.div(vHat.sqrt().add((float) EPS)).mul((float) learningRate);
                if (weightDecay > 0) {
                    p.muli((float) (1 - learningRate * weightDecay));
                }
                p.subi(update);
            }
        }
        return true;
    }

    /** Moments and step count, for checkpoints. */
    Map<String, float[]> state(boolean firstMoment) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : (firstMoment ? first : second).entrySet()) {
            out.put(e.getKey(), e.getValue().toFloatArray());
        }
        return out;
    }

    void restore(Map<String, float[]> m, Map<String, float[]> v, long stepCount) {
        copy(m, first);
        copy(v, second);
        steps = stepCount;
    }

    private static void copy(Map<String, float[]> values, Map<String, NDArray> into) {
        for (Map.Entry<String, NDArray> e : into.entrySet()) {
            float[] f = values.get(e.getKey());
            if (f == null || f.length != e.getValue().size()) {
                throw new org.lptem.core.LptemException("the checkpoint's optimizer state does not match parameter "
                        + e.getKey());
            }
            e.getValue().set(java.nio.FloatBuffer.wrap(f));
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
