package org.lptem.stats.report;

import org.lptem.core.LptemException;

/**
 * Settings of the displacement report.
 *
 * @param vanHoveLags lags (frames) of the van Hove functions
 * @param maxLagFrames moments (alpha2, skewness, kurtosis) for lags 1..max
 * @param bins histogram bins of the van Hove functions
 * @param rangeSd the van Hove bins span the mean +- this many standard deviations
 * @param turnStepFrames step of the turning angles
 * @param turnBins bins of the turning-angle histogram over 360 degrees
 */
public record DisplacementSettings(int[] vanHoveLags, int maxLagFrames, int bins, double rangeSd, int turnStepFrames,
        int turnBins) {

    public DisplacementSettings {
        vanHoveLags = vanHoveLags.clone();
        for (int lag : vanHoveLags) {
            if (lag < 1) {
                throw new LptemException("van Hove lags must be >= 1 frame, got " + lag);
            }
        }
        if (maxLagFrames < 1 || bins < 2 || !(rangeSd > 0) || turnStepFrames < 1 || turnBins < 2) {
            throw new LptemException("displacement settings out of range: max lag " + maxLagFrames + ", bins " + bins
                    + ", range " + rangeSd + " sd, turn step " + turnStepFrames + ", turn bins " + turnBins);
        }
    }

    /** Lags 1, 2, 4, 8, 16; moments to lag 20; 51 bins over +-5 sd; turns of 1 frame in 36 bins of 10 degrees. */
    public static DisplacementSettings defaults() {
        return new DisplacementSettings(new int[] {1, 2, 4, 8, 16}, 20, 51, 5, 1, 36);
    }
}
