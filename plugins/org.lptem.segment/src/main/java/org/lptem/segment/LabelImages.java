package org.lptem.segment;

/** Small operations on row-major label images (0 = background). */
final class LabelImages {
    private LabelImages() {
    }

    static int maxLabel(int[] labels) {
        int max = 0;
        for (int l : labels) {
            if (l < 0) {
                throw new IllegalArgumentException("labels must be >= 0, got " + l);
            }
            max = Math.max(max, l);
        }
        return max;
    }

    /**
     * Renumbers the labels present to 1..n in raster order of their first pixel (the order {@link
     * ConnectedComponents} produces), in place.
     *
     * @return n
     */
    static int compactInRasterOrder(int[] labels) {
        int[] map = new int[maxLabel(labels) + 1];
        int n = 0;
        for (int i = 0; i < labels.length; i++) {
            int l = labels[i];
            if (l != 0) {
                if (map[l] == 0) {
                    map[l] = ++n;
                }
                labels[i] = map[l];
            }
        }
        return n;
    }

    /**
     * Gives every hole (background not 4-connected to the image border) the label of the region around it, in place:
     * noise inside a particle must not punch holes into its mask. A hole between two regions goes to the one met
     * first on its upper-left boundary.
     */
    static void fillHoles(int[] labels, int width, int height) {
        int n = labels.length;
        boolean[] outside = new boolean[n];
        int[] queue = new int[n];
        int tail = 0;
        for (int i = 0; i < n; i++) {
            int x = i % width;
            int y = i / width;
            if (labels[i] == 0 && (x == 0 || y == 0 || x == width - 1 || y == height - 1)) {
                outside[i] = true;
                queue[tail++] = i;
            }
        }
        for (int head = 0; head < tail; head++) {
            int p = queue[head];
            int x = p % width;
            int y = p / width;
            if (x > 0) {
                tail = reach(labels, outside, queue, tail, p - 1);
            }
            if (x < width - 1) {
                tail = reach(labels, outside, queue, tail, p + 1);
            }
            if (y > 0) {
                tail = reach(labels, outside, queue, tail, p - width);
            }
            if (y < height - 1) {
                tail = reach(labels, outside, queue, tail, p + width);
            }
        }
        // raster order: the pixel above or to the left of a hole pixel is already a region (or filled)
        for (int i = 0; i < n; i++) {
            if (labels[i] == 0 && !outside[i]) {
                int x = i % width;
                labels[i] = x > 0 && labels[i - 1] != 0 ? labels[i - 1] : labels[i - width];
            }
        }
    }

    private static int reach(int[] labels, boolean[] outside, int[] queue, int tail, int q) {
        if (labels[q] == 0 && !outside[q]) {
            outside[q] = true;
            queue[tail++] = q;
        }
        return tail;
    }
}
