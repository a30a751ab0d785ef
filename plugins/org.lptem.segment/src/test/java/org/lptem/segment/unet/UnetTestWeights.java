package org.lptem.segment.unet;

import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.ml.torch.Torch;

/** U-Net weights for tests of the export and of tiling. */
public final class UnetTestWeights {
    private UnetTestWeights() {
    }

    /**
     * One PyTorch thread for the tests (set before the engine starts): its worker threads spin while waiting, which
     * on a shared build machine makes tiny networks many times slower.
     */
    public static void singleThreadedTorch() {
        System.setProperty("ai.djl.pytorch.num_threads", "1");
    }

    /** Every weight random, running variances positive: batch-norm folding is exercised with non-trivial numbers. */
    public static UnetWeights random(UnetConfig config, long seed) {
        UnetWeights shapes;
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU); Unet net = Unet.create(config, 0, m)) {
            shapes = net.weights();
        }
        Random r = new Random(seed);
        Map<String, float[]> v = new LinkedHashMap<>();
        shapes.values().forEach((name, a) -> {
            float[] b = new float[a.length];
            for (int i = 0; i < b.length; i++) {
                b[i] = name.endsWith(".var") ? (float) (0.2 + r.nextDouble())
                        : name.endsWith(".gamma") ? (float) (0.5 + r.nextDouble())
                        : name.endsWith(".weight") ? a[i] : (float) (0.3 * r.nextGaussian());
            }
            v.put(name, b);
        });
        return new UnetWeights(config, v);
    }
}
