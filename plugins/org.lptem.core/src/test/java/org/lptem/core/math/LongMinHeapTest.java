package org.lptem.core.math;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongMinHeapTest {
    @Test
    void popsInKeyOrderWhateverThePushOrder() {
        Random r = new Random(4);
        LongMinHeap heap = new LongMinHeap(2);
        long[] keys = new long[500];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = r.nextLong() % 1000;
            heap.push(keys[i], i);
        }
        assertEquals(500, heap.size());
        long[] sorted = keys.clone();
        Arrays.sort(sorted);
        for (long expected : sorted) {
            assertEquals(expected, heap.peekKey());
            int v = heap.pop();
            assertEquals(expected, keys[v], "the value travels with its key");
        }
        assertTrue(heap.isEmpty());
    }

    @Test
    void sortableKeepsTheOrderOfDoublesAndRoundTrips() {
        double[] d = {Double.NEGATIVE_INFINITY, -1e300, -2.5, -0.0, 0.0, 1e-300, 3, 1e300,
            Double.POSITIVE_INFINITY};
        for (int i = 0; i + 1 < d.length; i++) {
            assertTrue(LongMinHeap.sortable(d[i]) < LongMinHeap.sortable(d[i + 1]), d[i] + " < " + d[i + 1]);
        }
        for (double x : d) {
            assertEquals(Double.doubleToLongBits(x), Double.doubleToLongBits(LongMinHeap.fromSortable(
                    LongMinHeap.sortable(x))));
        }
    }

    @Test
    void descendingReversesTheOrderOfFloats() {
        float[] f = {Float.NEGATIVE_INFINITY, -3f, -0f, 0f, 2f, Float.POSITIVE_INFINITY};
        for (int i = 0; i + 1 < f.length; i++) {
            assertTrue(LongMinHeap.descending(f[i]) > LongMinHeap.descending(f[i + 1]));
        }
    }
}
