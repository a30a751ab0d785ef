package org.lptem.leonardo;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.ml.torch.Torch;

/** A step with a non-finite gradient is skipped and leaves nothing behind that spoils the next one. */
class AdamWTest {

    @Test
    void aNonFiniteStepIsSkippedAndTheNextStepIsClean() {
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU)) {
            Parameters p = new Parameters(m);
            p.put("a", new float[] {1, 2}, 2);
            p.put("b", new float[] {0, 4}, 2);
            p.requireGradients(true);
            try (AdamW adam = new AdamW(m, p, 0.1, 0)) {
                // d sqrt(b) / db is infinite at b = 0
                backward(p, true);
                assertFalse(adam.step(p));
                assertEquals("b", adam.firstNonFinite());
                assertArrayEquals(new float[] {0, 4}, p.values("b"), "a skipped step changes nothing");
                p.zeroGradients();
                for (String name : p.names()) {
                    assertArrayEquals(new float[2], p.get(name).getGradient().toFloatArray(), name);
                }
                // the next, finite step is taken: a moves against its gradient (+1 each) by about the learning rate
                backward(p, false);
                assertTrue(adam.step(p));
                assertArrayEquals(new float[] {0.9f, 1.9f}, p.values("a"), 1e-5f);
                assertEquals(1, adam.steps(), "the skipped step does not count");
            }
        }
    }

    @Test
    void zeroingGradientsLeavesNothingWithTheWeights() {
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU)) {
            Parameters p = new Parameters(m);
            p.put("a", new float[] {1, 2}, 2);
            p.requireGradients(true);
            scratchBackward(m, p);
            p.zeroGradients();
            int arrays = p.manager().getManagedArrays().size();
            for (int i = 0; i < 10; i++) {
                scratchBackward(m, p);
                p.zeroGradients();
            }
            // every training step zeroes the gradients: a scalar left per call grew without bound
            assertEquals(arrays, p.manager().getManagedArrays().size());
        }
    }

    /** A backward pass whose intermediate arrays live in a manager of their own, as the trainer's do. */
    private static void scratchBackward(NDManager m, Parameters p) {
        try (NDManager step = m.newSubManager(); GradientCollector gc = Torch.engine().newGradientCollector()) {
            gc.backward(step.create(new float[] {1, 1}).mul(p.get("a")).sum());
        }
    }

    private static void backward(Parameters p, boolean withSqrtOfZero) {
        try (GradientCollector gc = Torch.engine().newGradientCollector()) {
            NDArray loss = p.get("a").sum();
            if (withSqrtOfZero) {
                loss = loss.add(p.get("b").sqrt().sum());
            }
            gc.backward(loss);
        }
    }
}
