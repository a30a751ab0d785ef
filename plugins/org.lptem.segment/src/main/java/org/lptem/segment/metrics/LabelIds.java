package org.lptem.segment.metrics;

import java.util.Arrays;

/**
 * The distinct labels (> 0) of a label image, ascending, and their ranks 1..n. Label ids are whatever the caller
 * chose (object ids of a tracker, instance ids of an annotation tool) and may be as large as 2^31 - 1, so nothing
 * may be sized by the largest id; ranks keep the ids' order, so anything that breaks ties by id breaks them alike.
 */
final class LabelIds {
    private final int[] ids;
    /** Rank by id when the largest id is no more than the image's pixel count, else null (binary search). */
    private final int[] table;

    private LabelIds(int[] ids, int[] table) {
        this.ids = ids;
        this.table = table;
    }

    static LabelIds of(int[] labels) {
        int max = 0;
        int foreground = 0;
        for (int l : labels) {
            if (l < 0) {
                throw new IllegalArgumentException("labels must be >= 0, got " + l);
            }
            max = Math.max(max, l);
            foreground += l != 0 ? 1 : 0;
        }
        if (max <= labels.length) {
            // a table no larger than the image: linear time, the usual case of ids 1..n
            int[] table = new int[max + 1];
            for (int l : labels) {
                table[l] = 1;
            }
            table[0] = 0;
            int n = 0;
            for (int l = 1; l <= max; l++) {
                if (table[l] != 0) {
                    table[l] = ++n;
                }
            }
            int[] ids = new int[n];
            for (int l = 1; l <= max; l++) {
                if (table[l] != 0) {
                    ids[table[l] - 1] = l;
                }
            }
            return new LabelIds(ids, table);
        }
        int[] sorted = new int[foreground];
        int k = 0;
        for (int l : labels) {
            if (l != 0) {
                sorted[k++] = l;
            }
        }
        Arrays.sort(sorted);
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return new LabelIds(Arrays.copyOf(sorted, n), null);
    }

    /** Number of distinct labels. */
    int count() {
        return ids.length;
    }

    /** The labels, ascending (a copy). */
    int[] ids() {
        return ids.clone();
    }

    /** The rank 1..n of {@code id}; 0 for the background and for ids not present. */
    int rank(int id) {
        if (id <= 0) {
            return 0;
        }
        if (table != null) {
            return id < table.length ? table[id] : 0;
        }
        int i = Arrays.binarySearch(ids, id);
        return i >= 0 ? i + 1 : 0;
    }

    /** {@code labels} with every id replaced by its rank. */
    int[] ranked(int[] labels) {
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = rank(labels[i]);
        }
        return out;
    }
}
