package org.lptem.segment;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lptem.core.Detection;
import org.lptem.core.Frame;
import org.lptem.segment.ClassicalSettings.Background;
import org.lptem.segment.ClassicalSettings.Denoising;
import org.lptem.segment.ClassicalSettings.Foreground;
import org.lptem.segment.SyntheticFrame.Particle;

class ThresholdFamilyTest {

    private static final SyntheticFrame FOUR = new SyntheticFrame(256, 256).gradient(1.5, -1)
            .add(Particle.disc(60.3, 58.7, 7, 50))
            .add(Particle.disc(190.6, 64.2, 9, 50))
            .add(Particle.disc(70.45, 185.55, 10, 50))
            .add(Particle.disc(182.2, 178.9, 6, 50));

    private static void assertFindsFour(ClassicalSettings settings) {
        List<Detection> found = new ClassicalDetector(settings).detect(FOUR.frame(4), 0).detections();
        assertEquals(4, found.size(), settings.foreground() + "/" + settings.background() + ": " + found);
        for (Particle p : FOUR.particles()) {
            Detection d = found.stream().min((a, b) -> Double.compare(Math.hypot(a.x() - p.x(), a.y() - p.y()),
                    Math.hypot(b.x() - p.x(), b.y() - p.y()))).orElseThrow();
            assertEquals(p.x(), d.x(), 0.5, "x of " + p);
            assertEquals(p.y(), d.y(), 0.5, "y of " + p);
            assertEquals(p.area(), d.area(), 0.35 * p.area(), "area of " + p);
        }
    }

    private static ClassicalSettings.Builder base() {
        return ClassicalSettings.builder(DetectorSettings.defaults().withMinScore(0).withArea(20, 2000));
    }

    @Test
    void hysteresisFindsTheParticles() {
        // levels in noise sigmas of the smoothed image, where the contrast of 50 is about 18 sigmas: regions grow to
        // about half the contrast, where the blur leaves the edge, from seeds at three quarters
        assertFindsFour(base().foreground(Foreground.HYSTERESIS).hysteresis(8, 13).build());
    }

    @Test
    void localThresholdFindsTheParticlesWithoutAnyFlattening() {
        // the contrast of 50 is about 18 noise sigmas of the smoothed image: an offset of 8 is near half of it
        assertFindsFour(base().detector(DetectorSettings.defaults().withArea(20, 2000)).background(Background.NONE)
                .foreground(Foreground.LOCAL).local(25, 8).build());
    }

    @Test
    void rollingBallAndMedianFindTheParticles() {
        assertFindsFour(base().background(Background.ROLLING_BALL).foreground(Foreground.HYSTERESIS)
                .hysteresis(8, 13).build());
        assertFindsFour(base().denoising(Denoising.MEDIAN).detector(DetectorSettings.defaults().withMinScore(0)
                .withArea(20, 2000).withSmoothing(2).withThreshold(ThresholdMethod.OTSU)).build());
    }

    @Test
    void watershedSplitsTouchingParticlesOnlyWhenAsked() {
        SyntheticFrame pair = new SyntheticFrame(160, 120).noise(3)
                .add(Particle.disc(62.3, 60.2, 13, 60))
                .add(Particle.disc(86.8, 61.4, 13, 60));
        Frame frame = pair.frame(6);
        ClassicalSettings plain = base().detector(DetectorSettings.defaults().withMinScore(0)
                .withThreshold(ThresholdMethod.OTSU)).build();
        assertEquals(1, new ClassicalDetector(plain).detect(frame, 0).detections().size());
        List<Detection> split = new ClassicalDetector(plain.toBuilder().splitTouching(true).build())
                .detect(frame, 0).detections();
        assertEquals(2, split.size(), split.toString());
        assertEquals(62.3, split.get(0).x(), 1.5);
        assertEquals(86.8, split.get(1).x(), 1.5);
        assertEquals(Math.PI * 13 * 13, split.get(0).area(), 0.2 * Math.PI * 13 * 13);
    }
}
