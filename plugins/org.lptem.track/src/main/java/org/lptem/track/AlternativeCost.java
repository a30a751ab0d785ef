package org.lptem.track;

import org.lptem.core.math.OrderStatistics;
/**
 * The cost of leaving a track end or start unlinked. Jaqaman et al. take a factor times a high percentile of the
 * candidate costs of the same problem, so that the threshold adapts to how far particles move; a user value
 * replaces it.
 */
final class AlternativeCost {
    private final double fixed;
    private final double percentile;
    private final double floor;
    private double[] scratch = new double[64];

    /**
     * @param fixed a user cost, or NaN for automatic
     * @param percentile which percentile of the candidate costs the automatic cost is based on
     * @param floor smallest automatic value (for all-zero costs)
     */
    AlternativeCost(double fixed, double percentile, double floor) {
        this.fixed = fixed;
        this.percentile = percentile;
        this.floor = floor;
    }

    double of(AssignmentProblem problem) {
        if (!Double.isNaN(fixed)) {
            return fixed;
        }
        int n = problem.edgeCount();
        if (n == 0) {
            return floor;
        }
        if (scratch.length < n) {
            scratch = new double[Math.max(n, 2 * scratch.length)];
        }
        for (int e = 0; e < n; e++) {
            scratch[e] = problem.edgeCost(e);
        }
        double p = OrderStatistics.select(scratch, n, percentile);
        return Math.max(floor, LapSettings.ALTERNATIVE_COST_FACTOR * p);
    }
}
