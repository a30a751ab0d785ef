package org.lptem.segment.metrics;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelOverlapTest {

    @Test
    void areasPairsAndForegroundsAreCounted() {
        int[] truth = {0, 4, 4, 4, 0, 9, 9, 0};
        int[] pred = {2, 2, 2, 0, 0, 1, 2, 0};
        LabelOverlap o = LabelOverlap.of(truth, pred);
        assertArrayEquals(new int[] {4, 9}, o.truthLabels());
        assertArrayEquals(new int[] {1, 2}, o.predLabels());
        assertEquals(3, o.truthArea(4));
        assertEquals(4, o.predArea(2));
        assertEquals(0, o.truthArea(5));
        assertEquals(List.of(new LabelOverlap.Pair(4, 2, 2), new LabelOverlap.Pair(9, 1, 1),
                new LabelOverlap.Pair(9, 2, 1)), o.pairs());
        // 4 vs 2: 2 shared of 3 + 4 - 2 = 5
        assertEquals(0.4, o.iou(o.pairs().get(0)), 1e-12);
        assertEquals(4, o.foregroundIntersection());
        assertEquals(4.0 / (5 + 5 - 4), o.foregroundIou(), 1e-12);
        assertEquals(8.0 / 10, o.foregroundDice(), 1e-12);
    }

    @Test
    void emptyImagesArePerfectAndMismatchedSizesRefused() {
        LabelOverlap empty = LabelOverlap.of(new int[4], new int[4]);
        assertEquals(1, empty.foregroundIou());
        assertEquals(1, empty.foregroundDice());
        assertThrows(IllegalArgumentException.class, () -> LabelOverlap.of(new int[3], new int[4]));
        assertThrows(IllegalArgumentException.class, () -> LabelOverlap.of(new int[] {-1}, new int[1]));
    }

    /** Ids up to 2^31 - 1 are counted in memory that follows the labels present, and reported as given. */
    @Test
    void hugeIdsAreReportedAsGiven() {
        int big = 2_000_000_000;
        int[] truth = {0, big, big, 7, 7, 0};
        int[] pred = {Integer.MAX_VALUE, Integer.MAX_VALUE, 0, 7, 3, 3};
        LabelOverlap o = LabelOverlap.of(truth, pred);
        assertArrayEquals(new int[] {7, big}, o.truthLabels());
        assertArrayEquals(new int[] {3, 7, Integer.MAX_VALUE}, o.predLabels());
        assertEquals(2, o.truthArea(big));
        assertEquals(2, o.predArea(Integer.MAX_VALUE));
        assertEquals(0, o.truthArea(8));
        assertEquals(0, o.predArea(big));
        assertEquals(List.of(new LabelOverlap.Pair(7, 3, 1), new LabelOverlap.Pair(7, 7, 1),
                new LabelOverlap.Pair(big, Integer.MAX_VALUE, 1)), o.pairs());
        // big vs MAX: 1 shared of 2 + 2 - 1 = 3
        assertEquals(1.0 / 3, o.iou(o.pairs().get(2)), 1e-12);
    }
}
