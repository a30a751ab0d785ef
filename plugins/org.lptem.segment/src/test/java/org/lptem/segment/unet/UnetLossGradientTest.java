package org.lptem.segment.unet;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.ml.torch.Torch;
import org.lptem.testing.NativeMemoryChurn;

/**
 * The training loss's gradient must not depend on when the garbage collector runs: constants that autograd keeps
 * for the backward pass must outlive it (see {@link Torch#constant}). Between forward and backward the collector
 * frees what it can and the freed native memory is overwritten; the gradient must come out the same to the bit,
 * and agree with the closed form of the cross-entropy part.
 */
class UnetLossGradientTest {

    @Test
    void lossGradientSurvivesTheGarbageCollector() throws InterruptedException {
        int n = 64;
        SplittableRandom random = new SplittableRandom(9);
        float[] logits = new float[n];
        float[] target = new float[n];
        for (int i = 0; i < n; i++) {
            logits[i] = (float) (2 * random.nextGaussian());
            target[i] = random.nextBoolean() ? 1 : 0;
        }
        float[] quiet = gradient(logits, target, false);
        float[] churned = gradient(logits, target, true);
        assertArrayEquals(quiet, churned);
        // d/dz of the mean cross-entropy is (sigmoid(z) - y) / n; the Dice term adds a bounded share on top
        double correlation = 0;
        for (int i = 0; i < n; i++) {
            double bce = (1 / (1 + Math.exp(-logits[i])) - target[i]) / n;
            correlation += bce * quiet[i];
            assertTrue(Float.isFinite(quiet[i]));
        }
        assertTrue(correlation > 0, "the gradient follows the cross-entropy's");
    }

    private static float[] gradient(float[] logits, float[] target, boolean churn) throws InterruptedException {
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU)) {
            NDArray z = m.create(logits, new Shape(1, 1, 8, 8));
            z.setRequiresGradient(true);
            NDArray y = m.create(target, new Shape(1, 1, 8, 8));
            try (GradientCollector gc = Torch.engine().newGradientCollector()) {
                NDArray loss = UnetTrainer.loss(z, y);
                if (churn) {
                    try (NativeMemoryChurn c = new NativeMemoryChurn()) {
                        gc.backward(loss);
                    }
                } else {
                    gc.backward(loss);
                }
            }
            return z.getGradient().toFloatArray();
        }
    }
}
