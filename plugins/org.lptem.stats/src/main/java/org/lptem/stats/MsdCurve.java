package org.lptem.stats;

import java.util.Arrays;
import org.lptem.core.Calibration;
import org.lptem.core.LptemException;

/**
 * A mean squared displacement curve: for each time lag that had at least one pair of points, the mean squared 2D
 * displacement and how many displacements were averaged. The constructor copies the arrays; the accessors return
 * the curve's own arrays (callers index them in loops, so copying on every call would cost O(lags^2)): do not modify
 * them.
 *
 * @param lagFrames time lags in frames, increasing
 * @param msdPx2 mean squared displacement at each lag, px^2
 * @param n number of displacements averaged at each lag
 */
public record MsdCurve(int[] lagFrames, double[] msdPx2, long[] n) {

    public MsdCurve {
        if (lagFrames.length != msdPx2.length || lagFrames.length != n.length) {
            throw new IllegalArgumentException("an MSD curve needs as many lags (" + lagFrames.length
                    + ") as values (" + msdPx2.length + ") and counts (" + n.length + ")");
        }
        for (int i = 1; i < lagFrames.length; i++) {
            if (lagFrames[i] <= lagFrames[i - 1]) {
                throw new IllegalArgumentException("lags must increase, got " + lagFrames[i] + " after "
                        + lagFrames[i - 1]);
            }
        }
        lagFrames = lagFrames.clone();
        msdPx2 = msdPx2.clone();
        n = n.clone();
    }

    /** Number of lags in the curve. */
    public int size() {
        return lagFrames.length;
    }

    public int lag(int i) {
        return lagFrames[i];
    }

    public double msd(int i) {
        return msdPx2[i];
    }

    public long count(int i) {
        return n[i];
    }

    /** Lags in seconds. @throws LptemException if the calibration has no frame interval */
    public double[] lagSeconds(Calibration calibration) {
        double secondsPerFrame = calibration.toSeconds(1);
        double[] out = new double[lagFrames.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = lagFrames[i] * secondsPerFrame;
        }
        return out;
    }

    /** MSD values in nm^2. @throws LptemException if the calibration has no pixel size */
    public double[] msdNm2(Calibration calibration) {
        double nmPerPixel = calibration.toNm(1);
        double[] out = new double[msdPx2.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = msdPx2[i] * nmPerPixel * nmPerPixel;
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MsdCurve c && Arrays.equals(lagFrames, c.lagFrames) && Arrays.equals(msdPx2, c.msdPx2)
                && Arrays.equals(n, c.n);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(lagFrames) + Arrays.hashCode(msdPx2)) + Arrays.hashCode(n);
    }

    @Override
    public String toString() {
        return "MsdCurve[lagFrames=" + Arrays.toString(lagFrames) + ", msdPx2=" + Arrays.toString(msdPx2) + ", n="
                + Arrays.toString(n) + "]";
    }
}
