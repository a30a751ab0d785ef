package org.lptem.stats;

import java.util.List;

/**
 * Velocity autocorrelation of vector displacements: with {@code v(t) = (r(t + delta) - r(t)) / delta},
 * {@code C(n) = <v(t) . v(t + n)>} over all origins t where both velocities exist (exact frame lags, gaps skipped).
 * For Brownian motion C(n) = 0 for n >= delta (up to {@code -2 sigma^2 / delta^2} at n = delta from localisation
 * error); for fBm {@code C(1)/C(0) = 2^(alpha-1) - 1} (delta = 1): negative when subdiffusive, positive when
 * superdiffusive.
 *
 * @param deltaFrames the velocity's time step
 * @param lagFrames 0..maxLag where pairs exist
 * @param vacf C(n), px^2/frame^2
 * @param normalized C(n) / C(0)
 * @param n number of velocity pairs
 */
public record VelocityAutocorrelation(int deltaFrames, int[] lagFrames, double[] vacf, double[] normalized,
        long[] n) {

    /** One track's VACF. */
    public static VelocityAutocorrelation of(TrackSeries track, int maxLag, int deltaFrames) {
        return of(List.of(track), maxLag, deltaFrames);
    }

    /** Pooled over tracks: sums of products over all tracks, divided by the total number of pairs. */
    public static VelocityAutocorrelation of(List<TrackSeries> tracks, int maxLag, int deltaFrames) {
        if (deltaFrames < 1 || maxLag < 0) {
            throw new org.lptem.core.LptemException("the VACF needs a step >= 1 frame and a maximum lag >= 0, got "
                    + deltaFrames + " and " + maxLag);
        }
        double[] sum = new double[maxLag + 1];
        long[] count = new long[maxLag + 1];
        for (TrackSeries t : tracks) {
            accumulate(t, maxLag, deltaFrames, sum, count);
        }
        int lags = 0;
        for (long c : count) {
            if (c > 0) {
                lags++;
            }
        }
        int[] lagFrames = new int[lags];
        double[] vacf = new double[lags];
        double[] norm = new double[lags];
        long[] n = new long[lags];
        double c0 = count[0] > 0 ? sum[0] / count[0] : Double.NaN;
        int k = 0;
        for (int lag = 0; lag <= maxLag; lag++) {
            if (count[lag] > 0) {
                lagFrames[k] = lag;
                vacf[k] = sum[lag] / count[lag];
                norm[k] = vacf[k] / c0;
                n[k] = count[lag];
                k++;
            }
        }
        return new VelocityAutocorrelation(deltaFrames, lagFrames, vacf, norm, n);
    }

    private static void accumulate(TrackSeries t, int maxLag, int delta, double[] sum, long[] count) {
        int[] f = t.frames();
        int size = f.length;
        int[] vf = new int[size];
        double[] vx = new double[size];
        double[] vy = new double[size];
        int nv = 0;
        int j = 0;
        for (int i = 0; i < size; i++) {
            int target = f[i] + delta;
            while (j < size && f[j] < target) {
                j++;
            }
            if (j == size) {
                break;
            }
            if (f[j] == target) {
                vf[nv] = f[i];
                vx[nv] = (t.x()[j] - t.x()[i]) / delta;
                vy[nv] = (t.y()[j] - t.y()[i]) / delta;
                nv++;
            }
        }
        for (int a = 0; a < nv; a++) {
            for (int b = a; b < nv; b++) {
                int lag = vf[b] - vf[a];
                if (lag > maxLag) {
                    break;
                }
                sum[lag] += vx[a] * vx[b] + vy[a] * vy[b];
                count[lag]++;
            }
        }
    }

    public int size() {
        return lagFrames.length;
    }
}
