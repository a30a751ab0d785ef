package org.lptem.stats.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lptem.core.Calibration;
import org.lptem.core.Progress;
import org.lptem.stats.Interval;
import org.lptem.stats.LocalisationMethod;
import org.lptem.stats.MsdAnalysis;
import org.lptem.stats.MsdModel;
import org.lptem.stats.MsdParameters;
import org.lptem.stats.MsdResult;
import org.lptem.stats.MsdSettings;
import org.lptem.stats.OffsetProfile;
import org.lptem.stats.Orientations;
import org.lptem.stats.TrackSeries;
import org.lptem.stats.TrackShape;
import org.lptem.stats.plot.StatsFigures;
import org.lptem.stats.table.DisplacementTables;
import org.lptem.stats.table.MsdTables;
import org.lptem.stats.table.Table;
import org.lptem.stats.table.Units;

/**
 * MSD report: translational MSD tables and fits, track shapes, and, when the tracks carry orientations (rods),
 * the same analysis of the unwrapped orientation angle (rotational MSD and rotational diffusion).
 */
public final class MsdReport {
    private MsdReport() {
    }

    public static Report run(List<TrackSeries> tracks, Calibration calibration, MsdSettings settings,
            Progress progress) {
        double split = Orientations.angleSeries(tracks).isEmpty() ? 1 : 0.7;
        MsdResult r = MsdAnalysis.run(tracks, settings, progress.sub(0, split));
        return of(r, tracks, calibration, progress.sub(split, 1));
    }

    /**
     * The report of a translational analysis {@code r} already run on {@code tracks} (for callers that also need its
     * numbers), with the rotational analysis added when the tracks carry orientations.
     */
    public static Report of(MsdResult r, List<TrackSeries> tracks, Calibration calibration, Progress progress) {
        MsdSettings settings = r.settings();
        List<TrackSeries> rotating = Orientations.angleSeries(tracks);
        Units units = Units.planar(calibration);
        List<Table> tables = new ArrayList<>(List.of(MsdTables.ensemble(r, units), MsdTables.perTrack(r, units),
                MsdTables.fits(r, units), MsdTables.ensembleFit(r, units),
                DisplacementTables.trackShapes(tracks.stream().map(TrackShape::of).toList(), units)));
        List<Report.NamedFigure> figures = new ArrayList<>(List.of(
                new Report.NamedFigure("msd", StatsFigures.msd(r, units, "Mean squared displacement ("
                        + tracks.size() + " tracks)")),
                new Report.NamedFigure("trajectories", StatsFigures.trajectories(tracks, units))));
        List<String> summary = new ArrayList<>();
        summary.add(tracks.size() + " tracks, MSD up to lag " + r.maxLagFrames() + " frames; calibration: "
                + calibration);
        summary.addAll(describe(r, units, "translation", "D"));
        if (!rotating.isEmpty()) {
            MsdResult rot = rotational(rotating, angularSettings(settings), progress);
            tables.addAll(rotationalTables(rot, calibration));
            figures.add(new Report.NamedFigure("rotational_msd", rotationalFigure(rot, calibration)));
            summary.addAll(describe(rot, Units.angular(calibration), "rotation (" + rotating.size()
                    + " tracks with orientation)", "D_r"));
        }
        summary.add("methods: D from Michalet's free-offset line through his optimal number of lags (weighted by "
                + "Qian's variances); alpha and K from MSD = 2d (K t^alpha + sigma^2) fitted in log space with sigma "
                + "fixed; sigma (per axis) by the '" + method(settings.localisation()) + "' estimator; exposure "
                + "fraction " + settings.exposureFraction() + " for the blur correction; "
                + (settings.bootstrapReplicates() > 0 ? settings.bootstrapReplicates() + " bootstrap replicates "
                        + "(seed " + settings.seed() + "), " + Math.round(100 * settings.confidenceLevel())
                        + "% percentile intervals: tracks resampled for the ensemble, parametric for single tracks"
                        : "no bootstrap intervals"));
        return new Report(tables, figures, summary);
    }

    /** The MSD analysis of unwrapped orientation series ({@link Orientations#angleSeries}), in degrees. */
    public static MsdResult rotational(List<TrackSeries> angles, MsdSettings settings, Progress progress) {
        return MsdAnalysis.run(angles, MsdModel.angular(settings.exposureFraction()), settings, progress);
    }

    /** The rotational tables: ensemble MSD, per-track MSD, fits and the ensemble fit, in deg and rad. */
    public static List<Table> rotationalTables(MsdResult rotational, Calibration calibration) {
        Units deg = Units.angular(calibration);
        return List.of(MsdTables.ensemble(rotational, deg).renamed("rotational_msd_ensemble"),
                MsdTables.perTrack(rotational, deg).renamed("rotational_msd_tracks"),
                MsdTables.fits(rotational, deg).renamed("rotational_fits"),
                MsdTables.ensembleFit(rotational, deg).renamed("rotational_fit_ensemble"));
    }

    /** The rotational MSD figure. */
    public static org.lptem.stats.plot.Figure rotationalFigure(MsdResult rotational, Calibration calibration) {
        return StatsFigures.msd(rotational, Units.angular(calibration), "Rotational MSD of the orientation, "
                + "unwrapped modulo 180 deg (" + rotational.tracks().size() + " tracks)");
    }

    /**
     * A fixed sigma is a position error, so orientations get their own estimate: profiled when the lags allow it,
     * from successive steps otherwise.
     */
    static MsdSettings angularSettings(MsdSettings settings) {
        if (settings.localisation() != LocalisationMethod.FIXED) {
            return settings;
        }
        int lags = settings.maxLagFrames();
        boolean profilable = lags == 0 || lags >= OffsetProfile.MIN_LAGS;
        return settings.withLocalisation(profilable ? LocalisationMethod.ENSEMBLE : LocalisationMethod.COVARIANCE,
                Double.NaN);
    }

    static String method(LocalisationMethod m) {
        return switch (m) {
            case ENSEMBLE -> "ensemble (one sigma for all tracks, minimising the summed residuals of every track's "
                    + "own K and alpha fit)";
            case COVARIANCE -> "covariance (-<dx_i dx_i+1> pooled over tracks; exact for Brownian motion only)";
            case PER_TRACK -> "per_track (each track fits its own offset)";
            case FIXED -> "fixed (given by the user)";
            case NONE -> "none (sigma = 0)";
        };
    }

    private static List<String> describe(MsdResult r, Units u, String what, String dName) {
        MsdParameters e = r.ensemble();
        boolean cal = u.hasLength() && u.hasTime();
        String dUnit = cal ? u.length() + "^2/" + u.time() : u.rawLength() + "^2/frame";
        double d = cal ? u.convert(e.diffusion().diffusion(), 2, 1) : e.diffusion().diffusion();
        Interval dci = cal ? e.diffusionCi().map(v -> u.convert(v, 2, 1)) : e.diffusionCi();
        String sUnit = u.hasLength() ? u.length() : u.rawLength();
        double s = u.hasLength() ? u.convert(e.sigma(), 1, 0) : e.sigma();
        Interval sci = u.hasLength() ? e.sigmaCi().map(v -> u.convert(v, 1, 0)) : e.sigmaCi();
        String line = what + ": ensemble " + dName + " = " + format(d, dci) + " " + dUnit + ", alpha = "
                + format(e.anomalous().alpha(), e.alphaCi()) + ", sigma = " + format(s, sci) + " " + sUnit;
        if (d < 0) {
            // a diffusion coefficient cannot be negative: say why the fit gave one rather than print it bare
            return List.of(line, "  " + dName + " < 0 is not physical: the offset of the fit (2d sigma^2) exceeds "
                    + "the MSD "
                    + "at the first lags, so sigma is too large (a fixed sigma above the real one) or the motion is "
                    + "smaller than the localisation error");
        }
        return List.of(line);
    }

    static String format(double v, Interval ci) {
        String s = String.format(Locale.ROOT, "%.4g", v);
        return ci.known() ? s + String.format(Locale.ROOT, " [%.4g, %.4g]", ci.lo(), ci.hi()) : s;
    }
}
