package org.lptem.stats;

/**
 * An MSD curve with the relative variance of each point ({@code var / MSD^2}), which fits use as inverse weights.
 *
 * @param curve the MSD; for ensemble curves {@code n} counts tracks or displacements as documented by the producer
 * @param relativeVariance per lag of the curve
 */
public record WeightedMsd(MsdCurve curve, double[] relativeVariance) {

    public WeightedMsd {
        if (relativeVariance.length != curve.size()) {
            throw new IllegalArgumentException("one relative variance per lag needed: " + relativeVariance.length
                    + " for " + curve.size() + " lags");
        }
        relativeVariance = relativeVariance.clone();
    }

    /** A single track's time-averaged curve with Qian's variances. */
    public static WeightedMsd timeAveraged(MsdCurve curve) {
        return new WeightedMsd(curve, QianVariance.of(curve));
    }

    public int size() {
        return curve.size();
    }
}
