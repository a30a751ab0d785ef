package org.lptem.segment;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.lptem.core.Detection;
import org.lptem.core.Frame;
import org.lptem.core.PixelType;
import org.lptem.segment.SyntheticFrame.Particle;
import org.junit.jupiter.api.Test;

class ClassicalDetectorTest {

    /** These tests measure shapes, which Otsu cuts most faithfully; the defaults favour robustness at low SNR. */
    private static DetectorSettings otsu() {
        return DetectorSettings.defaults().withThreshold(ThresholdMethod.OTSU).withMinScore(0);
    }


    /** Four dark particles (contrast 60 on noise 8) on a background with a 100 + 64 grey-level gradient. */
    private static SyntheticFrame fourParticles() {
        return new SyntheticFrame(256, 256)
                .add(Particle.disc(60.3, 58.7, 6, 60))
                .add(Particle.disc(190.6, 64.2, 8, 60))
                .add(Particle.disc(70.45, 185.55, 10, 60))
                .add(new Particle(182.2, 178.9, 14, 7, 30, 60));
    }

    private static Detection nearest(List<Detection> detections, double x, double y) {
        return detections.stream()
                .min((a, b) -> Double.compare(Math.hypot(a.x() - x, a.y() - y), Math.hypot(b.x() - x, b.y() - y)))
                .orElseThrow();
    }

    private static void assertMatches(SyntheticFrame synth, Segmentation seg) {
        assertEquals(synth.particles().size(), seg.detections().size(), seg.detections().toString());
        for (Particle p : synth.particles()) {
            Detection d = nearest(seg.detections(), p.x(), p.y());
            assertEquals(p.x(), d.x(), 0.2, "x of " + p);
            assertEquals(p.y(), d.y(), 0.2, "y of " + p);
            assertEquals(p.area(), d.area(), 0.1 * p.area(), "area of " + p);
            assertEquals(2 * p.semiA(), d.majorAxis(), 0.1 * 2 * p.semiA(), "major axis of " + p);
            assertEquals(2 * p.semiB(), d.minorAxis(), 0.1 * 2 * p.semiB(), "minor axis of " + p);
            assertTrue(d.score() > 0.99, "a particle at 7.5 times the pixel noise is certain: " + d.score());
        }
    }

    @Test
    void findsDarkParticlesWithAccurateShapes() {
        SyntheticFrame synth = fourParticles();
        Segmentation seg = new ClassicalDetector(otsu()).detect(synth.frame(11), 3);
        assertMatches(synth, seg);
        Detection ellipse = nearest(seg.detections(), 182.2, 178.9);
        assertEquals(30, ellipse.orientationDeg(), 2);
        for (Detection d : seg.detections()) {
            assertEquals(3, d.frame());
            // the mean of the raw pixels: background ~1000-1160 minus most of the 60 contrast
            assertTrue(d.meanIntensity() > 900 && d.meanIntensity() < 1130, "mean intensity " + d.meanIntensity());
        }
    }

    @Test
    void everyThresholdMethodFindsEachParticleOnce() {
        // Li cuts closer to the particles' level and Triangle closer to the background (its knee is the foot of the
        // noise peak), so areas differ by method; positions must not.
        SyntheticFrame synth = fourParticles();
        for (ThresholdMethod m : ThresholdMethod.values()) {
            List<Detection> found = new ClassicalDetector(otsu().withThreshold(m))
                    .detect(synth.frame(12), 0).detections();
            for (Particle p : synth.particles()) {
                List<Detection> near = found.stream().filter(d -> Math.hypot(d.x() - p.x(), d.y() - p.y()) < 3)
                        .toList();
                assertEquals(1, near.size(), m + " near " + p + ": " + near);
                assertEquals(p.x(), near.get(0).x(), 0.3, m + " x of " + p);
                assertEquals(p.y(), near.get(0).y(), 0.3, m + " y of " + p);
                assertTrue(near.get(0).score() > 0.99, m + " score of " + p);
            }
        }
    }

    @Test
    void integerFramesGiveTheSameResult() {
        SyntheticFrame synth = fourParticles();
        Frame u16 = synth.uint16Frame(11);
        assertEquals(PixelType.UINT16, u16.type());
        assertMatches(synth, new ClassicalDetector(otsu()).detect(u16, 0));
    }

    @Test
    void ellipseOrientationFollowsTheImageAxes() {
        // y points down, so an ellipse tilted "clockwise on screen" by 50 deg reports +50, one tilted the other
        // way -50; a vertical one 90.
        for (double angle : new double[] {50, -50, 90, -20}) {
            SyntheticFrame synth = new SyntheticFrame(128, 128).add(new Particle(63.4, 60.2, 15, 6, angle, 60));
            Detection d = new ClassicalDetector(otsu()).detect(synth.frame(5), 0)
                    .detections().get(0);
            assertEquals(angle, d.orientationDeg(), 2, "ellipse at " + angle);
        }
    }

    @Test
    void polarityDecidesWhichParticlesAreFound() {
        SyntheticFrame bright = new SyntheticFrame(256, 256)
                .add(Particle.disc(80.2, 90.7, 8, -60))
                .add(Particle.disc(170.5, 150.1, 10, -60));
        Frame frame = bright.frame(3);
        Segmentation found = new ClassicalDetector(otsu().withPolarity(Polarity.BRIGHT))
                .detect(frame, 0);
        assertMatches(bright, found);
        Segmentation dark = new ClassicalDetector(otsu().withPolarity(Polarity.DARK))
                .detect(frame, 0);
        for (Particle p : bright.particles()) {
            for (Detection d : dark.detections()) {
                boolean sameSpot = Math.hypot(d.x() - p.x(), d.y() - p.y()) < 2
                        && Math.abs(d.area() - p.area()) < 0.2 * p.area();
                assertFalse(sameSpot, "dark polarity found the bright particle " + p);
            }
        }
    }

    @Test
    void sizeFiltersKeepOnlyRegionsInRangeAndRenumberLabels() {
        SyntheticFrame synth = new SyntheticFrame(200, 200)
                .add(Particle.disc(40.5, 40.5, 3, 80)) // 28 px
                .add(Particle.disc(120.5, 50.5, 6, 80)) // 113 px
                .add(Particle.disc(60.5, 140.5, 10, 80)) // 314 px
                .add(Particle.disc(150.5, 150.5, 6.5, 80)); // 133 px
        DetectorSettings settings = otsu().withArea(50, 200);
        Segmentation seg = new ClassicalDetector(settings).detect(synth.frame(7), 2);
        assertEquals(2, seg.detections().size(), seg.detections().toString());
        Detection first = seg.detections().get(0);
        Detection second = seg.detections().get(1);
        assertEquals(120.5, first.x(), 0.2);
        assertEquals(150.5, second.x(), 0.2);
        assertEquals(1, first.label());
        assertEquals(2, second.label());
        // the label image holds exactly the kept regions, with the detections' areas and centroids
        long[] area = new long[3];
        double[] sumX = new double[3];
        for (int i = 0; i < seg.labels().length; i++) {
            int l = seg.labels()[i];
            assertTrue(l >= 0 && l <= 2, "label " + l);
            area[l]++;
            sumX[l] += i % seg.width();
        }
        assertEquals(first.area(), area[1]);
        assertEquals(second.area(), area[2]);
        assertEquals(first.x(), sumX[1] / area[1], 1e-9);
        assertEquals(second.x(), sumX[2] / area[2], 1e-9);

        assertEquals(4, new ClassicalDetector(otsu()).detect(synth.frame(7), 0)
                .detections().size());
        assertEquals(1, new ClassicalDetector(otsu().withArea(200, 400))
                .detect(synth.frame(7), 0).detections().size());
    }

    @Test
    void scoreRanksContrastAndMinScoreFiltersFaintRegions() {
        SyntheticFrame synth = new SyntheticFrame(256, 256)
                .add(Particle.disc(70.3, 128.6, 9, 60))
                .add(Particle.disc(180.7, 128.2, 9, 8));
        Frame frame = synth.frame(21);
        DetectorSettings settings = otsu().withThreshold(ThresholdMethod.TRIANGLE);
        List<Detection> all = new ClassicalDetector(settings).detect(frame, 0).detections();
        double strong = nearest(all, 70.3, 128.6).score();
        Detection faintDetection = nearest(all, 180.7, 128.2);
        assertEquals(180.7, faintDetection.x(), 1, "the faint particle is found at all");
        double faint = faintDetection.score();
        assertTrue(strong > 0.99, "strong " + strong);
        assertTrue(faint < strong - 0.05, "faint " + faint + " vs strong " + strong);
        List<Detection> kept = new ClassicalDetector(settings.withMinScore((faint + strong) / 2))
                .detect(frame, 0).detections();
        assertTrue(kept.stream().noneMatch(d -> Math.abs(d.x() - 180.7) < 2), kept.toString());
        assertTrue(kept.stream().anyMatch(d -> Math.abs(d.x() - 70.3) < 0.2), kept.toString());
    }

    @Test
    void scoreIsALogisticOfContrastToNoise() {
        assertEquals(0.5, ClassicalDetector.score(3.5 * 2, 2), 1e-12);
        assertTrue(ClassicalDetector.score(10, 1) > 0.999);
        assertTrue(ClassicalDetector.score(-3, 1) < 1e-5);
        assertEquals(1, ClassicalDetector.score(1, 0), 0);
        assertEquals(0, ClassicalDetector.score(-1, 0), 0);
        assertEquals(0, ClassicalDetector.score(50, Double.NaN), 0);
    }

    @Test
    void uniformFrameHasNoDetections() {
        Frame blank = Frame.blank(64, 48, PixelType.UINT8);
        for (int i = 0; i < 64 * 48; i++) {
            blank.set(i, 120);
        }
        Segmentation seg = new ClassicalDetector(otsu()).detect(blank, 0);
        assertTrue(seg.detections().isEmpty());
        assertArrayEquals(new int[64 * 48], seg.labels());
    }

    @Test
    void gradientAloneIsNotMistakenForParticlesAtTheBorders() {
        // Steep illumination gradient, no particles, little noise: a blur with reflected borders alone would turn
        // two edges into dark strips; the detector must find (almost) nothing there. With Triangle, only the noise
        // tail may be cut, giving small scattered blobs, not strips along an edge.
        SyntheticFrame synth = new SyntheticFrame(256, 256).gradient(2.0, -1.5).noise(4);
        Segmentation seg = new ClassicalDetector(otsu().withThreshold(ThresholdMethod.TRIANGLE))
                .detect(synth.frame(9), 0);
        for (Detection d : seg.detections()) {
            assertTrue(d.majorAxis() < 30, "an elongated region along an edge: " + d);
            assertTrue(d.score() < 0.5, "noise should not score as a particle: " + d);
        }
    }

    /**
     * A frame of one value has nothing to find, but its noise sigma is 0: every pixel was "at least 0 sigmas deep"
     * foreground under the hysteresis and local rules, and every region scored 1. The score filter is off (min score
     * 0), so only the detector's own check keeps these frames empty in every configuration.
     */
    @Test
    void constantFramesHaveNoParticlesInAnyConfiguration() {
        byte[] bright = new byte[48 * 40];
        java.util.Arrays.fill(bright, (byte) 200);
        List<Frame> frames = List.of(Frame.ofBytes(48, 40, new byte[48 * 40]), Frame.ofBytes(48, 40, bright));
        int runs = 0;
        for (Frame f : frames) {
            for (Polarity polarity : Polarity.values()) {
                DetectorSettings d = DetectorSettings.defaults().withPolarity(polarity).withMinScore(0)
                        .withArea(1, 1e6);
                for (ClassicalSettings.Background bg : ClassicalSettings.Background.values()) {
                    for (ClassicalSettings.Denoising dn : ClassicalSettings.Denoising.values()) {
                        for (ClassicalSettings.Foreground fg : ClassicalSettings.Foreground.values()) {
                            for (boolean split : new boolean[] {false, true}) {
                                ClassicalSettings cs = ClassicalSettings.builder(d).background(bg).denoising(dn)
                                        .foreground(fg).splitTouching(split).build();
                                Segmentation s = new ClassicalDetector(cs).segment(f, 3);
                                String what = f.get(0) + " " + polarity + " " + bg + "/" + dn + "/" + fg
                                        + (split ? "/split" : "");
                                assertEquals(List.of(), s.detections(), what);
                                assertEquals(0, java.util.Arrays.stream(s.labels()).max().orElse(0), what);
                                runs++;
                            }
                        }
                    }
                }
            }
        }
        assertEquals(2 * Polarity.values().length * ClassicalSettings.Background.values().length
                * ClassicalSettings.Denoising.values().length * ClassicalSettings.Foreground.values().length * 2, runs);
    }

    /** A noise-free rendering (a dark disc on a flat field) is still found, with a high score. */
    @Test
    void aNoiseFreeDiscIsFoundWithCertainty() {
        byte[] px = new byte[48 * 40];
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 48; x++) {
                px[y * 48 + x] = (byte) ((x - 24) * (x - 24) + (y - 20) * (y - 20) <= 25 ? 50 : 200);
            }
        }
        Segmentation s = new ClassicalDetector(DetectorSettings.defaults().withPolarity(Polarity.DARK))
                .segment(Frame.ofBytes(48, 40, px), 0);
        assertEquals(1, s.detections().size(), s.detections().toString());
        assertEquals(24, s.detections().get(0).x(), 0.5);
        assertEquals(20, s.detections().get(0).y(), 0.5);
        assertTrue(s.detections().get(0).score() > 0.99, s.detections().toString());
    }
}
