package org.lptem.segment;

import static org.junit.jupiter.api.Assertions.*;
import static org.lptem.segment.MaskFixtures.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegionPropertiesTest {

    private static List<Region> measure(int width, int[] labels) {
        float[] intensity = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            intensity[i] = i;
        }
        return RegionProperties.measure(labels, LabelImages.maxLabel(labels), width, intensity);
    }

    @Test
    void squareHasItsHandComputedProperties() {
        // a 10 x 10 square at (2..11, 3..12) in a 15 x 15 image
        int[] labels = new int[15 * 15];
        for (int y = 3; y <= 12; y++) {
            for (int x = 2; x <= 11; x++) {
                labels[y * 15 + x] = 1;
            }
        }
        Region r = measure(15, labels).get(0);
        assertEquals(100, r.area());
        assertEquals(6.5, r.x(), 1e-12);
        assertEquals(7.5, r.y(), 1e-12);
        // every border pixel sees two border neighbours in line (or two at a corner): 36 straight steps
        assertEquals(36, r.perimeter(), 1e-12);
        assertEquals(1, r.solidity(), 1e-12);
        assertEquals(0, r.eccentricity(), 1e-12);
        assertEquals(2, r.minX());
        assertEquals(3, r.minY());
        assertEquals(11, r.maxX());
        assertEquals(12, r.maxY());
        // mean of the index image: row means 15 y + 6.5 over y = 3..12
        assertEquals(15 * 7.5 + 6.5, r.meanIntensity(), 1e-9);
        assertEquals(Math.sqrt(400 / Math.PI), r.equivalentDiameter(), 1e-12);
    }

    @Test
    void smallShapesFollowTheEstimators() {
        List<Region> regions = measure(7, labels(
                "11.....",
                "11..2..",
                "....22.",
                "3......",
                "3......",
                "3......"));
        Region square = regions.get(0);
        Region ell = regions.get(1);
        Region bar = regions.get(2);
        assertEquals(4, square.perimeter(), 1e-12);
        // the L: its two ends see one straight and one diagonal border neighbour ((1 + sqrt 2) / 2 each), its corner
        // two straight ones (1)
        assertEquals(3, ell.area());
        assertEquals(2 + Math.sqrt(2), ell.perimeter(), 1e-12);
        // hull of the pixel squares: the 2 x 2 box minus the half-square cut off at the empty corner
        assertEquals(3 / 3.5, ell.solidity(), 1e-12);
        assertEquals(1, bar.eccentricity(), 1e-12);
        assertEquals(90, bar.orientationDeg(), 1e-12);
        assertEquals(4 * Math.sqrt(2.0 / 3), bar.majorAxis(), 1e-12);
        assertEquals(0, bar.minorAxis(), 1e-12);
    }

    @Test
    void discPerimeterIsScikitImages() {
        int[] labels = new int[61 * 61];
        disc(labels, 61, 30, 30, 20, 1);
        Region r = measure(61, labels).get(0);
        // skimage.measure.perimeter of this mask (its algorithm run in numpy): 5 % above 2 pi r, as that estimator
        // is on digital discs
        assertEquals(131.88225099390857, r.perimeter(), 1e-9);
        // the hull of the pixel squares reaches half a pixel beyond the pixel centres all round: pi 20.5^2 / 1257
        assertTrue(r.solidity() > 0.94 && r.solidity() < 0.97, "disc solidity " + r.solidity());
    }

    @Test
    void detectionsCarryTheMoments() {
        Region r = measure(7, labels("..11...", "..11...")).get(0);
        var d = r.toDetection(4, 0.7);
        assertEquals(4, d.frame());
        assertEquals(2.5, d.x(), 1e-12);
        assertEquals(0.5, d.y(), 1e-12);
        assertEquals(4, d.area());
        assertEquals(0.7, d.score());
        assertEquals(1, d.label());
    }
}
