package org.lptem.track;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AssignmentProblemTest {

    /** Optimal cost of a square sparse matrix by trying every permutation (NaN = forbidden entry). */
    private static double bruteForceSquare(double[][] c) {
        return permute(c, 0, new boolean[c.length]);
    }

    private static double permute(double[][] c, int row, boolean[] used) {
        if (row == c.length) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < c.length; j++) {
            if (!used[j] && !Double.isNaN(c[row][j])) {
                used[j] = true;
                best = Math.min(best, c[row][j] + permute(c, row + 1, used));
                used[j] = false;
            }
        }
        return best;
    }

    private static int[] solveSquare(double[][] c) {
        int n = c.length;
        int[] start = new int[n + 1];
        int[] col = new int[n * n];
        double[] cost = new double[n * n];
        int e = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (!Double.isNaN(c[i][j])) {
                    col[e] = j;
                    cost[e++] = c[i][j];
                }
            }
            start[i + 1] = e;
        }
        return SparseLapSolver.solve(n, start, col, cost);
    }

    @Test
    void sparseSolverFindsTheOptimumOfRandomSparseMatrices() {
        Random random = new Random(11);
        for (int trial = 0; trial < 400; trial++) {
            int n = 1 + random.nextInt(8);
            double density = 0.2 + 0.8 * random.nextDouble();
            double[][] c = new double[n][n];
            int[] hidden = shuffled(n, random); // guarantees one perfect matching
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    boolean present = j == hidden[i] || random.nextDouble() < density;
                    // small integers make ties (several optima) frequent
                    c[i][j] = present ? (trial % 2 == 0 ? random.nextInt(5) : 100 * random.nextDouble() - 30)
                            : Double.NaN;
                }
            }
            int[] match = solveSquare(c);
            double total = 0;
            boolean[] used = new boolean[n];
            for (int i = 0; i < n; i++) {
                assertFalse(used[match[i]], "column used twice");
                used[match[i]] = true;
                assertFalse(Double.isNaN(c[i][match[i]]), "forbidden entry chosen");
                total += c[i][match[i]];
            }
            assertEquals(bruteForceSquare(c), total, 1e-9, "trial " + trial + ": " + Arrays.deepToString(c));
        }
    }

    @Test
    void sparseSolverRejectsMatricesWithoutAPerfectMatching() {
        double[][] c = {{1, Double.NaN}, {2, Double.NaN}};
        assertThrows(IllegalArgumentException.class, () -> solveSquare(c));
        double[][] d = {{1, 1, Double.NaN}, {1, 1, Double.NaN}, {Double.NaN, 1, 1}};
        // column 2 only reachable from row 2, rows 0 and 1 compete for columns 0 and 1: feasible
        assertEquals(3, Arrays.stream(solveSquare(d)).distinct().count());
        double[][] f = {{1, 1, Double.NaN}, {1, 1, Double.NaN}, {1, 1, Double.NaN}};
        assertThrows(IllegalArgumentException.class, () -> solveSquare(f));
    }

    private static int[] shuffled(int n, Random random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** Optimal cost of a partial assignment by trying every choice of each row. */
    private static double bruteForcePartial(int rows, int cols, double[][] edge, double[] rowCost,
            double[] colCost) {
        return choose(0, rows, cols, edge, rowCost, colCost, new boolean[cols]);
    }

    private static double choose(int row, int rows, int cols, double[][] edge, double[] rowCost, double[] colCost,
            boolean[] used) {
        if (row == rows) {
            double rest = 0;
            for (int c = 0; c < cols; c++) {
                rest += used[c] ? 0 : colCost[c];
            }
            return rest;
        }
        double best = rowCost[row] + choose(row + 1, rows, cols, edge, rowCost, colCost, used);
        for (int c = 0; c < cols; c++) {
            if (!used[c] && !Double.isNaN(edge[row][c])) {
                used[c] = true;
                best = Math.min(best, edge[row][c] + choose(row + 1, rows, cols, edge, rowCost, colCost, used));
                used[c] = false;
            }
        }
        return best;
    }

    @Test
    void partialAssignmentIsOptimalOnRandomProblems() {
        Random random = new Random(5);
        AssignmentProblem problem = new AssignmentProblem(0, 0);
        for (int trial = 0; trial < 500; trial++) {
            int rows = random.nextInt(7);
            int cols = random.nextInt(7);
            problem.reset(rows, cols);
            double[][] edge = new double[rows][cols];
            double[] rowCost = new double[rows];
            double[] colCost = new double[cols];
            for (int r = 0; r < rows; r++) {
                rowCost[r] = 10 * random.nextDouble();
                problem.setRowUnmatchedCost(r, rowCost[r]);
            }
            for (int c = 0; c < cols; c++) {
                colCost[c] = 10 * random.nextDouble();
                problem.setColUnmatchedCost(c, colCost[c]);
            }
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    // negative costs too: the metrics maximise overlaps as negative costs
                    edge[r][c] = random.nextDouble() < 0.35 ? 25 * random.nextDouble() - 5 : Double.NaN;
                    if (!Double.isNaN(edge[r][c])) {
                        problem.add(r, c, edge[r][c]);
                    }
                }
            }
            AssignmentProblem.Solution s = problem.solve();
            double total = 0;
            for (int r = 0; r < rows; r++) {
                int c = s.colOfRow()[r];
                if (c < 0) {
                    total += rowCost[r];
                } else {
                    assertEquals(r, s.rowOfCol()[c]);
                    assertFalse(Double.isNaN(edge[r][c]));
                    total += edge[r][c];
                }
            }
            for (int c = 0; c < cols; c++) {
                if (s.rowOfCol()[c] < 0) {
                    total += colCost[c];
                }
            }
            double best = bruteForcePartial(rows, cols, edge, rowCost, colCost);
            assertEquals(best, total, 1e-9, "trial " + trial);
            assertEquals(best, s.totalCost(), 1e-9);
        }
    }

    @Test
    void largeSparseProblemsSolveInLinearMemory() {
        // 200,000 rows in chains of overlapping candidates: a dense matrix would need 3 * 10^11 bytes.
        int n = 200_000;
        AssignmentProblem problem = new AssignmentProblem(n, n);
        problem.setUnmatchedCosts(10, 10);
        for (int i = 0; i < n; i++) {
            problem.add(i, i, 1);
            if (i + 1 < n) {
                problem.add(i, i + 1, 0.5 + (i % 3));
            }
        }
        AssignmentProblem.Solution s = problem.solve();
        double total = s.totalCost();
        assertTrue(total <= n * 1.0, "at most the diagonal's cost: " + total);
        long matched = Arrays.stream(s.colOfRow()).filter(c -> c >= 0).count();
        assertEquals(n, matched);
    }

    @Test
    void singleEdgesAreTakenOnlyWhenCheaperThanLeavingBothUnmatched() {
        AssignmentProblem p = new AssignmentProblem(2, 2);
        p.setUnmatchedCosts(1, 1);
        p.add(0, 0, 1.9);
        p.add(1, 1, 2.1);
        AssignmentProblem.Solution s = p.solve();
        assertArrayEquals(new int[] {0, -1}, s.colOfRow());
        assertArrayEquals(new int[] {0, -1}, s.rowOfCol());
        assertEquals(1.9 + 2, s.totalCost(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> p.add(0, 1, Double.NaN));
        assertThrows(IndexOutOfBoundsException.class, () -> p.add(2, 0, 1));
    }
}
