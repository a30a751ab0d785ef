package org.lptem.track;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Points binned into square cells, so that the points within one cell size of a query are found by looking at 3 x 3
 * cells instead of all points: neighbour search costs O(points nearby), not O(all points).
 *
 * <p>The cells covering the points' bounding box are kept in one flat array (points sorted by cell), which needs
 * no hashing and no objects per cell. Only when that box is huge compared with the number of points (a few points
 * scattered far apart) are the occupied cells kept in a hash map instead.
 */
final class SpatialGrid {
    /** Receives each point found with its squared distance to the query. */
    interface Visitor {
        void visit(int index, double distanceSquared);
    }

    private final double[] xs;
    private final double[] ys;
    private final double cellSize;
    /** First cell column and row of the flat array, and its size in cells. */
    private final int minCx;
    private final int minCy;
    private final int nx;
    private final int ny;
    /** Points of flat cell c are {@code members[cellStart[c] .. cellStart[c+1]-1]}; null in hash mode. */
    private final int[] cellStart;
    private final int[] members;
    /** Hash mode: each cell holds {count, index, index, ...}; keys are mixed so that nearby cells spread out. */
    private final Map<Long, int[]> cells;

    SpatialGrid(double[] xs, double[] ys, double cellSize) {
        if (!(cellSize > 0) || Double.isInfinite(cellSize)) {
            throw new IllegalArgumentException("cell size must be positive and finite, got " + cellSize);
        }
        this.xs = xs;
        this.ys = ys;
        this.cellSize = cellSize;
        int n = xs.length;
        long loX = Long.MAX_VALUE;
        long hiX = Long.MIN_VALUE;
        long loY = Long.MAX_VALUE;
        long hiY = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            loX = Math.min(loX, cell(xs[i]));
            hiX = Math.max(hiX, cell(xs[i]));
            loY = Math.min(loY, cell(ys[i]));
            hiY = Math.max(hiY, cell(ys[i]));
        }
        // spans as doubles: far-out coordinates must not overflow the test
        boolean flat = n == 0 || ((double) hiX - loX + 1) * ((double) hiY - loY + 1) <= 4.0 * n + 64;
        if (flat) {
            minCx = n == 0 ? 0 : (int) loX;
            minCy = n == 0 ? 0 : (int) loY;
            nx = n == 0 ? 0 : (int) (hiX - loX + 1);
            ny = n == 0 ? 0 : (int) (hiY - loY + 1);
            cellStart = new int[nx * ny + 1];
            int[] cellOf = new int[n];
            for (int i = 0; i < n; i++) {
                cellOf[i] = (int) ((cell(ys[i]) - minCy) * nx + (cell(xs[i]) - minCx));
                cellStart[cellOf[i] + 1]++;
            }
            for (int c = 0; c < nx * ny; c++) {
                cellStart[c + 1] += cellStart[c];
            }
            members = new int[n];
            int[] fill = Arrays.copyOf(cellStart, nx * ny);
            for (int i = 0; i < n; i++) {
                members[fill[cellOf[i]]++] = i;
            }
            cells = null;
        } else {
            minCx = 0;
            minCy = 0;
            nx = 0;
            ny = 0;
            cellStart = null;
            members = null;
            cells = new HashMap<>();
            for (int i = 0; i < n; i++) {
                long key = key(cell(xs[i]), cell(ys[i]));
                int[] m = cells.get(key);
                if (m == null) {
                    m = new int[4];
                } else if (m[0] + 1 == m.length) {
                    m = Arrays.copyOf(m, m.length * 2);
                }
                m[++m[0]] = i;
                cells.put(key, m);
            }
        }
    }

    private long cell(double v) {
        // floor without Math.floor's general path: this runs for every point and every query
        double q = v / cellSize;
        long c = (long) q;
        return q < c ? c - 1 : c;
    }

    /** A one-to-one mix of the cell coordinates (multiplying by an odd constant is invertible mod 2^64). */
    private static long key(long cx, long cy) {
        return ((cx << 32) ^ (cy & 0xFFFFFFFFL)) * 0x9E3779B97F4A7C15L;
    }

    /** Visits every point at most {@code radius} (<= the cell size) from (x, y), in no particular order. */
    void forEachWithin(double x, double y, double radius, Visitor visitor) {
        if (radius > cellSize) {
            throw new IllegalArgumentException("radius " + radius + " exceeds the cell size " + cellSize);
        }
        double r2 = radius * radius;
        long cx = cell(x);
        long cy = cell(y);
        for (long gy = cy - 1; gy <= cy + 1; gy++) {
            for (long gx = cx - 1; gx <= cx + 1; gx++) {
                if (cells == null) {
                    long fx = gx - minCx;
                    long fy = gy - minCy;
                    if (fx < 0 || fy < 0 || fx >= nx || fy >= ny) {
                        continue;
                    }
                    int c = (int) (fy * nx + fx);
                    for (int k = cellStart[c]; k < cellStart[c + 1]; k++) {
                        visitIfWithin(members[k], x, y, r2, visitor);
                    }
                } else {
                    int[] m = cells.get(key(gx, gy));
                    if (m != null) {
                        for (int k = 1; k <= m[0]; k++) {
                            visitIfWithin(m[k], x, y, r2, visitor);
                        }
                    }
                }
            }
        }
    }

    private void visitIfWithin(int i, double x, double y, double r2, Visitor visitor) {
        double ex = xs[i] - x;
        double ey = ys[i] - y;
        double d2 = ex * ex + ey * ey;
        if (d2 <= r2) {
            visitor.visit(i, d2);
        }
    }
}
