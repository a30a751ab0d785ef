package org.lptem.simulate;

import org.lptem.core.image.GaussianBlur;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Thickness maps and the detector blur, checked against geometry and analysis. */
class RenderingTest {

    @Test
    void thicknessMapCentroidFollowsTheSubPixelCentre() {
        Random r = new Random(4);
        int size = 41;
        double worst = 0;
        for (int k = 0; k < 300; k++) {
            double cx = 20 + r.nextDouble();
            double cy = 20 + r.nextDouble();
            double radius = 2 + 8 * r.nextDouble();
            double[] map = new double[size * size];
            ImageFormation.addThicknessPx(map, size, size, new Sphere(radius), cx, cy);
            double w = 0;
            double sx = 0;
            double sy = 0;
            for (int i = 0; i < map.length; i++) {
                w += map[i];
                sx += map[i] * (i % size);
                sy += map[i] * (i / size);
            }
            worst = Math.max(worst, Math.hypot(sx / w - cx, sy / w - cy));
        }
        // Pixel-centre point sampling errs by up to 0.09 px here; what remains is the pixel binning itself.
        assertTrue(worst < 0.012, "worst centroid error " + worst + " px");
    }

    @Test
    void thicknessMapHoldsTheSphereVolume() {
        Random r = new Random(8);
        for (int k = 0; k < 50; k++) {
            double radius = 2 + 8 * r.nextDouble();
            double[] map = new double[41 * 41];
            ImageFormation.addThicknessPx(map, 41, 41, new Sphere(radius), 20 + r.nextDouble(), 20 + r.nextDouble());
            double volume = 0;
            for (double t : map) {
                volume += t;
            }
            double exact = 4.0 / 3 * Math.PI * radius * radius * radius;
            assertEquals(exact, volume, 0.003 * exact, "radius " + radius);
        }
    }

    @Test
    void thicknessAtTheCentreIsTheDiameter() {
        double[] map = new double[21 * 21];
        ImageFormation.addThicknessPx(map, 21, 21, new Sphere(6), 10, 10);
        assertEquals(12, map[10 * 21 + 10], 1e-12);
        assertEquals(2 * Math.sqrt(36 - 9), map[10 * 21 + 13], 1e-12);
        assertEquals(0, map[10 * 21 + 17], 0, "beyond the rim");
        assertEquals(0, map[0], 0);
    }

    @Test
    void particlesAtTheEdgeAreClippedNotWrapped() {
        double[] map = new double[10 * 10];
        ImageFormation.addThicknessPx(map, 10, 10, new Sphere(3), 0, 0);
        assertEquals(6, map[0], 1e-12);
        assertEquals(0, map[9], 0, "nothing wraps to the far side of the row");
        assertEquals(0, map[99], 0);
    }

    @Test
    void blurKeepsMassAndConstantsAndSpreadsByItsSigma() {
        int w = 61;
        int h = 61;
        double[] img = new double[w * h];
        img[30 * w + 30] = 1000;
        GaussianBlur.blurInPlace(img, w, h, 2);
        double sum = 0;
        double var = 0;
        for (int i = 0; i < img.length; i++) {
            sum += img[i];
            int dx = i % w - 30;
            var += img[i] * dx * dx;
        }
        assertEquals(1000, sum, 1e-4); // the shared blur filters in float
        assertEquals(4, var / sum, 0.01, "variance along x of a blurred point = sigma^2");

        double[] flat = new double[7 * 5];
        java.util.Arrays.fill(flat, 3.25);
        GaussianBlur.blurInPlace(flat, 7, 5, 2.5); // kernel wider than the image: mirrored folding
        for (double v : flat) {
            assertEquals(3.25, v, 1e-12);
        }
    }

    @Test
    void mirrorIndexReflectsAboutTheBorderPixels() {
        assertEquals(0, GaussianBlur.reflect(-1, 5));
        assertEquals(1, GaussianBlur.reflect(-2, 5));
        assertEquals(4, GaussianBlur.reflect(5, 5));
        assertEquals(3, GaussianBlur.reflect(6, 5));
        assertEquals(2, GaussianBlur.reflect(2, 5));
        assertEquals(0, GaussianBlur.reflect(10, 5));
    }

    @Test
    void transmissionIsTheMassThicknessLaw() {
        SimulationSettings s = SimulationSettings.demo();
        ImageFormation optics = new ImageFormation(s);
        double background = Math.exp(-(100 / 185.0 + 2 * 50 / 144.0));
        assertEquals(background, optics.transmission(0), 1e-15);
        // 20 nm of gold displaces 20 nm of water.
        assertEquals(Math.exp(-(20 / 50.0 + 80 / 185.0 + 2 * 50 / 144.0)), optics.transmission(20), 1e-15);
        double n0 = s.incidentElectronsPerPixel();
        assertEquals(n0 * 0.95, optics.incidentElectrons(0), 1e-9, "gradient 0.1: left edge -5 %");
        assertEquals(n0 * 1.05, optics.incidentElectrons(255), 1e-9, "right edge +5 %");
    }
}
