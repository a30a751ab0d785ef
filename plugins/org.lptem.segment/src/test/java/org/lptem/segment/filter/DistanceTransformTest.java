package org.lptem.segment.filter;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DistanceTransformTest {

    @Test
    void squaredDistancesEqualABruteForceSearch() {
        int w = 23;
        int h = 17;
        Random random = new Random(3);
        boolean[] sites = new boolean[w * h];
        for (int i = 0; i < sites.length; i++) {
            sites[i] = random.nextDouble() < 0.04;
        }
        float[] d = DistanceTransform.squaredToNearest(sites, w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                long best = Long.MAX_VALUE;
                for (int i = 0; i < sites.length; i++) {
                    if (sites[i]) {
                        long dx = x - i % w;
                        long dy = y - i / w;
                        best = Math.min(best, dx * dx + dy * dy);
                    }
                }
                assertEquals(best, d[y * w + x], 0, "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void noSiteIsInfinitelyFar() {
        float[] d = DistanceTransform.squaredToNearest(new boolean[6], 3, 2);
        for (float v : d) {
            assertEquals(Float.POSITIVE_INFINITY, v);
        }
    }

    @Test
    void insideDistanceOfASquareGrowsTowardsItsCentre() {
        // a 5 x 5 square in a 7 x 7 frame: rings at distance 1, 2 and the centre at 3 from the background
        boolean[] fg = new boolean[49];
        for (int y = 1; y <= 5; y++) {
            for (int x = 1; x <= 5; x++) {
                fg[y * 7 + x] = true;
            }
        }
        float[] d = DistanceTransform.insideDistance(fg, 7, 7);
        assertEquals(0, d[0]);
        assertEquals(1, d[7 + 1]);
        assertEquals(2, d[2 * 7 + 2]);
        assertEquals(2, d[2 * 7 + 3]);
        assertEquals(3, d[3 * 7 + 3]);
    }
}
