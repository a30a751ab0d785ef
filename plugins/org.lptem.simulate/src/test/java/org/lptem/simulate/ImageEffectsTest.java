package org.lptem.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lptem.core.Frame;

/** The image-formation effects beyond the published model, each against what it must and must not change. */
class ImageEffectsTest {
    private static final double WATER = 185;
    private static final double SIN = 144;

    /** One still particle of the given kind in a 96 x 96 field. */
    private static SimulationSettings still(ShapeKind kind) {
        return SimulationSettings.demo().toBuilder().size(96, 96).particles(1).shape(kind).particleRadiusNm(16)
                .particleLengthNm(60).prismThicknessNm(8).radiusDispersity(0).diffusionNm2PerS(0)
                .illuminationGradient(0).readNoiseCounts(0).detectorBlurPx(0).bitDepth(16).build();
    }

    /** N0 exp(-(t/l_p + (t_liq - t)/l_water + 2 t_SiN/l_SiN)), written out independently of the implementation. */
    private static double law(SimulationSettings s, double particleNm) {
        return s.incidentElectronsPerPixel() * Math.exp(-(particleNm / s.particleMeanFreePathNm()
                + (s.liquidThicknessNm() - particleNm) / WATER + 2 * s.sinWindowThicknessNm() / SIN));
    }

    @ParameterizedTest
    @EnumSource(ShapeKind.class)
    void noiseFreeRenderIsTheMassThicknessLaw(ShapeKind kind) {
        SimulationSettings s = still(kind);
        Trajectories t = Trajectories.simulate(s);
        double[] mean = new ImageFormation(s).meanElectrons(t, 0);
        ParticleShape shape = t.shape(0, 0);
        double cx = t.x(0, 0);
        double cy = t.y(0, 0);
        int checked = 0;
        double deficit = 0;
        double expectedDeficit = 0;
        int sub = 16;
        for (int row = 0; row < 96; row++) {
            for (int col = 0; col < 96; col++) {
                double n = mean[row * 96 + col];
                if (shape.signedDistancePx(col - cx, row - cy) < -ImageFormation.SUPERSAMPLING_BAND_PX) {
                    double nm = shape.thicknessPx(col - cx, row - cy) * s.nmPerPixel();
                    assertEquals(law(s, nm), n, 0.01 * n, kind + " at " + col + ", " + row);
                    checked++;
                }
                deficit += law(s, 0) - n;
                // The pixel's mean of the law over a 16 x 16 grid: what an ideal detector pixel collects.
                double collected = 0;
                for (int j = 0; j < sub; j++) {
                    for (int i = 0; i < sub; i++) {
                        double dx = col - cx - 0.5 + (i + 0.5) / sub;
                        double dy = row - cy - 0.5 + (j + 0.5) / sub;
                        collected += law(s, shape.thicknessPx(dx, dy) * s.nmPerPixel()) / (sub * sub);
                    }
                }
                expectedDeficit += law(s, 0) - collected;
            }
        }
        assertTrue(checked > 20, kind + ": interior pixels checked: " + checked);
        assertEquals(expectedDeficit, deficit, 0.01 * expectedDeficit, kind + ": electrons removed by the particle");
        assertEquals(law(s, 0), mean[0], 1e-9 * mean[0], "background");
    }

    @Test
    void overlappingParticlesAttenuateByTheSumOfTheirThicknesses() {
        double[] map = new double[40 * 40];
        java.util.Arrays.fill(map, 1);
        double kappa = 0.02;
        Sphere a = new Sphere(6);
        Sphere b = new Sphere(5);
        Sprite.multiplyInto(map, 40, 40, new ParticleShape[] {a}, new double[] {18}, new double[] {20}, kappa, 0);
        Sprite.multiplyInto(map, 40, 40, new ParticleShape[] {b}, new double[] {22}, new double[] {20}, kappa, 0);
        // Pixel (20, 20) is 2 px from both centres: interior for both, so point-sampled.
        double t = a.thicknessPx(2, 0) + b.thicknessPx(-2, 0);
        assertEquals(Math.exp(-kappa * t), map[20 * 40 + 20], 1e-12);
        assertEquals(1.0, map[0], 0, "untouched pixels stay exactly 1");
    }

    private static double[] deficitMoments(double[] transmission, int w) {
        double sum = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < transmission.length; i++) {
            double d = 1 - transmission[i];
            sum += d;
            sx += d * (i % w);
            sy += d * (i / w);
        }
        double mx = sx / sum;
        double my = sy / sum;
        double[] m = {sum, mx, my, 0, 0, 0};
        for (int i = 0; i < transmission.length; i++) {
            double d = 1 - transmission[i];
            double dx = i % w - mx;
            double dy = i / w - my;
            m[3] += d * dx * dx / sum;
            m[4] += d * dy * dy / sum;
            m[5] += d * dx * dy / sum;
        }
        return m;
    }

    @Test
    void motionBlurSmearsAlongTheMotionKeepsTheDeficitAndTheCentre() {
        SimulationSettings sharp = still(ShapeKind.SPHERE).toBuilder().motion(MotionKind.DIRECTED).speedNmPerS(160)
                .frames(5).size(128, 128).build(); // 160 nm/s x 0.05 s / 2 nm/px = 4 px per frame
        SimulationSettings blurred = sharp.toBuilder().motionBlurSubframes(32).build();
        Trajectories t = Trajectories.simulate(sharp);
        double vx = t.x(0, 2) - t.x(0, 1);
        double vy = t.y(0, 2) - t.y(0, 1);
        assertEquals(4, Math.hypot(vx, vy), 1e-9);
        double[] a = deficitMoments(new ImageFormation(sharp).relativeTransmission(t, 2), 128);
        double[] b = deficitMoments(new ImageFormation(blurred).relativeTransmission(t, 2), 128);
        assertEquals(a[0], b[0], 0.002 * a[0], "the exposure-averaged deficit is the sharp one");
        assertEquals(t.x(0, 2), b[1], 0.02, "exposure centred on the frame time");
        assertEquals(t.y(0, 2), b[2], 0.02);
        // Uniform motion over the exposure adds v^2 / 12 of variance along the velocity, none across it.
        double ux = vx / 4;
        double uy = vy / 4;
        double along = b[3] * ux * ux + 2 * b[5] * ux * uy + b[4] * uy * uy;
        double alongSharp = a[3] * ux * ux + 2 * a[5] * ux * uy + a[4] * uy * uy;
        double across = b[3] * uy * uy - 2 * b[5] * ux * uy + b[4] * ux * ux;
        double acrossSharp = a[3] * uy * uy - 2 * a[5] * ux * uy + a[4] * ux * ux;
        assertEquals(16.0 / 12, along - alongSharp, 0.03 * 16 / 12);
        assertEquals(0, across - acrossSharp, 0.01);
    }

    @Test
    void defocusSpreadsTheParticleButRemovesTheSameElectrons() {
        double[] a = new double[64 * 64];
        double[] b = new double[64 * 64];
        java.util.Arrays.fill(a, 1);
        java.util.Arrays.fill(b, 1);
        ParticleShape[] cube = {new Cube(4, 0.3)};
        double[] cx = {31.3};
        double[] cy = {32.6};
        Sprite.multiplyInto(a, 64, 64, cube, cx, cy, 0.02, 0);
        Sprite.multiplyInto(b, 64, 64, cube, cx, cy, 0.02, 3);
        double[] ma = deficitMoments(a, 64);
        double[] mb = deficitMoments(b, 64);
        assertEquals(ma[0], mb[0], 1e-9 * ma[0], "a normalised disk keeps the deficit");
        assertEquals(ma[1], mb[1], 1e-9);
        assertEquals(ma[2], mb[2], 1e-9);
        // A disk of radius 3 has variance r^2 / 4 per axis (a little more with its soft rim).
        assertEquals(2.25, mb[3] - ma[3], 0.3);
        double minA = 1;
        double minB = 1;
        for (int i = 0; i < a.length; i++) {
            minA = Math.min(minA, a[i]);
            minB = Math.min(minB, b[i]);
        }
        assertTrue(minB > minA + 0.01, "the darkest pixel is lighter when defocused");
    }

    @Test
    void distractorsDarkenTheImageButNotTheTruth() {
        SimulationSettings plain = SimulationSettings.demo().toBuilder().frames(3).build();
        SimulationSettings withDistractors = plain.toBuilder().distractors(12).distractorBlurPx(5).build();
        SimulatedVideo a = new SimulatedVideo(plain);
        SimulatedVideo b = new SimulatedVideo(withDistractors);
        assertEquals(a.labels(1), b.labels(1));
        assertEquals(a.groundTruth(), b.groundTruth());
        double[] ta = new ImageFormation(plain).relativeTransmission(a.trajectories(), 1);
        double[] tb = new ImageFormation(withDistractors).relativeTransmission(b.trajectories(), 1);
        double removedA = 0;
        double removedB = 0;
        for (int i = 0; i < ta.length; i++) {
            removedA += 1 - ta[i];
            removedB += 1 - tb[i];
        }
        // Twelve more spheres of the same mean size remove about 12/8 more electrons than the eight particles.
        assertEquals(1.5, (removedB - removedA) / removedA, 0.5);
        assertEquals(12, b.trajectories().distractorCount());
    }

    @Test
    void doseFluctuatesFromFrameToFrameByTheRequestedAmount() {
        SimulationSettings s = SimulationSettings.demo().toBuilder().particles(0).frames(2000).doseFluctuation(0.1)
                .build();
        SimulatedVideo v = new SimulatedVideo(s);
        double nominal = v.backgroundElectronsPerPixel(0) / new ImageFormation(s).doseFactor(0);
        double sum = 0;
        double ss = 0;
        for (int f = 0; f < 2000; f++) {
            double r = v.backgroundElectronsPerPixel(f) / nominal;
            sum += r;
            ss += r * r;
        }
        double mean = sum / 2000;
        assertEquals(1, mean, 0.01);
        assertEquals(0.1, Math.sqrt(ss / 2000 - mean * mean), 0.01);
        // The recorded frames follow: a bright frame is brighter on average.
        int bright = 0;
        int dark = 0;
        for (int f = 1; f < 2000 && (bright == 0 || dark == 0); f++) {
            double r = v.backgroundElectronsPerPixel(f) / nominal;
            if (r > 1.15 && bright == 0) {
                bright = f;
            } else if (r < 0.85 && dark == 0) {
                dark = f;
            }
        }
        assertTrue(meanOf(v.frame(bright)) > meanOf(v.frame(dark)) + 3);
        SimulatedVideo steady = new SimulatedVideo(s.toBuilder().doseFluctuation(0).build());
        assertEquals(steady.backgroundElectronsPerPixel(0), steady.backgroundElectronsPerPixel(7), 0);
    }

    private static double meanOf(Frame f) {
        double s = 0;
        int n = f.width() * f.height();
        for (int i = 0; i < n; i++) {
            s += f.get(i);
        }
        return s / n;
    }

    @Test
    void untouchedPixelsKeepTheFieldBackgroundExactly() {
        SimulationSettings s = SimulationSettings.demo().toBuilder().frames(2).distractors(3).defocusBlurPx(2)
                .motionBlurSubframes(4).build();
        SimulatedVideo v = new SimulatedVideo(s);
        double[] a = new ImageFormation(s).relativeTransmission(v.trajectories(), 0);
        int untouched = 0;
        for (double x : a) {
            assertTrue(x > 0 && x <= 1);
            if (x == 1.0) {
                untouched++;
            }
        }
        assertTrue(untouched > a.length / 2, "most of the field is plain liquid: " + untouched);
        assertArrayEquals(a, new ImageFormation(s).relativeTransmission(v.trajectories(), 0));
        assertFalse(v.frame(0).equals(v.frame(1)));
    }
}
