package org.lptem.track;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Points binned into square cells, so that the points within one cell size of a query are found by looking at 3 x 3
 * cells instead of all points: neighbour search costs O(points nearby), not O(all points).
 */
final class SpatialGrid {
    /** Receives each point found with its squared distance to the query. */
    interface Visitor {
        void visit(int index, double distanceSquared);
    }

    private final double[] xs;
    private final double[] ys;
    private final double cellSize;
    private final Map<Long, int[]> cells = new HashMap<>();

    SpatialGrid(double[] xs, double[] ys, double cellSize) {
        if (!(cellSize > 0) || Double.isInfinite(cellSize)) {
            throw new IllegalArgumentException("cell size must be positive and finite, got " + cellSize);
        }
        this.xs = xs;
        this.ys = ys;
        this.cellSize = cellSize;
        // Each cell holds {count, index, index, ...}, grown by doubling.
        for (int i = 0; i < xs.length; i++) {
            long key = key(cell(xs[i]), cell(ys[i]));
            int[] members = cells.get(key);
            if (members == null) {
                members = new int[4];
            } else if (members[0] + 1 == members.length) {
                members = Arrays.copyOf(members, members.length * 2);
            }
            members[++members[0]] = i;
            cells.put(key, members);
        }
    }

    private int cell(double v) {
        return (int) Math.floor(v / cellSize);
    }

    private static long key(int cx, int cy) {
        return ((long) cx << 32) | (cy & 0xFFFFFFFFL);
    }

    /** Visits every point at most {@code radius} (<= the cell size) from (x, y), in no particular order. */
    void forEachWithin(double x, double y, double radius, Visitor visitor) {
        if (radius > cellSize) {
            throw new IllegalArgumentException("radius " + radius + " exceeds the cell size " + cellSize);
        }
        double r2 = radius * radius;
        int cx = cell(x);
        int cy = cell(y);
        for (int dx = -1; dx <= 1; dx++) {
            for (int dy = -1; dy <= 1; dy++) {
                int[] members = cells.get(key(cx + dx, cy + dy));
                if (members == null) {
                    continue;
                }
                for (int k = 1; k <= members[0]; k++) {
                    int i = members[k];
                    double ex = xs[i] - x;
                    double ey = ys[i] - y;
                    double d2 = ex * ex + ey * ey;
                    if (d2 <= r2) {
                        visitor.visit(i, d2);
                    }
                }
            }
        }
    }
}
