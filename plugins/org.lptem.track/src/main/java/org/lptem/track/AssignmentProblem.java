package org.lptem.track;

import java.util.Arrays;

/**
 * A partial one-to-one assignment between rows and columns: each row is matched to at most one column through a
 * candidate edge, or left unmatched at its own cost, and likewise each column. The total of the chosen edges' costs
 * plus the unmatched rows' and columns' costs is minimised exactly.
 *
 * <p>This is the linking problem of Jaqaman et al. (2008): solved as a square (rows + columns) matrix whose blocks
 * are the candidate edges, a diagonal of "unmatched row" costs, a diagonal of "unmatched column" costs and the
 * transposed edge pattern at cost 0 (so that every pair of unmatched row and column can be completed). The matrix is
 * never built densely: the problem is split into the connected components of the candidate graph and each component
 * is solved by {@link SparseLapSolver}, so time and memory follow the number of candidate edges. Components with a
 * single edge, the common case in sparse scenes, are decided directly.
 *
 * <p>Not thread-safe; {@link #reset(int, int)} reuses the buffers for the next problem.
 */
public final class AssignmentProblem {
    private int rows;
    private int cols;
    private double[] rowCost = new double[0];
    private double[] colCost = new double[0];
    private int edges;
    private int[] edgeRow = new int[16];
    private int[] edgeCol = new int[16];
    private double[] edgeCost = new double[16];

    /** An empty problem; unmatched costs are 0 until set. */
    public AssignmentProblem(int rows, int cols) {
        reset(rows, cols);
    }

    /** Forgets all edges and costs and starts a problem of the given size. */
    public void reset(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative size " + rows + " x " + cols);
        }
        this.rows = rows;
        this.cols = cols;
        if (rowCost.length < rows) {
            rowCost = new double[Math.max(rows, 2 * rowCost.length)];
        }
        if (colCost.length < cols) {
            colCost = new double[Math.max(cols, 2 * colCost.length)];
        }
        Arrays.fill(rowCost, 0, rows, 0);
        Arrays.fill(colCost, 0, cols, 0);
        edges = 0;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int edgeCount() {
        return edges;
    }

    /** Cost of edge {@code e} (0-based, in the order added). */
    public double edgeCost(int e) {
        return edgeCost[e];
    }

    public void setRowUnmatchedCost(int row, double cost) {
        rowCost[checkRow(row)] = checkCost(cost);
    }

    public void setColUnmatchedCost(int col, double cost) {
        colCost[checkCol(col)] = checkCost(cost);
    }

    /** Sets the same unmatched cost for every row and every column. */
    public void setUnmatchedCosts(double rowUnmatched, double colUnmatched) {
        Arrays.fill(rowCost, 0, rows, checkCost(rowUnmatched));
        Arrays.fill(colCost, 0, cols, checkCost(colUnmatched));
    }

    /** Adds a candidate edge; a repeated (row, col) pair simply offers a second price for the same link. */
    public void add(int row, int col, double cost) {
        checkRow(row);
        checkCol(col);
        checkCost(cost);
        if (edges == edgeRow.length) {
            int n = edges * 2;
            edgeRow = Arrays.copyOf(edgeRow, n);
            edgeCol = Arrays.copyOf(edgeCol, n);
            edgeCost = Arrays.copyOf(edgeCost, n);
        }
        edgeRow[edges] = row;
        edgeCol[edges] = col;
        edgeCost[edges] = cost;
        edges++;
    }

    private int checkRow(int row) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("row " + row + " of " + rows);
        }
        return row;
    }

    private int checkCol(int col) {
        if (col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("column " + col + " of " + cols);
        }
        return col;
    }

    private static double checkCost(double cost) {
        if (!Double.isFinite(cost)) {
            throw new IllegalArgumentException("costs must be finite, got " + cost);
        }
        return cost;
    }

    /** The optimal assignment. */
    public Solution solve() {
        int[] colOfRow = new int[rows];
        int[] rowOfCol = new int[cols];
        Arrays.fill(colOfRow, -1);
        Arrays.fill(rowOfCol, -1);
        if (edges > 0) {
            new ComponentSolver(this, colOfRow, rowOfCol).run();
        }
        double total = 0;
        for (int r = 0; r < rows; r++) {
            if (colOfRow[r] < 0) {
                total += rowCost[r];
            }
        }
        for (int c = 0; c < cols; c++) {
            if (rowOfCol[c] < 0) {
                total += colCost[c];
            }
        }
        // Edge costs are summed per chosen edge (the cheapest of repeated pairs).
        double[] chosen = new double[rows];
        Arrays.fill(chosen, Double.POSITIVE_INFINITY);
        for (int e = 0; e < edges; e++) {
            if (colOfRow[edgeRow[e]] == edgeCol[e]) {
                chosen[edgeRow[e]] = Math.min(chosen[edgeRow[e]], edgeCost[e]);
            }
        }
        for (int r = 0; r < rows; r++) {
            if (colOfRow[r] >= 0) {
                total += chosen[r];
            }
        }
        return new Solution(colOfRow, rowOfCol, total);
    }

    /**
     * The result: the column of each row and the row of each column, -1 when unmatched.
     *
     * @param totalCost cost of the chosen edges plus the unmatched rows' and columns' costs
     */
    public record Solution(int[] colOfRow, int[] rowOfCol, double totalCost) {
    }

    /** Splits the candidate graph into connected components and solves each one. */
    private static final class ComponentSolver {
        private final AssignmentProblem p;
        private final int[] colOfRow;
        private final int[] rowOfCol;
        private final int[] parent;

        ComponentSolver(AssignmentProblem p, int[] colOfRow, int[] rowOfCol) {
            this.p = p;
            this.colOfRow = colOfRow;
            this.rowOfCol = rowOfCol;
            // Nodes 0..rows-1 are rows, rows..rows+cols-1 are columns.
            this.parent = new int[p.rows + p.cols];
            for (int i = 0; i < parent.length; i++) {
                parent[i] = i;
            }
        }

        private int find(int x) {
            while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }

        void run() {
            int m = p.edges;
            for (int e = 0; e < m; e++) {
                int a = find(p.edgeRow[e]);
                int b = find(p.rows + p.edgeCol[e]);
                if (a != b) {
                    parent[a] = b;
                }
            }
            // Group edges by component (counting sort on the component's root).
            int[] edgeCount = new int[parent.length + 1];
            int[] root = new int[m];
            for (int e = 0; e < m; e++) {
                root[e] = find(p.edgeRow[e]);
                edgeCount[root[e] + 1]++;
            }
            for (int i = 0; i < parent.length; i++) {
                edgeCount[i + 1] += edgeCount[i];
            }
            int[] order = new int[m];
            int[] fill = Arrays.copyOf(edgeCount, parent.length);
            for (int e = 0; e < m; e++) {
                order[fill[root[e]]++] = e;
            }
            int[] local = new int[parent.length];
            Arrays.fill(local, -1);
            for (int r = 0; r < parent.length; r++) {
                int from = edgeCount[r];
                int to = edgeCount[r + 1];
                if (to - from == 1) {
                    decideSingleEdge(order[from]);
                } else if (to - from > 1) {
                    solveComponent(order, from, to, local);
                }
            }
        }

        private void decideSingleEdge(int e) {
            int r = p.edgeRow[e];
            int c = p.edgeCol[e];
            if (p.edgeCost[e] < p.rowCost[r] + p.colCost[c]) {
                colOfRow[r] = c;
                rowOfCol[c] = r;
            }
        }

        /** Builds the component's (k + l) square Jaqaman matrix in sparse rows and solves it. */
        private void solveComponent(int[] order, int from, int to, int[] local) {
            int[] rowIds = new int[to - from];
            int[] colIds = new int[to - from];
            int k = 0;
            int l = 0;
            for (int i = from; i < to; i++) {
                int e = order[i];
                int r = p.edgeRow[e];
                int c = p.rows + p.edgeCol[e];
                if (local[r] < 0) {
                    local[r] = k;
                    rowIds[k++] = r;
                }
                if (local[c] < 0) {
                    local[c] = l;
                    colIds[l++] = p.edgeCol[e];
                }
            }
            int n = k + l;
            int edgesHere = to - from;
            // Row entry counts: a real row has its edges + its "unmatched" column; a column's dummy row has the
            // column's "unmatched" entry + the transposed edges.
            int[] rowStart = new int[n + 1];
            for (int i = from; i < to; i++) {
                int e = order[i];
                rowStart[local[p.edgeRow[e]] + 1]++;
                rowStart[k + local[p.rows + p.edgeCol[e]] + 1]++;
            }
            for (int i = 0; i < n; i++) {
                rowStart[i + 1] += rowStart[i] + 1;
            }
            int[] col = new int[2 * edgesHere + n];
            double[] cost = new double[2 * edgesHere + n];
            int[] fill = Arrays.copyOf(rowStart, n);
            for (int i = 0; i < k; i++) {
                col[fill[i]] = l + i;
                cost[fill[i]++] = p.rowCost[rowIds[i]];
            }
            for (int j = 0; j < l; j++) {
                col[fill[k + j]] = j;
                cost[fill[k + j]++] = p.colCost[colIds[j]];
            }
            for (int i = from; i < to; i++) {
                int e = order[i];
                int lr = local[p.edgeRow[e]];
                int lc = local[p.rows + p.edgeCol[e]];
                col[fill[lr]] = lc;
                cost[fill[lr]++] = p.edgeCost[e];
                col[fill[k + lc]] = l + lr;
                cost[fill[k + lc]++] = 0;
            }
            int[] match = SparseLapSolver.solve(n, rowStart, col, cost);
            for (int i = 0; i < k; i++) {
                if (match[i] < l) {
                    colOfRow[rowIds[i]] = colIds[match[i]];
                    rowOfCol[colIds[match[i]]] = rowIds[i];
                }
                local[rowIds[i]] = -1;
            }
            for (int j = 0; j < l; j++) {
                local[p.rows + colIds[j]] = -1;
            }
        }
    }
}
