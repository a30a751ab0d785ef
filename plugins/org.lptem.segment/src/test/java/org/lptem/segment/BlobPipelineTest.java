package org.lptem.segment;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lptem.core.Detection;
import org.lptem.segment.SyntheticFrame.Particle;
import org.lptem.segment.metrics.SegmentationScorer;
import org.lptem.segment.metrics.SegmentationScores;

class BlobPipelineTest {

    /** Truth labels of the particles of a synthetic frame: pixel centres inside each ellipse. */
    private static int[] truth(SyntheticFrame synth, int width, int height) {
        int[] labels = new int[width * height];
        int l = 0;
        for (Particle p : synth.particles()) {
            l++;
            double c = Math.cos(Math.toRadians(p.angleDeg()));
            double s = Math.sin(Math.toRadians(p.angleDeg()));
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double dx = x - p.x();
                    double dy = y - p.y();
                    double u = (dx * c + dy * s) / p.semiA();
                    double v = (-dx * s + dy * c) / p.semiB();
                    if (u * u + v * v <= 1) {
                        labels[y * width + x] = l;
                    }
                }
            }
        }
        return labels;
    }

    private static SegmentationScores score(SyntheticFrame synth, Segmentation seg) {
        SegmentationScorer scorer = new SegmentationScorer(2);
        scorer.add(truth(synth, seg.width(), seg.height()), seg.labels(), seg.width(), seg.height());
        return scorer.scores();
    }

    @Test
    void outlinesParticlesAtPerPixelSnrOne() {
        SyntheticFrame synth = new SyntheticFrame(300, 300).noise(10)
                .add(Particle.disc(70.3, 80.6, 12, 10))
                .add(Particle.disc(210.8, 90.2, 15, 10))
                .add(new Particle(150.4, 220.7, 24, 9, 35, 10));
        Segmentation seg = new ClassicalDetector(ClassicalSettings.blobs(6, 30)).detect(synth.frame(3), 0);
        SegmentationScores s = score(synth, seg);
        assertEquals(3, s.truePositives(), s.toString());
        assertEquals(0, s.falsePositives(), s.toString());
        assertTrue(s.j() > 0.75, "mean IoU " + s.j());
        assertTrue(s.centroidErrorPx() < 1.5, "centroid error " + s.centroidErrorPx());
        assertEquals(0, s.orientationErrorDeg(), 5, "the ellipse's axis");
        // the otsu pipeline finds nothing of the kind
        SegmentationScores otsu = score(synth, new ClassicalDetector(DetectorSettings.defaults()
                .withThreshold(ThresholdMethod.OTSU)).detect(synth.frame(3), 0));
        assertEquals(0, otsu.truePositives(), otsu.toString());
    }

    @Test
    void touchingParticlesAreCutApartAndNumberedInRasterOrder() {
        SyntheticFrame synth = new SyntheticFrame(200, 160).noise(4)
                .add(Particle.disc(80.2, 80.4, 14, 40))
                .add(Particle.disc(106.7, 81.1, 14, 40));
        Segmentation seg = new ClassicalDetector(ClassicalSettings.blobs(8, 20)).detect(synth.frame(8), 2);
        SegmentationScores s = score(synth, seg);
        assertEquals(2, s.truePositives(), s.toString());
        assertTrue(s.j() > 0.8, "mean IoU " + s.j());
        List<Detection> d = seg.detections();
        assertEquals(1, d.get(0).label());
        assertEquals(2, d.get(0).frame());
        assertTrue(d.get(0).x() < d.get(1).x(), "same row of first pixels: left one first");
        Segmentation joined = new ClassicalDetector(ClassicalSettings.blobs(8, 20).toBuilder().splitTouching(false)
                .build()).detect(synth.frame(8), 2);
        assertEquals(1, joined.detections().size(), "without splitting, touching particles are one region");
    }

    @Test
    void sizeAndScoreFiltersApply() {
        SyntheticFrame synth = new SyntheticFrame(200, 200).noise(4)
                .add(Particle.disc(50.5, 50.5, 5, 40))
                .add(Particle.disc(140.5, 140.5, 12, 40));
        ClassicalSettings base = ClassicalSettings.blobs(4, 16);
        assertEquals(2, new ClassicalDetector(base).detect(synth.frame(1), 0).detections().size());
        ClassicalSettings bigOnly = base.toBuilder().detector(base.detector().withArea(200, 1000)).build();
        List<Detection> big = new ClassicalDetector(bigOnly).detect(synth.frame(1), 0).detections();
        assertEquals(1, big.size());
        assertEquals(140.5, big.get(0).x(), 1);
        assertTrue(big.get(0).score() > 0.99);
    }
}
