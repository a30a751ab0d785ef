package org.lptem.stats;

import java.util.List;

/**
 * The three ensemble MSDs in use, which differ for non-ergodic or heterogeneous motion (and agree for Brownian):
 * <ul>
 * <li>{@link #pooled}: all displacements of all tracks pooled per lag (trackpy's {@code emsd});</li>
 * <li>{@link #fromOrigin}: the ensemble-averaged MSD proper, {@code <|r(t0 + t) - r(t0)|^2>} over tracks with t0
 * each track's first frame, the quantity that ageing CTRWs make differ from time averages;</li>
 * <li>{@link #timeAveragedMean}: the mean of the tracks' time-averaged MSDs weighted per lag by the inverse of
 * Qian's variance, so that short tracks count less at long lags where their curves are noisy.</li>
 * </ul>
 */
public final class EnsembleMsd {
    private EnsembleMsd() {
    }

    /** Pooled displacements; {@code n} is the number of displacements per lag. */
    public static MsdCurve pooled(List<TrackSeries> tracks, int maxLagFrames) {
        LagSums sums = new LagSums(maxLagFrames);
        TimeAveragedMsd msd = new TimeAveragedMsd();
        for (TrackSeries t : tracks) {
            msd.accumulate(t.frames(), t.x(), t.y(), sums, TimeAveragedMsd.Method.AUTO);
        }
        return sums.toCurve();
    }

    /**
     * The pooled MSD from per-track time-averaged curves (their means times counts are the per-track sums), so an
     * analysis that has the curves need not sum the displacements twice.
     */
    static MsdCurve pooled(List<MsdCurve> perTrack) {
        int maxLag = 1;
        for (MsdCurve c : perTrack) {
            if (c.size() > 0) {
                maxLag = Math.max(maxLag, c.lag(c.size() - 1));
            }
        }
        LagSums sums = new LagSums(maxLag);
        for (MsdCurve c : perTrack) {
            for (int i = 0; i < c.size(); i++) {
                sums.sum[c.lag(i)] += c.msd(i) * c.count(i);
                sums.count[c.lag(i)] += c.count(i);
            }
        }
        return sums.toCurve();
    }

    /** Displacements from each track's first point; {@code n} is the number of tracks with a point at that lag. */
    public static MsdCurve fromOrigin(List<TrackSeries> tracks, int maxLagFrames) {
        LagSums sums = new LagSums(maxLagFrames);
        for (TrackSeries t : tracks) {
            int[] f = t.frames();
            double[] x = t.x();
            double[] y = t.y();
            for (int i = 1; i < f.length; i++) {
                int lag = f[i] - f[0];
                if (lag > maxLagFrames) {
                    break;
                }
                double dx = x[i] - x[0];
                double dy = y[i] - y[0];
                sums.sum[lag] += dx * dx + dy * dy;
                sums.count[lag]++;
            }
        }
        return sums.toCurve();
    }

    /**
     * Qian-weighted mean of time-averaged curves (one per track, as from {@link TimeAveragedMsd}). In the result
     * {@code n} is the number of tracks that have the lag; the relative variance is that of the weighted mean of
     * independent tracks, {@code 1 / sum_i (1 / v_i)}.
     */
    public static WeightedMsd timeAveragedMean(List<MsdCurve> perTrack) {
        int maxLag = 0;
        for (MsdCurve c : perTrack) {
            if (c.size() > 0) {
                maxLag = Math.max(maxLag, c.lag(c.size() - 1));
            }
        }
        double[] weighted = new double[maxLag + 1];
        double[] weights = new double[maxLag + 1];
        long[] tracks = new long[maxLag + 1];
        for (MsdCurve c : perTrack) {
            for (int i = 0; i < c.size(); i++) {
                double w = 1 / QianVariance.relative(c.lag(i), c.count(i));
                weighted[c.lag(i)] += w * c.msd(i);
                weights[c.lag(i)] += w;
                tracks[c.lag(i)]++;
            }
        }
        int lags = 0;
        for (int lag = 1; lag <= maxLag; lag++) {
            if (tracks[lag] > 0) {
                lags++;
            }
        }
        int[] lagFrames = new int[lags];
        double[] msd = new double[lags];
        long[] n = new long[lags];
        double[] relVar = new double[lags];
        int k = 0;
        for (int lag = 1; lag <= maxLag; lag++) {
            if (tracks[lag] > 0) {
                lagFrames[k] = lag;
                msd[k] = weighted[lag] / weights[lag];
                n[k] = tracks[lag];
                relVar[k] = 1 / weights[lag];
                k++;
            }
        }
        return new WeightedMsd(new MsdCurve(lagFrames, msd, n), relVar);
    }
}
