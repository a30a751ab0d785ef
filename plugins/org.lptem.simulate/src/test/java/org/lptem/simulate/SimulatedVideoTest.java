package org.lptem.simulate;

import org.lptem.core.image.GaussianBlur;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lptem.core.Detection;
import org.lptem.core.Frame;
import org.lptem.core.LptemException;
import org.lptem.core.PixelType;
import org.lptem.core.Track;

class SimulatedVideoTest {

    /** The published mass-thickness law, written out independently of the implementation. */
    private static double expectedCounts(SimulationSettings s, double particleNm) {
        double n0 = s.doseRateElectronsPerA2PerS() * 100 * s.nmPerPixel() * s.nmPerPixel() * s.exposureS();
        return s.gainCountsPerElectron() * n0 * Math.exp(-(particleNm / s.particleMeanFreePathNm()
                + (s.liquidThicknessNm() - particleNm) / 185 + 2 * s.sinWindowThicknessNm() / 144));
    }

    private static double toCounts(SimulatedVideo v, double value) {
        return (value - v.outputOffset()) / v.outputScale();
    }

    private static SimulationSettings emptyCell() {
        return SimulationSettings.demo().toBuilder().particles(0).illuminationGradient(0).build();
    }

    /** One particle standing still, lots of electrons, an ideal detector: the mean image, nearly noise-free. */
    private static SimulationSettings cleanOneParticle() {
        return SimulationSettings.demo().toBuilder().particles(1).diffusionNm2PerS(0).doseRateElectronsPerA2PerS(1000)
                .detectorBlurPx(0).readNoiseCounts(0).illuminationGradient(0).bitDepth(16).size(64, 64).build();
    }

    @Test
    void framesDependOnSeedAndIndexOnly() {
        SimulatedVideo v = new SimulatedVideo(SimulationSettings.demo());
        Frame first = v.frame(7);
        assertEquals(first, v.frame(7));
        v.frame(3);
        v.frame(59);
        assertEquals(first, v.frame(7), "reading other frames must not change frame 7");

        SimulatedVideo twin = new SimulatedVideo(SimulationSettings.demo());
        for (int f = 0; f < v.frameCount(); f += 11) {
            assertEquals(v.frame(f), twin.frame(f));
        }
        // Every frame gets fresh noise: two frames of an empty cell are uncorrelated pixel for pixel.
        SimulatedVideo empty = new SimulatedVideo(emptyCell());
        assertTrue(Math.abs(correlation(empty.frame(3), empty.frame(4))) < 0.02);
        assertTrue(correlation(empty.frame(3), empty.frame(3)) > 0.999);

        SimulatedVideo other = new SimulatedVideo(SimulationSettings.demo().toBuilder().seed(2).build());
        assertNotEquals(v.frame(7), other.frame(7));
        assertNotEquals(v.groundTruth().get(0).points().get(0).x(), other.groundTruth().get(0).points().get(0).x());
    }

    private static double correlation(Frame a, Frame b) {
        int n = a.width() * a.height();
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a.get(i) / n;
            mb += b.get(i) / n;
        }
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            sab += (a.get(i) - ma) * (b.get(i) - mb);
            saa += (a.get(i) - ma) * (a.get(i) - ma);
            sbb += (b.get(i) - mb) * (b.get(i) - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    @Test
    void aLongerVideoStartsWithTheShorterOne() {
        SimulatedVideo shortRun = new SimulatedVideo(SimulationSettings.demo().toBuilder().frames(10).build());
        SimulatedVideo longRun = new SimulatedVideo(SimulationSettings.demo().toBuilder().frames(100_000).build());
        assertEquals(shortRun.frame(9), longRun.frame(9));
        assertEquals(256, longRun.frame(99_999).width(), "any frame of a long video renders on demand");
    }

    @Test
    void backgroundLevelIsTheMassThicknessPrediction() {
        for (SimulationSettings s : List.of(emptyCell(), emptyCell().toBuilder().bitDepth(16).build(),
                emptyCell().toBuilder().doseRateElectronsPerA2PerS(300).liquidThicknessNm(250).build())) {
            SimulatedVideo v = new SimulatedVideo(s);
            Frame f = v.frame(0);
            double sum = 0;
            for (int i = 0; i < 256 * 256; i++) {
                sum += f.get(i);
            }
            double measured = toCounts(v, sum / (256 * 256));
            double expected = expectedCounts(s, 0);
            assertEquals(expected, measured, 0.005 * expected, s.toString());
            assertEquals(Math.ceil(((1 << s.bitDepth()) - 1) / 2.0), sum / (256 * 256), 0.005 * 128,
                    "the background sits mid-range");
        }
    }

    @Test
    void noiseIsShotNoiseThenBlurThenReadNoise() {
        SimulationSettings plain = emptyCell().toBuilder().bitDepth(16).detectorBlurPx(0).readNoiseCounts(3).build();
        double electrons = expectedCounts(plain, 0) / plain.gainCountsPerElectron();
        double g = plain.gainCountsPerElectron();
        // Poisson: variance = mean electrons, times gain^2 in counts; read noise adds its own variance.
        assertEquals(g * g * electrons + 9, countVariance(plain), 0.03 * (g * g * electrons + 9));

        SimulationSettings blurred = plain.toBuilder().detectorBlurPx(1.2).build();
        double sumK2 = 0;
        for (double k : GaussianBlur.kernel(1.2)) {
            // Separable: the 2D kernel's squared weights sum to the square of the 1D sum.
            sumK2 += k * k;
        }
        double expected = g * g * electrons * sumK2 * sumK2 + 9;
        assertEquals(expected, countVariance(blurred), 0.03 * expected, "blur smooths shot noise only");
    }

    private static double countVariance(SimulationSettings s) {
        SimulatedVideo v = new SimulatedVideo(s);
        Frame f = v.frame(2);
        int n = s.width() * s.height();
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += f.get(i);
        }
        mean /= n;
        double var = 0;
        for (int i = 0; i < n; i++) {
            var += (f.get(i) - mean) * (f.get(i) - mean);
        }
        return var / (n - 1) / (v.outputScale() * v.outputScale());
    }

    @Test
    void illuminationGradientRunsAcrossTheField() {
        SimulationSettings s = emptyCell().toBuilder().illuminationGradient(0.2).bitDepth(16).build();
        SimulatedVideo v = new SimulatedVideo(s);
        double left = 0;
        double right = 0;
        // Four frames: one frame's 2048 pixels a side leave the ratio a shot-noise error of 0.6 %.
        for (int frame = 0; frame < 4; frame++) {
            Frame f = v.frame(frame);
            for (int row = 0; row < 256; row++) {
                for (int col = 0; col < 8; col++) {
                    left += toCounts(v, f.get(col, row));
                    right += toCounts(v, f.get(255 - col, row));
                }
            }
        }
        // Columns 0-7 and 248-255 average 1 -/+ 0.2 x (0.5 - 3.5/255).
        double edge = 0.2 * (0.5 - 3.5 / 255);
        assertEquals((1 + edge) / (1 - edge), right / left, 0.01);
    }

    @Test
    void particleCentreHasThePredictedContrast() {
        SimulationSettings s = cleanOneParticle();
        SimulatedVideo v = new SimulatedVideo(s);
        Detection truth = v.groundTruth().get(0).points().get(0);
        int col = (int) Math.round(truth.x());
        int row = (int) Math.round(truth.y());
        double radiusNm = Math.sqrt(truth.area() / Math.PI) * s.nmPerPixel();
        double r = Math.hypot(col - truth.x(), row - truth.y()) * s.nmPerPixel();
        double thickness = 2 * Math.sqrt(radiusNm * radiusNm - r * r);
        double centre = 0;
        double background = 0;
        int frames = 20;
        for (int f = 0; f < frames; f++) {
            Frame image = v.frame(f);
            centre += toCounts(v, image.get(col, row)) / frames;
            background += toCounts(v, image.get(0, 0)) / frames;
        }
        assertEquals(expectedCounts(s, thickness), centre, 0.01 * centre);
        double contrast = 1 - centre / background;
        double expectedContrast = 1 - expectedCounts(s, thickness) / expectedCounts(s, 0);
        assertEquals(expectedContrast, contrast, 0.03 * expectedContrast);
        assertTrue(expectedContrast > 0.3, "a ~28 nm gold sphere blocks about a third of the beam");
    }

    @Test
    void renderedParticlesSitAtTheirGroundTruthPositions() {
        // Low noise: the contrast-weighted centroid of each particle must land on its true centre, which checks
        // the pixel-centre origin and that x is the column and y the row.
        SimulationSettings s = SimulationSettings.demo().toBuilder().doseRateElectronsPerA2PerS(2000).bitDepth(16)
                .detectorBlurPx(0).readNoiseCounts(0).illuminationGradient(0).drift(0.3, 0.1).build();
        SimulatedVideo v = new SimulatedVideo(s);
        int frame = 40;
        Frame image = v.frame(frame);
        double bg = expectedCounts(s, 0);
        for (Track track : v.groundTruth()) {
            Detection d = track.points().get(frame);
            double reach = Math.sqrt(d.area() / Math.PI) + 2;
            if (overlapsAnother(v, track.particle(), frame)) {
                continue;
            }
            double w = 0;
            double sx = 0;
            double sy = 0;
            for (int row = (int) (d.y() - reach); row <= d.y() + reach; row++) {
                for (int col = (int) (d.x() - reach); col <= d.x() + reach; col++) {
                    double deficit = bg - toCounts(v, image.get(col, row));
                    if (Math.hypot(col - d.x(), row - d.y()) <= reach) {
                        w += deficit;
                        sx += deficit * col;
                        sy += deficit * row;
                    }
                }
            }
            assertEquals(d.x(), sx / w, 0.05, "x of particle " + track.particle());
            assertEquals(d.y(), sy / w, 0.05, "y of particle " + track.particle());
        }
    }

    private static boolean overlapsAnother(SimulatedVideo v, int particle, int frame) {
        Detection a = v.groundTruth().get(particle - 1).points().get(frame);
        for (Track t : v.groundTruth()) {
            Detection b = t.points().get(frame);
            double gap = Math.sqrt(a.area() / Math.PI) + Math.sqrt(b.area() / Math.PI) + 5;
            if (t.particle() != particle && Math.hypot(a.x() - b.x(), a.y() - b.y()) < gap) {
                return true;
            }
        }
        return false;
    }

    @Test
    void demoHasTheIntendedSignalToNoise() {
        SimulatedVideo v = new SimulatedVideo(SimulationSettings.demo());
        double sum = 0;
        for (int f = 0; f < v.frameCount(); f += 10) {
            double snr = v.measuredSnr(f);
            assertTrue(snr > 2 && snr < 5, "frame " + f + ": SNR " + snr);
            sum += snr;
        }
        assertEquals(3, sum / 6, 0.5);
        // ... and nothing clips in 8 bits.
        Frame f = v.frame(0);
        for (int i = 0; i < 256 * 256; i++) {
            assertTrue(f.get(i) > 0 && f.get(i) < 255, "clipped pixel " + i);
        }
    }

    @Test
    void snrFollowsTheDose() {
        SimulationSettings base = SimulationSettings.demo().toBuilder().readNoiseCounts(0).illuminationGradient(0)
                .bitDepth(16).build();
        double low = new SimulatedVideo(base).measuredSnr(0);
        double high = new SimulatedVideo(base.toBuilder().doseRateElectronsPerA2PerS(
                4 * base.doseRateElectronsPerA2PerS()).build()).measuredSnr(0);
        // Shot-noise limited: four times the electrons, twice the SNR.
        assertEquals(2, high / low, 0.15);
        assertTrue(Double.isNaN(new SimulatedVideo(emptyCell()).measuredSnr(0)), "no particles, no SNR");
    }

    @Test
    void labelsMarkTheTrueDisks() {
        SimulatedVideo v = new SimulatedVideo(SimulationSettings.demo());
        Frame labels = v.labels(12);
        assertEquals(PixelType.UINT16, labels.type());
        int[] counts = new int[v.trajectories().particleCount() + 1];
        for (int i = 0; i < 256 * 256; i++) {
            counts[(int) labels.get(i)]++;
        }
        for (Track t : v.groundTruth()) {
            Detection d = t.points().get(12);
            double radius = Math.sqrt(d.area() / Math.PI);
            assertEquals(t.particle(), (int) labels.get((int) Math.round(d.x()), (int) Math.round(d.y())));
            // The pixel count of a disk differs from its area by a fraction of its perimeter.
            assertEquals(d.area(), counts[t.particle()], 0.5 * 2 * Math.PI * radius, "area of " + t.particle());
            int outside = (int) Math.round(d.x() + radius + 1.5);
            if (outside < 256) {
                assertNotEquals(t.particle(), (int) labels.get(outside, (int) Math.round(d.y())));
            }
        }
    }

    @Test
    void laterParticlesAreDrawnOnTopOfEarlierOnes() {
        SimulationSettings s = SimulationSettings.demo().toBuilder().size(60, 60).particles(2).frames(2000)
                .diffusionNm2PerS(500).radiusDispersity(0).build();
        SimulatedVideo v = new SimulatedVideo(s);
        Trajectories t = v.trajectories();
        for (int f = 0; f < s.frames(); f++) {
            double dx = t.x(1, f) - t.x(0, f);
            double dy = t.y(1, f) - t.y(0, f);
            if (Math.hypot(dx, dy) < 7) {
                int col = (int) Math.round(t.x(0, f) + dx / 2);
                int row = (int) Math.round(t.y(0, f) + dy / 2);
                assertEquals(2, (int) v.labels(f).get(col, row), "frame " + f);
                return;
            }
        }
        throw new AssertionError("the two particles never overlapped");
    }

    @Test
    void groundTruthDescribesEveryParticleInEveryFrame() {
        SimulatedVideo v = new SimulatedVideo(SimulationSettings.demo());
        List<Track> tracks = v.groundTruth();
        assertEquals(8, tracks.size());
        Set<Double> areas = new HashSet<>();
        for (int p = 0; p < tracks.size(); p++) {
            Track t = tracks.get(p);
            assertEquals(p + 1, t.particle());
            assertEquals(60, t.size());
            double r = v.trajectories().radiusPx(p);
            for (int f = 0; f < 60; f++) {
                Detection d = t.points().get(f);
                assertEquals(f, d.frame());
                assertEquals(v.trajectories().x(p, f), d.x());
                assertEquals(v.trajectories().y(p, f), d.y());
                assertEquals(Math.PI * r * r, d.area(), 1e-9);
                assertEquals(2 * r, d.majorAxis(), 1e-12);
                assertTrue(Double.isNaN(d.orientationDeg()));
                assertEquals(1, d.score());
                assertEquals(p + 1, d.label());
            }
            areas.add(t.points().get(0).area());
        }
        assertTrue(areas.size() > 1, "radius dispersity 0.1 gives different sizes");
    }

    @Test
    void describesItselfAsAVideo() throws Exception {
        try (SimulatedVideo v = new SimulatedVideo(SimulationSettings.demo())) {
            assertEquals(60, v.frameCount());
            assertEquals(256, v.width());
            assertEquals(256, v.height());
            assertEquals(PixelType.UINT8, v.pixelType());
            assertEquals(PixelType.UINT8, v.frame(0).type());
            assertEquals(2, v.calibration().nmPerPixel().getAsDouble());
            assertEquals(0.05, v.calibration().secondsPerFrame().getAsDouble());
            assertEquals("simulated:1", v.source());
            assertEquals("simulated", v.format());
        }
        SimulatedVideo wide = new SimulatedVideo(SimulationSettings.demo().toBuilder().bitDepth(16).build());
        assertEquals(PixelType.UINT16, wide.frame(0).type());
    }

    @Test
    void framesOutsideTheVideoAreRejected() {
        SimulatedVideo v = new SimulatedVideo(SimulationSettings.demo());
        LptemException e = assertThrows(LptemException.class, () -> v.frame(60));
        assertTrue(e.getMessage().contains("frame 60") && e.getMessage().contains("simulated:1"), e.getMessage());
        assertThrows(LptemException.class, () -> v.frame(-1));
        assertThrows(LptemException.class, () -> v.labels(60));
        assertThrows(LptemException.class, () -> v.measuredSnr(-1));
    }
}
