package org.lptem.leonardo;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.lptem.core.Progress;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.ml.torch.Torch;
import org.lptem.testing.NativeMemoryChurn;
import org.lptem.testing.RandomArrays;

/**
 * Gradients must not depend on when the garbage collector runs. Every constant that autograd keeps for the
 * backward pass has to live until the backward pass ({@link Torch#constant}); these tests let the collector free
 * whatever native memory it can between the forward and the backward pass, overwrite it, and expect the same
 * gradients to the bit. Before the fix the VAE's loss gave NaN gradients here.
 */
class GradientLifetimeTest {

    @Test
    void gradientsOfTheWholeVaeLossDoNotDependOnTheGarbageCollector() throws InterruptedException {
        LeonardoConfig c = TestData.tiny().withFrameLatent(1);
        TrajectoryWindows data = TestData.windows(4, c.length(), 7);
        int count = data.size();
        float[] flat = new float[count * c.length() * 2];
        for (int i = 0; i < count; i++) {
            System.arraycopy(data.windows().get(i).xy(), 0, flat, i * c.length() * 2, c.length() * 2);
        }
        float[] noise = RandomArrays.gaussian(count * c.codeSize(), 3);
        PhysicsLoss loss = new PhysicsLoss(LossWeights.small());
        try (NDManager root = Torch.newManager(ExecutionDevice.CPU)) {
            TransformerVae vae = TransformerVae.initialise(c, root, 5);
            Function<NDManager, NDArray> total = step -> {
                NDArray x = step.create(flat, new Shape(count, c.length(), 2));
                NDList f = vae.forward(x, step.create(noise, new Shape(count, c.codeSize())));
                return loss.total(loss.terms(x, f.get(0), f.get(1), f.get(2)));
            };
            assertSameUnderChurn(vae.parameters(), total);
        }
    }

    @Test
    void gradientsOfTheFramePriorDoNotDependOnTheGarbageCollector() throws InterruptedException {
        FramePrior.Sizes s = new FramePrior.Sizes(2, 2, 12, 4, 3, 8);
        int n = 6;
        float[] codes = RandomArrays.gaussian(n * (s.latent() + s.length() * s.channels()), 4);
        int rows = 10;
        float[] input = RandomArrays.gaussian(rows * s.inputs(), 5);
        float[] target = RandomArrays.gaussian(rows * s.channels(), 6);
        try (NDManager root = Torch.newManager(ExecutionDevice.CPU);
                FramePrior prior = FramePrior.fit(codes, n, s, 1, 8, 1e-3, 2, root, Progress.NONE)) {
            assertSameUnderChurn(prior.parameters(), step -> prior.negativeLogLikelihood(
                    step.create(input, new Shape(rows, s.inputs())), step.create(target, new Shape(rows,
                            s.channels()))));
        }
    }

    private static void assertSameUnderChurn(Parameters params, Function<NDManager, NDArray> loss)
            throws InterruptedException {
        Map<String, float[]> quiet = gradients(params, loss, false);
        Map<String, float[]> churned = gradients(params, loss, true);
        double norm = 0;
        for (Map.Entry<String, float[]> e : quiet.entrySet()) {
            assertArrayEquals(e.getValue(), churned.get(e.getKey()), e.getKey());
            for (float v : e.getValue()) {
                norm += v * v;
            }
        }
        assertTrue(norm > 0 && Double.isFinite(norm), "a real gradient: " + norm);
    }

    private static Map<String, float[]> gradients(Parameters params, Function<NDManager, NDArray> loss,
            boolean churn) throws InterruptedException {
        Map<String, float[]> out = new LinkedHashMap<>();
        params.requireGradients(true);
        try (NDManager step = params.manager().newSubManager()) {
            params.zeroGradients();
            try (GradientCollector gc = Torch.engine().newGradientCollector()) {
                NDArray value = loss.apply(step);
                if (churn) {
                    try (NativeMemoryChurn c = new NativeMemoryChurn()) {
                        assertEquals(20_000, c.buffers());
                        gc.backward(value);
                    }
                } else {
                    gc.backward(value);
                }
            }
            for (String name : params.names()) {
                NDArray g = params.get(name).getGradient();
                g.attach(step);
                out.put(name, g.toFloatArray());
            }
            params.zeroGradients();
        } finally {
            params.requireGradients(false);
        }
        return out;
    }
}
