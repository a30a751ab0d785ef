package org.lptem.itest;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.ml.torch.Torch;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * PyTorch through DJL, started the way KNIME would start it: our bundle asks for the engine inside Equinox, DJL
 * finds its provider, JNI glue and the CPU natives in the engine bundle and its fragments, offline.
 */
class TorchInOsgiTest {
    @Test
    void pytorchLoadsItsNativesAndComputesGradientsInsideTheFramework() {
        Bundle engine = FrameworkUtil.getBundle(ai.djl.pytorch.engine.PtEngine.class);
        assertNotNull(engine, "DJL's PyTorch engine must come from a bundle");
        assertEquals("ai.djl.pytorch.engine", engine.getSymbolicName());
        assertEquals("org.lptem.ml", FrameworkUtil.getBundle(Torch.class).getSymbolicName());
        assertEquals("PyTorch", Torch.engine().getEngineName());
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU)) {
            NDArray x = m.create(new float[] {0.5f, -1f, 2f});
            x.setRequiresGradient(true);
            try (GradientCollector gc = Torch.engine().newGradientCollector()) {
                gc.backward(x.mul(x).sum());
            }
            assertArrayEquals(new float[] {1f, -2f, 4f}, x.getGradient().toFloatArray(), 1e-6f);
        }
    }
}
