package org.lptem.track;

import java.util.Arrays;
import org.lptem.core.math.LongMinHeap;

/**
 * Minimum-cost perfect matching of a square cost matrix given as sparse rows (absent entries are forbidden), by the
 * Jonker-Volgenant scheme: column and row reduction give dual potentials and a greedy matching on zero reduced
 * costs, then each row left free is matched by a shortest augmenting path (Dijkstra on reduced costs with a binary
 * heap) followed by a potential update that keeps every reduced cost non-negative.
 *
 * <p>Work and memory are proportional to the stored entries, not to n^2: Dijkstra only visits columns reachable
 * through stored entries. Matrices must admit a perfect matching; the Jaqaman layout built by
 * {@link AssignmentProblem} always does.
 */
final class SparseLapSolver {
    private SparseLapSolver() {
    }

    /**
     * @param n number of rows and of columns
     * @param rowStart row i's entries are at {@code rowStart[i] .. rowStart[i + 1] - 1}
     * @param col column of each entry
     * @param cost finite cost of each entry
     * @return the column matched to each row
     * @throws IllegalArgumentException if no perfect matching exists
     */
    static int[] solve(int n, int[] rowStart, int[] col, double[] cost) {
        double[] v = new double[n];
        Arrays.fill(v, Double.POSITIVE_INFINITY);
        for (int e = 0; e < rowStart[n]; e++) {
            v[col[e]] = Math.min(v[col[e]], cost[e]);
        }
        for (int j = 0; j < n; j++) {
            if (v[j] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("column " + j + " has no entry: no perfect matching");
            }
        }
        double[] u = new double[n];
        int[] rowToCol = new int[n];
        int[] colToRow = new int[n];
        Arrays.fill(rowToCol, -1);
        Arrays.fill(colToRow, -1);
        for (int i = 0; i < n; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                best = Math.min(best, cost[e] - v[col[e]]);
            }
            if (best == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("row " + i + " has no entry: no perfect matching");
            }
            u[i] = best;
            for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
                int j = col[e];
                if (colToRow[j] < 0 && cost[e] - v[j] - best <= 0) {
                    rowToCol[i] = j;
                    colToRow[j] = i;
                    break;
                }
            }
        }
        Augmenter augmenter = new Augmenter(n, rowStart, col, cost, u, v, rowToCol, colToRow);
        for (int i = 0; i < n; i++) {
            if (rowToCol[i] < 0) {
                augmenter.augmentFrom(i);
            }
        }
        return rowToCol;
    }

    /** The shortest-augmenting-path phase; its work arrays are reset only where a search touched them. */
    private static final class Augmenter {
        private final int[] rowStart;
        private final int[] col;
        private final double[] cost;
        private final double[] u;
        private final double[] v;
        private final int[] rowToCol;
        private final int[] colToRow;
        private final double[] dist;
        private final int[] pred;
        private final boolean[] done;
        private final int[] touched;
        private int touchedCount;
        private final LongMinHeap heap = new LongMinHeap();

        Augmenter(int n, int[] rowStart, int[] col, double[] cost, double[] u, double[] v, int[] rowToCol,
                int[] colToRow) {
            this.rowStart = rowStart;
            this.col = col;
            this.cost = cost;
            this.u = u;
            this.v = v;
            this.rowToCol = rowToCol;
            this.colToRow = colToRow;
            this.dist = new double[n];
            this.pred = new int[n];
            this.done = new boolean[n];
            this.touched = new int[n];
            Arrays.fill(dist, Double.POSITIVE_INFINITY);
        }

        void augmentFrom(int free) {
            heap.clear();
            relax(free, 0);
            int sink = -1;
            double delta = 0;
            while (!heap.isEmpty()) {
                double d = LongMinHeap.fromSortable(heap.peekKey());
                int j = heap.pop();
                if (done[j] || d > dist[j]) {
                    continue; // stale heap entry
                }
                done[j] = true;
                if (colToRow[j] < 0) {
                    sink = j;
                    delta = d;
                    break;
                }
                relax(colToRow[j], d);
            }
            if (sink < 0) {
                reset();
                throw new IllegalArgumentException("row " + free + " cannot be matched: no perfect matching");
            }
            // Potentials move by how much closer than the sink each settled column was, which keeps reduced
            // costs >= 0 and makes every edge of the shortest path tight.
            for (int k = 0; k < touchedCount; k++) {
                int j = touched[k];
                if (done[j] && j != sink) {
                    double shift = delta - dist[j];
                    v[j] -= shift;
                    u[colToRow[j]] += shift;
                }
            }
            u[free] += delta;
            int j = sink;
            while (true) {
                int i = pred[j];
                int previous = rowToCol[i];
                rowToCol[i] = j;
                colToRow[j] = i;
                if (i == free) {
                    break;
                }
                j = previous;
            }
            reset();
        }

        private void relax(int row, double base) {
            for (int e = rowStart[row]; e < rowStart[row + 1]; e++) {
                int k = col[e];
                if (done[k]) {
                    continue;
                }
                // Rounding can leave a reduced cost a hair below zero; Dijkstra needs it non-negative.
                double d = base + Math.max(0, cost[e] - u[row] - v[k]);
                if (d < dist[k]) {
                    if (dist[k] == Double.POSITIVE_INFINITY) {
                        touched[touchedCount++] = k;
                    }
                    dist[k] = d;
                    pred[k] = row;
                    heap.push(LongMinHeap.sortable(d), k);
                }
            }
        }

        private void reset() {
            for (int k = 0; k < touchedCount; k++) {
                int j = touched[k];
                dist[j] = Double.POSITIVE_INFINITY;
                done[j] = false;
            }
            touchedCount = 0;
        }
    }
}
