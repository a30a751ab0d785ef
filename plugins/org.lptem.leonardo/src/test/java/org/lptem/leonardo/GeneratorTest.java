package org.lptem.leonardo;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDManager;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.ml.torch.Torch;

class GeneratorTest {

    @Test
    void aCountBelowOneIsRefusedByValue() {
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU); LeonardoModel model = ModelFileTest.untrained(m)) {
            Generator g = new Generator(model);
            assertEquals(3, g.generate(3, 1, Map.of(), Progress.NONE).size());
            for (int n : new int[] {0, -1}) {
                LptemException e = assertThrows(LptemException.class,
                        () -> g.generate(n, 1, Map.of(), Progress.NONE));
                assertTrue(e.getMessage().endsWith("got " + n), e.getMessage());
            }
        }
    }
}
