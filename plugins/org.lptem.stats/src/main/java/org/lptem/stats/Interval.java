package org.lptem.stats;

/** A confidence interval; both ends NaN when none was computed. */
public record Interval(double lo, double hi) {
    public static final Interval NONE = new Interval(Double.NaN, Double.NaN);

    public boolean known() {
        return !Double.isNaN(lo) && !Double.isNaN(hi);
    }

    /** Percentile interval of bootstrap replicates at the given confidence level (NaN replicates are ignored). */
    public static Interval percentile(double[] replicates, double confidence) {
        double[] v = java.util.Arrays.stream(replicates).filter(Double::isFinite).sorted().toArray();
        if (v.length < 2) {
            return NONE;
        }
        double tail = (1 - confidence) / 2;
        return new Interval(quantile(v, tail), quantile(v, 1 - tail));
    }

    /** Linear interpolation between order statistics (type 7, as numpy's default). */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int i = (int) Math.floor(h);
        if (i >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]);
    }

    /** The interval mapped through an increasing function (e.g. a unit conversion). */
    public Interval map(java.util.function.DoubleUnaryOperator f) {
        return known() ? new Interval(f.applyAsDouble(lo), f.applyAsDouble(hi)) : NONE;
    }
}
