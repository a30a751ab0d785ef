package org.lptem.segment.unet;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.segment.ClassicalSettings;
import org.lptem.segment.Segmentation;
import org.lptem.segment.metrics.SegmentationScorer;
import org.lptem.segment.metrics.SegmentationScores;
import org.lptem.segment.onnx.ProbabilitySegmenter;
import org.lptem.segment.onnx.RegionClassifier;
import org.lptem.core.MovingAverageVideo;
import org.lptem.simulate.SimulatedVideo;
import org.lptem.simulate.SimulationPreset;

/**
 * The shipped U-Net: small, documented, and it segments benchmark frames it was not trained on (training used other
 * seeds); the full tables come from {@code lptem bench-segmentation}.
 */
class DefaultUnetTest {

    private static SegmentationScores score(SimulationPreset preset, int frames) {
        SegmentationScorer scorer = new SegmentationScorer();
        ClassicalSettings filters = ClassicalSettings.blobs(3, 48);
        try (SimulatedVideo video = new SimulatedVideo(preset.settings());
                ProbabilitySegmenter unet = DefaultUnet.segmenter(ExecutionDevice.CPU, filters.detector(),
                        filters.ridgeRatio())) {
            for (int f = 0; f < frames; f++) {
                Segmentation seg = unet.segment(video.frame(f), f);
                scorer.add(SegmentationScorer.labelsOf(video.labels(f)), seg.labels(), seg.width(), seg.height());
            }
        }
        return scorer.scores();
    }

    @Test
    void segmentsTheSphereUnderFiftyNanometresOfLiquid() {
        SegmentationScores s = score(SimulationPreset.THICKNESS_50NM, 2);
        assertEquals(2, s.truePositives(), s.toString());
        assertEquals(0, s.falsePositives(), s.toString());
        assertTrue(s.jAndF() > 0.83, "J&F " + s.jAndF());
    }

    @Test
    void findsTheParticlesOfACrowdedFieldAndNotTheDistractors() {
        SegmentationScores s = score(SimulationPreset.MULTI, 1);
        assertTrue(s.f1() > 0.9, s.toString());
    }

    /** Frames 1..frames of the preset's video, each the mean of 3, through the given segmenter. */
    private static SegmentationScores scoreOnMeans(ProbabilitySegmenter unet, int frames) {
        SegmentationScorer scorer = new SegmentationScorer();
        try (SimulatedVideo video = new SimulatedVideo(SimulationPreset.MULTI.settings()); unet) {
            MovingAverageVideo mean = new MovingAverageVideo(video, 3);
            for (int f = 1; f <= frames; f++) {
                Segmentation seg = unet.segment(mean.frame(f), f);
                scorer.add(SegmentationScorer.labelsOf(video.labels(f)), seg.labels(), seg.width(), seg.height());
            }
        }
        return scorer.scores();
    }

    /** The network for 3-frame means with its classifier, against the single-frame one with its seed probability. */
    @Test
    void onMeansOfThreeFramesTheRegionClassifierDropsTheOutOfFocusParticles() {
        ClassicalSettings filters = ClassicalSettings.blobs(3, 48);
        RegionClassifier c = DefaultUnet.classifier();
        assertEquals(3, c.averagedFrames());
        assertEquals(c, DefaultUnet.classifierFor(DefaultUnet.mean3Bytes(), 3));
        assertNull(DefaultUnet.classifierFor(DefaultUnet.bytes(), 3));
        assertNull(DefaultUnet.classifierFor(DefaultUnet.mean3Bytes(), 1));
        SegmentationScores classified = scoreOnMeans(DefaultUnet.segmenter(ExecutionDevice.CPU, filters.detector(),
                filters.ridgeRatio(), 3), 4);
        SegmentationScores seeded = scoreOnMeans(DefaultUnet.segmenter(ExecutionDevice.CPU, filters.detector(),
                filters.ridgeRatio(), 1), 4);
        assertTrue(classified.f1() > 0.95, classified.toString());
        assertTrue(classified.falsePositives() < seeded.falsePositives(), classified + " vs " + seeded);
    }

    @Test
    void isSmallAndCarriesItsTrainingRecord() throws java.io.IOException {
        assertTrue(DefaultUnet.bytes().length < 20 << 20, DefaultUnet.bytes().length + " bytes");
        String record = DefaultUnet.record();
        assertTrue(record.contains("\"command\": \"lptem unet train"), record);
        assertTrue(record.contains("\"complete\": true"), record);
        assertTrue(record.contains("\"curve\""), record);
        assertTrue(DefaultUnet.mean3Bytes().length < 20 << 20, DefaultUnet.mean3Bytes().length + " bytes");
        String mean3 = DefaultUnet.mean3Record();
        assertTrue(mean3.contains("\"command\": \"lptem unet train") && mean3.contains("--average-frames 3"), mean3);
        assertTrue(mean3.contains("\"averaged_frames\": 3"), mean3);
        assertTrue(mean3.contains("\"complete\": true"), mean3);
        String classifier = new String(DefaultUnet.class.getResourceAsStream(DefaultUnet.CLASSIFIER).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(classifier.contains("\"command\": \"lptem unet train-classifier"), classifier);
        assertTrue(classifier.contains(DefaultUnet.MEAN3_MODEL), classifier);
        assertTrue(classifier.contains("\"non_particles_dropped\""), classifier);
    }
}
