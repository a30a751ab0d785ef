package org.lptem.segment.metrics;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class BoundaryFTest {

    private static boolean[] mask(String... rows) {
        int w = rows[0].length();
        boolean[] m = new boolean[w * rows.length];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < w; x++) {
                m[y * w + x] = rows[y].charAt(x) == '#';
            }
        }
        return m;
    }

    @Test
    void boundaryIsDavisSeg2bmap() {
        // A pixel differing from its east, south or south-east neighbour; the last row compares east only, the last
        // column south only: the two-pixel bar marks the three pixels above-left of it and its own row up to it.
        boolean[] b = BoundaryF.boundary(mask(
                "......",
                ".##...",
                "......"), 6, 3);
        assertArrayEquals(mask(
                "###...",
                "###...",
                "......"), b);
        // the bottom-right pixel is never a boundary, even inside a mask; the last column looks only south
        assertArrayEquals(mask("##", "#."), BoundaryF.boundary(mask("..", ".#"), 2, 2));
        assertArrayEquals(mask("##", ".."), BoundaryF.boundary(mask(".#", ".."), 2, 2));
    }

    @Test
    void shiftedBarMatchesTwoThirdsExactlyAndAllWithinOnePixel() {
        boolean[] truth = mask("......", ".##...", "......");
        boolean[] pred = mask("......", "..##..", "......");
        // 6 boundary pixels each, 4 shared: precision = recall = 4/6
        BoundaryF.Score exact = BoundaryF.of(truth, pred, 6, 3, 0);
        assertEquals(4.0 / 6, exact.precision(), 1e-12);
        assertEquals(4.0 / 6, exact.recall(), 1e-12);
        assertEquals(4.0 / 6, exact.f(), 1e-12);
        assertEquals(1, BoundaryF.of(truth, pred, 6, 3, 1).f(), 1e-12);
    }

    @Test
    void emptyMasksFollowDavis() {
        boolean[] none = new boolean[9];
        boolean[] one = mask("...", ".#.", "...");
        BoundaryF.Score missed = BoundaryF.of(one, none, 3, 3, 2);
        assertEquals(1, missed.precision());
        assertEquals(0, missed.recall());
        assertEquals(0, missed.f());
        assertEquals(0, BoundaryF.of(none, one, 3, 3, 2).f());
        assertEquals(1, BoundaryF.of(none, none, 3, 3, 2).f());
    }

    @Test
    void davisToleranceIsEightThousandthsOfTheDiagonalRoundedUp() {
        assertEquals(6, BoundaryF.davisTolerancePx(512, 512));
        assertEquals(12, BoundaryF.davisTolerancePx(1024, 1024));
        assertEquals(8, BoundaryF.davisTolerancePx(854, 480));
    }

    @Test
    void windowedRegionsScoreAsTheWholeFrame() {
        int w = 12;
        int h = 9;
        int[] truth = new int[w * h];
        int[] pred = new int[w * h];
        for (int y = 3; y <= 6; y++) {
            for (int x = 4; x <= 8; x++) {
                truth[y * w + x] = 3;
                pred[(y - 1) * w + x + 1] = 7;
            }
        }
        boolean[] t = new boolean[w * h];
        boolean[] p = new boolean[w * h];
        for (int i = 0; i < t.length; i++) {
            t[i] = truth[i] == 3;
            p[i] = pred[i] == 7;
        }
        BoundaryF.Score whole = BoundaryF.of(t, p, w, h, 1);
        BoundaryF.Score window = BoundaryF.ofRegions(truth, 3, pred, 7, w, 3, 1, 11, 8, 1);
        assertEquals(whole, window);
        assertTrue(whole.f() < 1 && whole.f() > 0.5, "a one-pixel shift at tolerance 1: " + whole);
    }
}
