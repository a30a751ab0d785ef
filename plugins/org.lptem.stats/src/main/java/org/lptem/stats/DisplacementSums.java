package org.lptem.stats;

import org.lptem.core.Detection;
import org.lptem.core.LptemException;
import org.lptem.core.Track;

/**
 * Running sums of squared displacements per exact frame lag, over any number of tracks and all time origins. Pairs
 * are matched by frame difference, not by position in the track, so missing frames give exact lags.
 */
final class DisplacementSums {
    private final int maxLag;
    private final double[] sum;
    private final long[] count;

    DisplacementSums(int maxLagFrames) {
        if (maxLagFrames < 1) {
            throw new LptemException("maximum lag must be >= 1 frame, got " + maxLagFrames);
        }
        maxLag = maxLagFrames;
        sum = new double[maxLagFrames + 1];
        count = new long[maxLagFrames + 1];
    }

    void add(Track track) {
        int size = track.size();
        int[] frame = new int[size];
        double[] x = new double[size];
        double[] y = new double[size];
        for (int i = 0; i < size; i++) {
            Detection d = track.points().get(i);
            frame[i] = d.frame();
            x[i] = d.x();
            y[i] = d.y();
        }
        // Frames increase strictly, so the inner loop sees at most maxLag points: O(N maxLag) per track.
        for (int i = 0; i < size; i++) {
            for (int j = i + 1; j < size; j++) {
                int lag = frame[j] - frame[i];
                if (lag > maxLag) {
                    break;
                }
                double dx = x[j] - x[i];
                double dy = y[j] - y[i];
                sum[lag] += dx * dx + dy * dy;
                count[lag]++;
            }
        }
    }

    /** Means per lag, leaving out lags that no pair had. */
    MsdCurve toCurve() {
        int lags = 0;
        for (int lag = 1; lag <= maxLag; lag++) {
            if (count[lag] > 0) {
                lags++;
            }
        }
        int[] lagFrames = new int[lags];
        double[] msd = new double[lags];
        long[] n = new long[lags];
        int k = 0;
        for (int lag = 1; lag <= maxLag; lag++) {
            if (count[lag] > 0) {
                lagFrames[k] = lag;
                msd[k] = sum[lag] / count[lag];
                n[k] = count[lag];
                k++;
            }
        }
        return new MsdCurve(lagFrames, msd, n);
    }
}
