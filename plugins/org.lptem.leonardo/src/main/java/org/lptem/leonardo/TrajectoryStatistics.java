package org.lptem.leonardo;

import java.util.ArrayList;
import java.util.List;
import org.lptem.stats.AnomalousFit;
import org.lptem.stats.DisplacementMoments;
import org.lptem.stats.DisplacementSample;
import org.lptem.stats.MsdCurve;
import org.lptem.stats.MsdFitter;
import org.lptem.stats.MsdModel;
import org.lptem.stats.TimeAveragedMsd;
import org.lptem.stats.TrackSeries;
import org.lptem.stats.VelocityAutocorrelation;
import org.lptem.stats.WeightedMsd;

/**
 * The per-trajectory statistics LEONARDO is judged on, computed with the project's statistics code: displacement
 * variance and kurtosis (non-excess, 1/N moments, x and y pooled) per lag, the normalised velocity autocorrelation
 * at lags 1..50, the time-averaged MSD curve and its anomalous exponent. {@link #features} condenses them into the
 * vector the Frechet distance compares: logs of the scale-like statistics, so that no single heavy-tailed
 * trajectory dominates the covariances.
 *
 * @param kurtosis per {@link #MOMENT_LAGS} lag
 * @param variancePx2 per {@link #MOMENT_LAGS} lag
 * @param vacf normalised VACF at lags 1..{@link #VACF_LAGS} (fewer for short trajectories)
 * @param msdPx2 time-averaged MSD at lags 1..{@link #VACF_LAGS}
 * @param alpha anomalous exponent of the first {@link #ALPHA_LAGS} MSD lags (no localisation offset)
 */
public record TrajectoryStatistics(double[] kurtosis, double[] variancePx2, double[] vacf, double[] msdPx2,
        double alpha) {
    public static final int[] MOMENT_LAGS = {1, 2, 4, 8, 16};
    public static final int VACF_LAGS = 50;
    public static final int ALPHA_LAGS = 10;
    /** VACF and MSD lags that enter the feature vector. */
    static final int[] FEATURE_LAGS = {1, 2, 3, 5, 10, 20, 50};

    /** Statistics of one gap-free trajectory of positions in px. */
    public static TrajectoryStatistics of(double[] x, double[] y, MsdFitter fitter, TimeAveragedMsd msd) {
        int n = x.length;
        int[] frames = new int[n];
        for (int i = 0; i < n; i++) {
            frames[i] = i;
        }
        TrackSeries t = new TrackSeries(1, frames, x, y);
        List<TrackSeries> one = List.of(t);
        int moments = momentLags(n);
        double[] kurt = new double[moments];
        double[] var = new double[moments];
        for (int i = 0; i < moments; i++) {
            DisplacementMoments m = DisplacementMoments.of(DisplacementSample.of(one, MOMENT_LAGS[i]));
            kurt[i] = m.excessKurtosis() + 3;
            var[i] = m.msd() / 2 - (m.meanX() * m.meanX() + m.meanY() * m.meanY()) / 2;
        }
        int lags = vacfLags(n);
        VelocityAutocorrelation v = VelocityAutocorrelation.of(t, lags, 1);
        double[] vacf = new double[lags];
        java.util.Arrays.fill(vacf, Double.NaN);
        for (int i = 0; i < v.size(); i++) {
            if (v.lagFrames()[i] >= 1) {
                vacf[v.lagFrames()[i] - 1] = v.normalized()[i];
            }
        }
        MsdCurve curve = msd.compute(t, lags);
        double[] m = new double[lags];
        for (int i = 0; i < curve.size(); i++) {
            m[curve.lag(i) - 1] = curve.msd(i);
        }
        AnomalousFit fit = fitter.anomalous(WeightedMsd.timeAveraged(curve), 0, Math.min(ALPHA_LAGS, curve.size()));
        return new TrajectoryStatistics(kurt, var, vacf, m, fit.alpha());
    }

    /** Statistics of many trajectories, each {@code xy} interleaved px; one fitter for all (it caches tables). */
    public static List<TrajectoryStatistics> ofAll(List<double[]> xy) {
        MsdFitter fitter = new MsdFitter(MsdModel.planar(0));
        TimeAveragedMsd msd = new TimeAveragedMsd();
        List<TrajectoryStatistics> out = new ArrayList<>(xy.size());
        for (double[] p : xy) {
            int n = p.length / 2;
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = p[2 * i];
                y[i] = p[2 * i + 1];
            }
            out.add(of(x, y, fitter, msd));
        }
        return out;
    }

    static int momentLags(int length) {
        int k = 0;
        while (k < MOMENT_LAGS.length && MOMENT_LAGS[k] < length / 2) {
            k++;
        }
        return k;
    }

    static int vacfLags(int length) {
        return Math.max(1, Math.min(VACF_LAGS, length - 2));
    }

    /** Names of {@link #features()}, in order, for a trajectory length. */
    public static List<String> featureNames(int length) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < momentLags(length); i++) {
            names.add("log10_variance_lag" + MOMENT_LAGS[i]);
        }
        for (int i = 0; i < momentLags(length); i++) {
            names.add("log10_kurtosis_lag" + MOMENT_LAGS[i]);
        }
        for (int lag : FEATURE_LAGS) {
            if (lag <= vacfLags(length)) {
                names.add("vacf_lag" + lag);
            }
        }
        for (int lag : FEATURE_LAGS) {
            if (lag <= vacfLags(length)) {
                names.add("log10_msd_lag" + lag);
            }
        }
        names.add("alpha");
        return names;
    }

    /** The feature vector; NaN entries (e.g. a VACF of a trajectory without velocity) make it unusable. */
    public double[] features() {
        List<Double> f = new ArrayList<>();
        for (double v : variancePx2) {
            f.add(Math.log10(v));
        }
        for (double k : kurtosis) {
            f.add(Math.log10(k));
        }
        for (int lag : FEATURE_LAGS) {
            if (lag <= vacf.length) {
                f.add(vacf[lag - 1]);
            }
        }
        for (int lag : FEATURE_LAGS) {
            if (lag <= msdPx2.length) {
                f.add(Math.log10(msdPx2[lag - 1]));
            }
        }
        f.add(alpha);
        return f.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public boolean finite() {
        for (double v : features()) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
