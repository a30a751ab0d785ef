package org.lptem.stats.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lptem.core.Calibration;
import org.lptem.core.Progress;
import org.lptem.stats.DisplacementMoments;
import org.lptem.stats.DisplacementSample;
import org.lptem.stats.TrackSeries;
import org.lptem.stats.TurningAngles;
import org.lptem.stats.VanHove;
import org.lptem.stats.plot.StatsFigures;
import org.lptem.stats.table.DisplacementTables;
import org.lptem.stats.table.Units;

/** Displacement report: van Hove functions, moments and non-Gaussian parameter per lag, turning angles. */
public final class DisplacementReport {
    private DisplacementReport() {
    }

    public static Report run(List<TrackSeries> tracks, Calibration calibration, DisplacementSettings settings,
            Progress progress) {
        Units units = Units.planar(calibration);
        List<VanHove> vanHove = new ArrayList<>();
        int[] lags = settings.vanHoveLags();
        for (int i = 0; i < lags.length; i++) {
            progress.checkCanceled();
            progress.report(0.5 * i / lags.length, "van Hove function at lag " + lags[i]);
            VanHove v = VanHove.of(DisplacementSample.of(tracks, lags[i]), settings.bins(), settings.rangeSd());
            if (v.n() > 0) {
                vanHove.add(v);
            }
        }
        progress.report(0.5, "moments of the displacements");
        List<DisplacementMoments> moments = new ArrayList<>();
        for (int lag = 1; lag <= settings.maxLagFrames(); lag++) {
            progress.checkCanceled();
            DisplacementMoments m = DisplacementMoments.of(DisplacementSample.of(tracks, lag));
            if (m.n() > 0) {
                moments.add(m);
            }
        }
        TurningAngles turns = TurningAngles.of(tracks, settings.turnStepFrames(), settings.turnBins());
        List<String> summary = new ArrayList<>();
        summary.add(tracks.size() + " tracks; calibration: " + calibration);
        for (DisplacementMoments m : moments) {
            if (m.lag() == 1 || Integer.bitCount(m.lag()) == 1) {
                summary.add(String.format(Locale.ROOT, "lag %d: n %d, alpha2 %.4f, skewness %.4f, excess kurtosis "
                        + "%.4f", m.lag(), m.n(), m.alpha2(), m.skewness(), m.excessKurtosis()));
            }
        }
        summary.add(String.format(Locale.ROOT, "turning angles (step %d frames): n %d, <cos> %.4f",
                turns.stepFrames(), turns.n(), turns.meanCosine()));
        summary.add("methods: displacements over exact frame lags from all time origins (overlapping); van Hove "
                + "functions of x and y pooled, histogram and Gaussian kernel density (Silverman bandwidth) against "
                + "the normal density of the same mean and variance; alpha2 = <r^4>/(2<r^2>^2) - 1 of the 2D "
                + "displacement; skewness and excess kurtosis of the 1D displacements about their mean");
        progress.report(1, "displacements done");
        return new Report(List.of(DisplacementTables.moments(moments, units),
                DisplacementTables.vanHove(vanHove, units), DisplacementTables.turningAngles(turns)),
                List.of(new Report.NamedFigure("van_hove", StatsFigures.vanHove(vanHove, units)),
                        new Report.NamedFigure("non_gaussian", StatsFigures.nonGaussian(moments, units)),
                        new Report.NamedFigure("turning_angles", StatsFigures.turningAngles(turns))),
                summary);
    }
}
