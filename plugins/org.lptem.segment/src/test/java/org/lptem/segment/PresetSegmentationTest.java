package org.lptem.segment;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.lptem.segment.metrics.SegmentationScorer;
import org.lptem.segment.metrics.SegmentationScores;
import org.lptem.simulate.SimulatedVideo;
import org.lptem.simulate.SimulationPreset;

/**
 * The blob pipeline on a few frames of the simulator's benchmark presets (the full tables come from {@code lptem
 * bench-segmentation}); bounds sit below what the pipeline reaches, above what a broken outline would.
 */
class PresetSegmentationTest {

    private static SegmentationScores score(SimulationPreset preset, int frames, Segmenter segmenter) {
        SegmentationScorer scorer = new SegmentationScorer();
        try (SimulatedVideo video = new SimulatedVideo(preset.settings())) {
            for (int f = 0; f < frames; f++) {
                Segmentation seg = segmenter.segment(video.frame(f), f);
                scorer.add(SegmentationScorer.labelsOf(video.labels(f)), seg.labels(), seg.width(), seg.height());
            }
        }
        return scorer.scores();
    }

    @Test
    void thinLiquidSphereIsOutlined() {
        SegmentationScores s = score(SimulationPreset.THICKNESS_5NM, 3,
                new ClassicalDetector(ClassicalSettings.blobs(3, 48)));
        assertEquals(3, s.truePositives(), s.toString());
        assertEquals(0, s.falsePositives(), s.toString());
        assertTrue(s.jAndF() > 0.8, "J&F " + s.jAndF());
        assertTrue(s.centroidErrorPx() < 3, "centroid error " + s.centroidErrorPx());
    }

    @Test
    void rodAtSnrBelowOneIsOutlinedWhereThresholdsFindNothing() {
        SegmentationScores blob = score(SimulationPreset.ROD_1024, 2,
                new ClassicalDetector(ClassicalSettings.blobs(3, 48)));
        assertEquals(2, blob.truePositives(), blob.toString());
        assertTrue(blob.iou() > 0.78, "IoU " + blob.iou());
        assertTrue(blob.orientationErrorDeg() < 5, "orientation error " + blob.orientationErrorDeg());
        SegmentationScores otsu = score(SimulationPreset.ROD_1024, 2,
                new ClassicalDetector(DetectorSettings.defaults().withThreshold(ThresholdMethod.OTSU)));
        assertEquals(0, otsu.truePositives(), otsu.toString());
    }
}
