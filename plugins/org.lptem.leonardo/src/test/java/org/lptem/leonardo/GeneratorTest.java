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

    /**
     * The model's stored extents are 1, 2 and 3 px. With per-frame latents each trajectory is brought to unit extent
     * first, so its larger axis range is one of them exactly; the published shape scales what the (here untrained)
     * decoder writes, whose range is not 1.
     */
    @Test
    void perFrameModelsGiveTrajectoriesTheExtentDrawn() {
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU); LeonardoModel published = ModelFileTest.untrained(m);
                LeonardoModel perFrame = new LeonardoModel(TransformerVae.initialise(
                        TestData.tiny().withFrameLatent(2), m, 5), published.scales(), java.util.List.of(),
                        published.weights(), published.trainingReference(), Map.of())) {
            int off = 0;
            for (double[] p : new Generator(perFrame).generate(20, 4, Map.of(), Progress.NONE)) {
                double range = range(p);
                assertEquals(Math.rint(range), range, 1e-6 * range);
                assertTrue(Math.rint(range) >= 1 && Math.rint(range) <= 3, "range " + range);
                assertEquals(0, p[0]);
                assertEquals(0, p[1]);
            }
            for (double[] p : new Generator(published).generate(20, 4, Map.of(), Progress.NONE)) {
                off += Math.abs(range(p) - Math.rint(range(p))) > 1e-3 ? 1 : 0;
            }
            assertEquals(20, off);
        }
    }

    private static double range(double[] xy) {
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < xy.length; i++) {
            lo[i % 2] = Math.min(lo[i % 2], xy[i]);
            hi[i % 2] = Math.max(hi[i % 2], xy[i]);
        }
        return Math.max(hi[0] - lo[0], hi[1] - lo[1]);
    }
}
