package org.lptem.segment;

import java.util.Arrays;

/**
 * 8-connected component labelling by two raster passes with union-find, so memory stays linear and nothing recurses
 * however large a region is.
 */
public final class ConnectedComponents {
    private ConnectedComponents() {
    }

    /**
     * Labels the foreground pixels of a row-major mask: {@code labels[i]} becomes 0 for background and 1..n for the
     * components, numbered in raster order of their first (top-most, then left-most) pixel.
     *
     * @return n, the number of components
     */
    public static int label(boolean[] foreground, int width, int height, int[] labels) {
        if (width <= 0 || height <= 0 || (long) width * height != foreground.length
                || labels.length != foreground.length) {
            throw new IllegalArgumentException("mask of " + foreground.length + " and labels of " + labels.length
                    + " pixels do not both fit " + width + " x " + height);
        }
        // parent[l] for provisional labels; a root is always the smallest label of its set, i.e. the label of the
        // set's first pixel in raster order, which gives the final numbering for free.
        int[] parent = new int[64];
        int next = 1;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                int i = row + x;
                if (!foreground[i]) {
                    labels[i] = 0;
                    continue;
                }
                // Already-visited 8-neighbours: W, NW, N, NE.
                int l = 0;
                if (x > 0) {
                    l = union(parent, l, labels[i - 1]);
                }
                if (y > 0) {
                    int up = i - width;
                    if (x > 0) {
                        l = union(parent, l, labels[up - 1]);
                    }
                    l = union(parent, l, labels[up]);
                    if (x < width - 1) {
                        l = union(parent, l, labels[up + 1]);
                    }
                }
                if (l == 0) {
                    if (next == parent.length) {
                        parent = Arrays.copyOf(parent, parent.length * 2);
                    }
                    parent[next] = next;
                    l = next++;
                }
                labels[i] = l;
            }
        }
        int[] finalLabel = new int[next];
        int count = 0;
        for (int l = 1; l < next; l++) {
            int root = find(parent, l);
            // roots are the smallest labels of their sets, so they are met before their members
            finalLabel[l] = root == l ? ++count : finalLabel[root];
        }
        for (int i = 0; i < labels.length; i++) {
            labels[i] = finalLabel[labels[i]];
        }
        return count;
    }

    /** Joins the sets of provisional labels a and b (0 = none) and returns the root of the result. */
    private static int union(int[] parent, int a, int b) {
        if (b == 0) {
            return a == 0 ? 0 : find(parent, a);
        }
        int rb = find(parent, b);
        if (a == 0) {
            return rb;
        }
        int ra = find(parent, a);
        if (ra == rb) {
            return ra;
        }
        int root = Math.min(ra, rb);
        parent[Math.max(ra, rb)] = root;
        return root;
    }

    private static int find(int[] parent, int l) {
        while (parent[l] != l) {
            // path halving keeps later look-ups short without a second pass
            parent[l] = parent[parent[l]];
            l = parent[l];
        }
        return l;
    }
}
