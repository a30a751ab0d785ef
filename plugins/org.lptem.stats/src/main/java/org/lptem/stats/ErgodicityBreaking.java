package org.lptem.stats;

import java.util.List;

/**
 * The ergodicity-breaking parameter {@code EB(n) = (<d^2(n)^2> - <d^2(n)>^2) / <d^2(n)>^2}: the relative variance,
 * across tracks, of the time-averaged MSD at lag n. It tends to 0 as tracks grow for ergodic motion (for 2D Brownian
 * tracks it equals Qian's relative variance, about {@code (2n/3 + 1/(3n)) / K}) and stays finite for weak ergodicity
 * breaking (CTRW with diverging mean waiting time).
 *
 * @param lagFrames lags that at least two tracks have
 * @param eb EB at each lag
 * @param tracks number of tracks with that lag
 */
public record ErgodicityBreaking(int[] lagFrames, double[] eb, int[] tracks) {

    /** From per-track time-averaged curves, every track weighing the same. */
    public static ErgodicityBreaking of(List<MsdCurve> perTrack) {
        int maxLag = 0;
        for (MsdCurve c : perTrack) {
            if (c.size() > 0) {
                maxLag = Math.max(maxLag, c.lag(c.size() - 1));
            }
        }
        double[] s1 = new double[maxLag + 1];
        double[] s2 = new double[maxLag + 1];
        int[] n = new int[maxLag + 1];
        for (MsdCurve c : perTrack) {
            for (int i = 0; i < c.size(); i++) {
                s1[c.lag(i)] += c.msd(i);
                s2[c.lag(i)] += c.msd(i) * c.msd(i);
                n[c.lag(i)]++;
            }
        }
        int lags = 0;
        for (int lag = 1; lag <= maxLag; lag++) {
            if (n[lag] >= 2) {
                lags++;
            }
        }
        int[] lagFrames = new int[lags];
        double[] eb = new double[lags];
        int[] tracks = new int[lags];
        int k = 0;
        for (int lag = 1; lag <= maxLag; lag++) {
            if (n[lag] >= 2) {
                double mean = s1[lag] / n[lag];
                lagFrames[k] = lag;
                eb[k] = mean > 0 ? Math.max(0, s2[lag] / n[lag] - mean * mean) / (mean * mean) : Double.NaN;
                tracks[k] = n[lag];
                k++;
            }
        }
        return new ErgodicityBreaking(lagFrames, eb, tracks);
    }

    public int size() {
        return lagFrames.length;
    }
}
