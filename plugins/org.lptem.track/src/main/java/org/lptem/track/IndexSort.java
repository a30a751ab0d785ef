package org.lptem.track;

/**
 * Sorts indices by two primitive keys (x, then y) without boxing or comparator objects: the linkers sort a million
 * detections, and a comparator over objects costs more than the linking itself, above all before the JIT has
 * compiled it.
 */
final class IndexSort {
    private IndexSort() {
    }

    /** Sorts {@code idx[from..to-1]} by {@code x[i]}, then {@code y[i]} ({@link Double#compare} order; not stable). */
    static void byXThenY(int[] idx, int from, int to, double[] x, double[] y) {
        while (to - from > 16) {
            int mid = (from + to) >>> 1;
            int pivot = median(idx[from], idx[mid], idx[to - 1], x, y);
            double px = x[pivot];
            double py = y[pivot];
            int i = from;
            int j = to - 1;
            while (i <= j) {
                while (compare(x[idx[i]], y[idx[i]], px, py) < 0) {
                    i++;
                }
                while (compare(x[idx[j]], y[idx[j]], px, py) > 0) {
                    j--;
                }
                if (i <= j) {
                    int t = idx[i];
                    idx[i++] = idx[j];
                    idx[j--] = t;
                }
            }
            // recurse into the smaller part, loop on the larger: stack depth stays O(log n)
            if (j + 1 - from < to - i) {
                byXThenY(idx, from, j + 1, x, y);
                from = i;
            } else {
                byXThenY(idx, i, to, x, y);
                to = j + 1;
            }
        }
        for (int i = from + 1; i < to; i++) {
            int v = idx[i];
            int j = i - 1;
            while (j >= from && compare(x[idx[j]], y[idx[j]], x[v], y[v]) > 0) {
                idx[j + 1] = idx[j];
                j--;
            }
            idx[j + 1] = v;
        }
    }

    private static int compare(double ax, double ay, double bx, double by) {
        int c = Double.compare(ax, bx);
        return c != 0 ? c : Double.compare(ay, by);
    }

    private static int median(int a, int b, int c, double[] x, double[] y) {
        if (compare(x[a], y[a], x[b], y[b]) > 0) {
            int t = a;
            a = b;
            b = t;
        }
        if (compare(x[b], y[b], x[c], y[c]) > 0) {
            b = c;
            if (compare(x[a], y[a], x[b], y[b]) > 0) {
                b = a;
            }
        }
        return b;
    }
}
