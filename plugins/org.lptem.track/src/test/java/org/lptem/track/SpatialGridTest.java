package org.lptem.track;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SpatialGridTest {

    @Test
    void findsExactlyThePointsABruteForceSearchFinds() {
        Random random = new Random(3);
        int n = 3000;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            // negative coordinates and points exactly on cell borders included
            xs[i] = i % 50 == 0 ? 7.0 * (i / 50 - 20) : 300 * random.nextDouble() - 100;
            ys[i] = i % 70 == 0 ? -14.0 : 300 * random.nextDouble() - 100;
        }
        SpatialGrid grid = new SpatialGrid(xs, ys, 7);
        for (int q = 0; q < 500; q++) {
            double x = q % 25 == 0 ? 0 : 320 * random.nextDouble() - 110;
            double y = q % 25 == 0 ? -7 : 320 * random.nextDouble() - 110;
            double radius = q % 2 == 0 ? 7 : 3.5;
            TreeMap<Integer, Double> expected = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                double d2 = (xs[i] - x) * (xs[i] - x) + (ys[i] - y) * (ys[i] - y);
                if (d2 <= radius * radius) {
                    expected.put(i, d2);
                }
            }
            TreeMap<Integer, Double> found = new TreeMap<>();
            grid.forEachWithin(x, y, radius, (i, d2) -> assertNull(found.put(i, d2), "visited twice: " + i));
            assertEquals(expected, found, "query " + q);
        }
    }

    @Test
    void emptyGridFindsNothing() {
        List<Integer> found = new ArrayList<>();
        new SpatialGrid(new double[0], new double[0], 1).forEachWithin(0, 0, 1, (i, d2) -> found.add(i));
        assertTrue(found.isEmpty());
    }
}
