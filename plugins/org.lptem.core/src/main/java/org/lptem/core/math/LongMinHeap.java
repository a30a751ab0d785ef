package org.lptem.core.math;

import java.util.Arrays;

/**
 * A binary min-heap of (long key, int value) pairs in primitive arrays: no boxing, which matters for heaps of every
 * pixel of a frame (watershed flooding) or of every column of an assignment problem (shortest augmenting paths).
 * Entries are never updated in place; callers push again with a better key and skip stale entries when they pop.
 * Composite orders (a height, then the order of arrival) are packed into the long key by the caller; double keys go
 * through {@link #sortable(double)}.
 */
public final class LongMinHeap {
    private long[] keys;
    private int[] values;
    private int size;

    public LongMinHeap() {
        this(16);
    }

    public LongMinHeap(int initialCapacity) {
        keys = new long[Math.max(1, initialCapacity)];
        values = new int[keys.length];
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int size() {
        return size;
    }

    public void clear() {
        size = 0;
    }

    public void push(long key, int value) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (keys[parent] <= key) {
                break;
            }
            keys[i] = keys[parent];
            values[i] = values[parent];
            i = parent;
        }
        keys[i] = key;
        values[i] = value;
    }

    /** Key of the smallest entry; the heap must not be empty. */
    public long peekKey() {
        return keys[0];
    }

    /** Removes the smallest entry and returns its value; the heap must not be empty. */
    public int pop() {
        int top = values[0];
        size--;
        if (size > 0) {
            long key = keys[size];
            int value = values[size];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && keys[child + 1] < keys[child]) {
                    child++;
                }
                if (keys[child] >= key) {
                    break;
                }
                keys[i] = keys[child];
                values[i] = values[child];
                i = child;
            }
            keys[i] = key;
            values[i] = value;
        }
        return top;
    }

    /** A long whose signed order is the order of the doubles (-0.0 before 0.0; NaN is not ordered: avoid it). */
    public static long sortable(double d) {
        long bits = Double.doubleToLongBits(d);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    /** The double {@link #sortable(double)} was given. */
    public static double fromSortable(long key) {
        return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
    }

    /** An int whose signed order is the reverse of the float's order (NaN sorts as given by its bits). */
    public static int descending(float f) {
        int bits = Float.floatToIntBits(f);
        int ascending = bits ^ ((bits >> 31) & 0x7FFFFFFF);
        return ~ascending;
    }
}
