package org.lptem.segment.unet;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.ml.onnx.OnnxModel;
import org.lptem.ml.torch.Torch;
import org.lptem.testing.RandomArrays;

class UnetOnnxTest {
    @org.junit.jupiter.api.BeforeAll
    static void oneTorchThread() {
        UnetTestWeights.singleThreadedTorch();
    }

    @Test
    void djlForwardAndOnnxRuntimeAgreeOnSizesThatNeedPadding() {
        UnetConfig config = new UnetConfig(3, 4);
        UnetWeights weights = UnetTestWeights.random(config, 3);
        byte[] onnx = UnetOnnx.export(weights, "parity test");
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU); Unet net = Unet.of(weights, m);
                OnnxModel model = OnnxModel.load("parity", onnx, ExecutionDevice.CPU)) {
            for (int[] size : new int[][] {{32, 24}, {37, 29}, {5, 3}}) {
                int w = size[0];
                int h = size[1];
                float[] x = RandomArrays.gaussian(w * h, w);
                float[] djl = net.predict(x, w, h);
                float[] ort = model.run(UnetOnnx.INPUT, x, new long[] {1, 1, h, w}, UnetOnnx.OUTPUT);
                assertEquals(w * h, ort.length);
                double maxDiff = 0;
                double spread = 0;
                for (int i = 0; i < djl.length; i++) {
                    maxDiff = Math.max(maxDiff, Math.abs(djl[i] - ort[i]));
                    spread = Math.max(spread, Math.abs(djl[i] - djl[0]));
                }
                assertTrue(maxDiff < 1e-4, w + " x " + h + ": max difference " + maxDiff);
                // a constant output would agree trivially
                assertTrue(spread > 0.01, "output varies by " + spread);
            }
        }
    }

    @Test
    void exportIsDeterministicAndFoldsBatchNormIntoTheConvolutions() {
        UnetConfig config = new UnetConfig(2, 2);
        UnetWeights weights = UnetTestWeights.random(config, 5);
        byte[] a = UnetOnnx.export(weights, "x");
        assertArrayEquals(a, UnetOnnx.export(UnetTestWeights.random(config, 5), "x"));
        assertFalse(java.util.Arrays.equals(a, UnetOnnx.export(UnetTestWeights.random(config, 6), "x")));
        String text = new String(a, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertFalse(text.contains("BatchNormalization"));
        assertTrue(text.contains("DepthToSpace") && text.contains("MaxPool") && text.contains("Pad"));
    }

    @Test
    void weightsOfTheWrongSizeAreRefused() {
        UnetWeights small = UnetTestWeights.random(new UnetConfig(2, 2), 1);
        UnetWeights claimed = new UnetWeights(new UnetConfig(2, 3), small.values());
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU)) {
            org.lptem.core.LptemException e = assertThrows(org.lptem.core.LptemException.class,
                    () -> Unet.of(claimed, m));
            assertTrue(e.getMessage().contains("enc0.conv1.weight"), e.getMessage());
        }
    }
}
