package org.lptem.stats.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lptem.core.Calibration;
import org.lptem.core.Progress;
import org.lptem.stats.TrackSeries;
import org.lptem.stats.VelocityAutocorrelation;
import org.lptem.stats.plot.StatsFigures;
import org.lptem.stats.table.DisplacementTables;
import org.lptem.stats.table.Units;

/** Velocity autocorrelation report: ensemble and per-track VACF of vector displacements. */
public final class VacfReport {
    private VacfReport() {
    }

    public static Report run(List<TrackSeries> tracks, Calibration calibration, int maxLagFrames, int deltaFrames,
            Progress progress) {
        Units units = Units.planar(calibration);
        VelocityAutocorrelation ensemble = VelocityAutocorrelation.of(tracks, maxLagFrames, deltaFrames);
        List<VelocityAutocorrelation> perTrack = new ArrayList<>();
        List<Integer> particles = new ArrayList<>();
        for (int i = 0; i < tracks.size(); i++) {
            progress.checkCanceled();
            progress.report((double) i / tracks.size(), "VACF of track " + tracks.get(i).particle());
            perTrack.add(VelocityAutocorrelation.of(tracks.get(i), maxLagFrames, deltaFrames));
            particles.add(tracks.get(i).particle());
        }
        List<String> summary = new ArrayList<>();
        summary.add(tracks.size() + " tracks; calibration: " + calibration);
        StringBuilder first = new StringBuilder("normalised VACF:");
        for (int i = 0; i < Math.min(6, ensemble.size()); i++) {
            first.append(String.format(Locale.ROOT, " C(%d)/C(0) = %.4f;", ensemble.lagFrames()[i],
                    ensemble.normalized()[i]));
        }
        summary.add(first.toString());
        summary.add("methods: v(t) = (r(t + delta) - r(t)) / delta with delta = " + deltaFrames + " frames, C(lag) = "
                + "<v(t) . v(t + lag)> over all origins where both velocities exist (exact lags; gaps skipped), "
                + "pooled over tracks for the ensemble. Brownian: 0 beyond delta; localisation error sigma gives "
                + "-2 sigma^2 / delta^2 at lag delta; fBm: 2^(alpha-1) - 1 at lag 1");
        progress.report(1, "VACF done");
        return new Report(List.of(DisplacementTables.vacf(List.of(ensemble), null, units),
                DisplacementTables.vacf(perTrack, particles, units)),
                List.of(new Report.NamedFigure("vacf", StatsFigures.vacf(ensemble, units))), summary);
    }
}
