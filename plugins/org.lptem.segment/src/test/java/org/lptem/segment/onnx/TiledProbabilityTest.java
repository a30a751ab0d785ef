package org.lptem.segment.onnx;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lptem.core.Frame;
import org.lptem.core.LptemException;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.ml.onnx.OnnxModel;
import org.lptem.segment.unet.UnetConfig;
import org.lptem.segment.unet.UnetOnnx;
import org.lptem.segment.unet.UnetTestWeights;

class TiledProbabilityTest {
    @org.junit.jupiter.api.BeforeAll
    static void oneTorchThread() {
        UnetTestWeights.singleThreadedTorch();
    }


    @Test
    void tiledEqualsWholeFrameAwayFromTheBorders() {
        byte[] net = UnetOnnx.export(UnetTestWeights.random(new UnetConfig(3, 4), 11), "tiling test");
        int w = 250;
        int h = 190;
        Random r = new Random(4);
        float[] img = new float[w * h];
        for (int i = 0; i < img.length; i++) {
            img[i] = (float) (500 + 40 * r.nextGaussian() + (i % w > 120 ? 30 : 0));
        }
        Frame frame = Frame.ofFloats(w, h, img);
        float[] whole;
        try (ProbabilityModel m = new ProbabilityModel(OnnxModel.load("whole", net, ExecutionDevice.CPU))) {
            whole = m.predict(frame);
        }
        int margin = 32;
        // 160 px tiles with 32 px margins: a 3 x 2 grid of tiles, the last ones clamped to the frame
        try (ProbabilityModel m = new ProbabilityModel(OnnxModel.load("tiled", net, ExecutionDevice.CPU), 160,
                margin)) {
            float[] tiled = m.predict(frame);
            double maxDiff = 0;
            double spread = 0;
            for (int y = margin; y < h - margin; y++) {
                for (int x = margin; x < w - margin; x++) {
                    int i = y * w + x;
                    maxDiff = Math.max(maxDiff, Math.abs(whole[i] - tiled[i]));
                    spread = Math.max(spread, Math.abs(whole[i] - whole[w * margin + margin]));
                }
            }
            assertTrue(maxDiff < 1e-4, "tiled vs whole: " + maxDiff);
            assertTrue(spread > 0.01, "the probability map varies by " + spread);
            assertTrue(m.onnxNanos() > 0);
        }
    }

    @Test
    void tileSizesOffTheGridAreRefused() {
        byte[] net = UnetOnnx.export(UnetTestWeights.random(new UnetConfig(1, 1), 1), "x");
        try (OnnxModel model = OnnxModel.load("x", net, ExecutionDevice.CPU)) {
            assertThrows(LptemException.class, () -> new ProbabilityModel(model, 100, 32));
            assertThrows(LptemException.class, () -> new ProbabilityModel(model, 128, 32));
            assertThrows(LptemException.class, () -> new ProbabilityModel(model, 128, 16));
        }
    }
}
