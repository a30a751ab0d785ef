package org.lptem.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Rods, prisms and cubes against their geometry: volume, area, centre, orientation, symmetry. */
class ShapesTest {
    private static final int SIZE = 81;

    private static double[] render(ParticleShape shape, double cx, double cy) {
        double[] map = new double[SIZE * SIZE];
        ImageFormation.addThicknessPx(map, SIZE, SIZE, shape, cx, cy);
        return map;
    }

    private static double sum(double[] map) {
        double s = 0;
        for (double v : map) {
            s += v;
        }
        return s;
    }

    /** Thickness-weighted moments: {sum, mean x, mean y, mu20, mu02, mu11}. */
    private static double[] moments(double[] map) {
        double w = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < map.length; i++) {
            w += map[i];
            sx += map[i] * (i % SIZE);
            sy += map[i] * (i / SIZE);
        }
        double mx = sx / w;
        double my = sy / w;
        double m20 = 0;
        double m02 = 0;
        double m11 = 0;
        for (int i = 0; i < map.length; i++) {
            double dx = i % SIZE - mx;
            double dy = i / SIZE - my;
            m20 += map[i] * dx * dx;
            m02 += map[i] * dy * dy;
            m11 += map[i] * dx * dy;
        }
        return new double[] {w, mx, my, m20 / w, m02 / w, m11 / w};
    }

    @Test
    void renderedVolumesAreTheSolidVolumes() {
        Random r = new Random(3);
        for (int k = 0; k < 20; k++) {
            double angle = 2 * Math.PI * r.nextDouble();
            double cx = 40 + r.nextDouble();
            double cy = 40 + r.nextDouble();
            double rad = 3 + 3 * r.nextDouble();
            double len = 2 * rad + 20 * r.nextDouble();
            double rodVolume = Math.PI * rad * rad * (len - 2 * rad) + 4.0 / 3 * Math.PI * rad * rad * rad;
            assertEquals(rodVolume, sum(render(new Rod(rad, len, angle), cx, cy)), 0.003 * rodVolume, "rod");
            double edge = 15 + 20 * r.nextDouble();
            double prismVolume = Math.sqrt(3) / 4 * edge * edge * 4;
            assertEquals(prismVolume, sum(render(new TriangularPrism(edge, 4, angle), cx, cy)), 0.003 * prismVolume,
                    "prism");
            double cubeVolume = edge * edge * edge;
            assertEquals(cubeVolume, sum(render(new Cube(edge, angle), cx, cy)), 0.003 * cubeVolume, "cube");
        }
    }

    @Test
    void centroidsFollowTheSubPixelCentre() {
        Random r = new Random(5);
        for (int k = 0; k < 40; k++) {
            double angle = 2 * Math.PI * r.nextDouble();
            double cx = 40 + r.nextDouble();
            double cy = 40 + r.nextDouble();
            for (ParticleShape s : List.of(new Rod(4, 30, angle), new TriangularPrism(30, 5, angle),
                    new Cube(20, angle))) {
                double[] m = moments(render(s, cx, cy));
                // Straight edges crossing the 8 x 8 sub-pixel grid leave up to ~0.03 px; a wrong origin would be 0.5.
                assertEquals(cx, m[1], 0.04, s.getClass().getSimpleName() + " x");
                assertEquals(cy, m[2], 0.04, s.getClass().getSimpleName() + " y");
            }
        }
    }

    @Test
    void rodLongAxisPointsAlongItsOrientation() {
        for (double deg : new double[] {-80, -30, 0, 17, 45, 89, 135, 200}) {
            Rod rod = new Rod(5, 40, Math.toRadians(deg));
            double[] m = moments(render(rod, 40.3, 39.8));
            // The angle of the principal axis from central moments, (-90, 90], clockwise on screen (y down).
            double measured = Math.toDegrees(0.5 * Math.atan2(2 * m[5], m[3] - m[4]));
            assertEquals(rod.orientationDeg(), measured, 0.3, "rod at " + deg);
            assertEquals(TurnedShape.reduce(deg, 180), rod.orientationDeg(), 1e-9);
        }
    }

    @Test
    void outlinesAreWhatTheirNamesSay() {
        Rod rod = new Rod(5, 40, 0);
        assertEquals(10, rod.thicknessPx(0, 0), 1e-12, "a rod is as thick as it is wide");
        assertEquals(10, rod.thicknessPx(14.9, 0), 1e-12, "all along the cylinder");
        assertEquals(2 * Math.sqrt(25 - 9), rod.thicknessPx(18, 0), 1e-12, "3 px into the cap of centre 15");
        assertEquals(0, rod.thicknessPx(20.01, 0));
        assertEquals(-5, rod.signedDistancePx(3, 0), 1e-12);
        assertEquals(2, rod.signedDistancePx(0, 7), 1e-12);
        assertEquals(40, rod.majorAxisPx());
        assertEquals(10, rod.minorAxisPx());
        assertEquals(20, rod.boundingRadiusPx());
        assertEquals(Math.PI * 25 + 30 * 10, rod.areaPx2(), 1e-9);
        Rod turned = (Rod) rod.rotatedTo(Math.PI / 2);
        assertEquals(10, turned.thicknessPx(0, 14.9), 1e-12, "turned 90 degrees the rod runs along y");
        assertEquals(0, turned.thicknessPx(14.9, 0));

        Cube cube = new Cube(10, 0);
        assertEquals(10, cube.thicknessPx(4.9, -4.9));
        assertEquals(0, cube.thicknessPx(5.1, 0));
        assertEquals(Math.hypot(1, 1), cube.signedDistancePx(6, 6), 1e-12, "beyond a corner: distance to it");
        assertEquals(-2, cube.signedDistancePx(3, 0), 1e-12);
        ParticleShape diamond = cube.rotatedTo(Math.PI / 4);
        assertTrue(diamond.covers(7, 0) && !cube.covers(7, 0), "turned 45 degrees a corner points along x");

        TriangularPrism prism = new TriangularPrism(30, 4, 0);
        double circumradius = 30 / Math.sqrt(3);
        assertTrue(prism.covers(circumradius - 0.01, 0), "the first vertex points along the orientation");
        assertTrue(!prism.covers(-circumradius + 0.01, 0), "and the opposite edge lies at the inradius");
        assertTrue(prism.covers(-circumradius / 2 + 0.01, 0));
        assertEquals(4, prism.thicknessPx(0, 0));
        assertEquals(Math.sqrt(3) / 4 * 900, prism.areaPx2(), 1e-9);
    }

    @Test
    void symmetricTurnsLeaveTheImageAndReducedAngleUnchanged() {
        ParticleShape prism = new TriangularPrism(30, 4, 0.3);
        ParticleShape prismTurned = prism.rotatedTo(0.3 + 2 * Math.PI / 3);
        ParticleShape cube = new Cube(20, 0.2);
        ParticleShape cubeTurned = cube.rotatedTo(0.2 + Math.PI / 2);
        assertEquals(prism.orientationDeg(), prismTurned.orientationDeg(), 1e-9);
        assertEquals(cube.orientationDeg(), cubeTurned.orientationDeg(), 1e-9);
        double[] a = render(prism, 40.2, 40.7);
        double[] b = render(prismTurned, 40.2, 40.7);
        double[] c = render(cube, 40.2, 40.7);
        double[] d = render(cubeTurned, 40.2, 40.7);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i], b[i], 1e-9);
            assertEquals(c[i], d[i], 1e-9);
        }
        assertTrue(prism.orientationDeg() > -60 && prism.orientationDeg() <= 60);
        assertTrue(cube.orientationDeg() > -45 && cube.orientationDeg() <= 45);
        assertEquals(-40, TurnedShape.reduce(320, 90), 1e-9);
        assertEquals(45, TurnedShape.reduce(-45, 90), 1e-9);
    }

    @Test
    void settingsMakeShapesOfTheRequestedSize() {
        SimulationSettings s = SimulationSettings.demo().toBuilder().nmPerPixel(0.5).particleRadiusNm(4)
                .particleLengthNm(30).prismThicknessNm(6).build();
        Rod rod = (Rod) ShapeKind.ROD.create(s, 1.1);
        assertEquals(66, rod.majorAxisPx(), 1e-9);
        assertEquals(17.6, rod.minorAxisPx(), 1e-9);
        assertEquals(12 * 1.1, ShapeKind.PRISM.create(s, 1.1).maxThicknessPx(), 1e-9);
        assertEquals(60, ShapeKind.CUBE.create(s, 1).maxThicknessPx(), 1e-9);
        assertEquals(8, ShapeKind.SPHERE.create(s, 1).boundingRadiusPx(), 1e-9);
    }
}
