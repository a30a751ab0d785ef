package org.lptem.ml.torch;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.lptem.core.LptemException;
import org.lptem.ml.onnx.ExecutionDevice;

class TorchTest {
    @Test
    void autogradGivesTheAnalyticGradient() {
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU)) {
            NDArray x = m.create(new float[] {1f, -2f, 3f});
            x.setRequiresGradient(true);
            try (GradientCollector gc = Torch.engine().newGradientCollector()) {
                NDArray y = x.pow(3).sum();
                gc.backward(y);
            }
            assertArrayEquals(new float[] {3f, 12f, 27f}, x.getGradient().toFloatArray(), 1e-5f);
        }
    }

    @Test
    void sameSeedSameRandomNumbers() {
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU)) {
            Torch.seed(42);
            float[] a = m.randomNormal(new Shape(8)).toFloatArray();
            Torch.seed(42);
            float[] b = m.randomNormal(new Shape(8)).toFloatArray();
            Torch.seed(43);
            float[] c = m.randomNormal(new Shape(8)).toFloatArray();
            assertArrayEquals(a, b);
            assertFalse(java.util.Arrays.equals(a, c));
        }
    }

    @Test
    void cudaWithoutAGpuIsAClearError() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Torch.engine().getGpuCount() == 0);
        LptemException e = assertThrows(LptemException.class, () -> Torch.device(ExecutionDevice.CUDA));
        assertTrue(e.getMessage().contains("CUDA was requested"), e.getMessage());
    }
}
