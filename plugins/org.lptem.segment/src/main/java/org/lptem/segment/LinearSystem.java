package org.lptem.segment;

/** Small dense linear systems, by Gaussian elimination with partial pivoting. */
public final class LinearSystem {
    /** Pivots smaller than this (relative to the largest entry) make the system singular. */
    private static final double SINGULAR = 1e-12;

    private LinearSystem() {
    }

    /**
     * Solves {@code A x = b} given as the augmented n x (n + 1) matrix {@code [A | b]} (overwritten); null when A is
     * singular.
     */
    public static double[] solve(double[][] augmented) {
        int n = augmented.length;
        double largest = 0;
        for (double[] row : augmented) {
            for (int j = 0; j < n; j++) {
                largest = Math.max(largest, Math.abs(row[j]));
            }
        }
        if (largest == 0) {
            return null;
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(augmented[r][col]) > Math.abs(augmented[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(augmented[pivot][col]) < SINGULAR * largest) {
                return null;
            }
            double[] t = augmented[col];
            augmented[col] = augmented[pivot];
            augmented[pivot] = t;
            for (int r = col + 1; r < n; r++) {
                double f = augmented[r][col] / augmented[col][col];
                for (int j = col; j <= n; j++) {
                    augmented[r][j] -= f * augmented[col][j];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = augmented[r][n];
            for (int j = r + 1; j < n; j++) {
                s -= augmented[r][j] * x[j];
            }
            x[r] = s / augmented[r][r];
        }
        return x;
    }
}
