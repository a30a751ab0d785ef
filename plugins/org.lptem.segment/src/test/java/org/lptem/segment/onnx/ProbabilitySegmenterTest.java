package org.lptem.segment.onnx;

import org.lptem.ml.onnx.OnnxModel;
import org.lptem.ml.onnx.ExecutionDevice;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lptem.core.Detection;
import org.lptem.core.Frame;
import org.lptem.core.LptemException;
import org.lptem.segment.DetectorSettings;
import org.lptem.segment.Segmentation;

class ProbabilitySegmenterTest {

    private static Frame twoDiscs() {
        int w = 96;
        int h = 64;
        float[] img = new float[w * h];
        Random rnd = new Random(9);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean inside = Math.hypot(x - 25, y - 30) <= 6 || Math.hypot(x - 70, y - 35) <= 6;
                img[y * w + x] = (float) (1000 + (inside ? -80 : 0) + 8 * rnd.nextGaussian());
            }
        }
        return Frame.ofFloats(w, h, img);
    }

    @Test
    void regionsOfHighProbabilityBecomeScoredDetections() {
        try (ProbabilityModel model = new ProbabilityModel(OnnxModel.load("dog",
                BlobFilterModel.build(4, true, 0.3, 10), ExecutionDevice.CPU))) {
            DetectorSettings filters = DetectorSettings.defaults().withArea(10, 1000);
            Segmentation seg = new ProbabilitySegmenter(model, 0.5, filters, 0.6).segment(twoDiscs(), 7);
            List<Detection> d = seg.detections();
            assertEquals(2, d.size(), d.toString());
            assertEquals(25, d.get(0).x(), 1);
            assertEquals(30, d.get(0).y(), 1);
            assertEquals(70, d.get(1).x(), 1);
            assertEquals(7, d.get(1).frame());
            assertTrue(d.get(0).score() > 0.5 && d.get(0).score() <= 1, "mean probability " + d.get(0).score());
            assertEquals(2, seg.labels()[35 * 96 + 70]);
            Segmentation none = new ProbabilitySegmenter(model, 0.5, filters.withArea(2000, 3000), 0)
                    .segment(twoDiscs(), 0);
            assertTrue(none.detections().isEmpty());
        }
    }

    @Test
    void thresholdMustBeAProbability() {
        LptemException e = assertThrows(LptemException.class,
                () -> new ProbabilitySegmenter(null, 1, DetectorSettings.defaults(), 0));
        assertEquals("probability threshold must be in (0, 1), got 1.0", e.getMessage());
    }
}
