package org.lptem.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lptem.core.StagedFolder;
import org.lptem.core.Calibration;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;
import org.lptem.core.Track;
import org.lptem.stats.LocalisationMethod;
import org.lptem.stats.MsdSettings;
import org.lptem.stats.TrackSeries;
import org.lptem.stats.report.MsdReport;
import org.lptem.stats.report.Report;
import org.lptem.stats.report.ReportFiles;
import org.lptem.stats.report.TrackTable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lptem msd}: MSD curves, fits of D, alpha and sigma with bootstrap intervals, rotational diffusion. */
@Command(name = "msd", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Mean squared displacement analysis of a tracks table (from 'lptem analyze', trackpy or "
                + "SAM-EM's trajectories.csv).",
                "Writes into --out: msd_ensemble.csv (pooled MSD, Qian-weighted mean of the time-averaged MSDs with "
                        + "its bootstrap interval, ensemble-averaged MSD, ergodicity breaking), msd_tracks.csv, "
                        + "fits.csv (per track: D, alpha, K, sigma with intervals and the lags fitted), "
                        + "fit_ensemble.csv, track_shapes.csv (radius of gyration, confinement ratio), msd.png/.svg, "
                        + "trajectories.png/.svg and msd_readme.txt (summary and every column). Tracks with an "
                        + "orientation column also get rotational_*.csv and rotational_msd.png/.svg.",
                "fits.csv: D comes from Michalet's free-offset line through his optimal number of lags; alpha and "
                        + "K from MSD = 4 (K t^alpha + sigma^2) in log space with sigma fixed; sigma from the "
                        + "estimator named in its sigma_method column (default 'ensemble': one sigma for all "
                        + "tracks, the offset that minimises the summed residuals of every track's own K and alpha "
                        + "fit, valid for any mix of exponents).",
                "Units: px and frames, plus nm and s when the calibration is known (from the table's x_nm and t_s "
                        + "columns, or the options below)."})
final class MsdCommand implements Callable<Integer> {

    @Mixin
    TracksInput input;

    @Option(names = "--max-lag", defaultValue = "0", paramLabel = "FRAMES",
            description = "Largest lag of the MSD curves; 0 = a quarter of the longest track, at least 10 "
                    + "(default). The ensemble and per-track sigma methods need at least 3.")
    int maxLag;

    @Option(names = "--exposure-fraction", defaultValue = "0", paramLabel = "F",
            description = "Exposure time / frame interval for the motion-blur correction: 0 = none (default), "
                    + "1 = the camera integrates the whole frame time.")
    double exposureFraction;

    @Option(names = "--sigma-method", defaultValue = "ensemble", paramLabel = "METHOD",
            description = "Localisation error estimator: ensemble (default), covariance (Brownian only), per-track, "
                    + "none. Giving --sigma-nm or --sigma-px fixes sigma instead.")
    String sigmaMethod;

    @ArgGroup(exclusive = true)
    FixedSigma fixedSigma;

    static final class FixedSigma {
        @Option(names = "--sigma-nm", paramLabel = "NM", description = "Known localisation error per axis, nm.")
        Double nm;

        @Option(names = "--sigma-px", paramLabel = "PX", description = "Known localisation error per axis, px.")
        Double px;
    }

    @Option(names = "--bootstrap", defaultValue = "200", paramLabel = "N",
            description = "Bootstrap replicates for confidence intervals; 0 = none (default ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--confidence", defaultValue = "0.95", paramLabel = "LEVEL",
            description = "Confidence level of the intervals (default ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--seed", defaultValue = "1", description = "Bootstrap seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return input.run(spec, "msd_readme.txt", (in, progress) -> MsdReport.run(in.tracks(), in.calibration(),
                settings(in.calibration()), progress));
    }

    private MsdSettings settings(Calibration calibration) {
        if (fixedSigma != null) {
            double px = fixedSigma.px != null ? fixedSigma.px : fixedSigma.nm / calibration.nmPerPixel()
                    .orElseThrow(() -> new LptemException("--sigma-nm needs the pixel size (--pixel-size, or x_nm "
                            + "in the tracks table); give --sigma-px instead"));
            return new MsdSettings(maxLag, exposureFraction, LocalisationMethod.FIXED, px, bootstrap, confidence,
                    seed);
        }
        // built with the chosen method at once: the settings check the lags against the method
        return new MsdSettings(maxLag, exposureFraction, parseMethod(sigmaMethod), Double.NaN, bootstrap, confidence,
                seed);
    }

    static LocalisationMethod parseMethod(String name) {
        return switch (name.toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "ensemble" -> LocalisationMethod.ENSEMBLE;
            case "covariance" -> LocalisationMethod.COVARIANCE;
            case "per_track" -> LocalisationMethod.PER_TRACK;
            case "none" -> LocalisationMethod.NONE;
            default -> throw new LptemException("--sigma-method '" + name + "': expected ensemble, covariance, "
                    + "per-track or none");
        };
    }

    /** Tracks and calibration as the statistics see them. */
    record Input(List<TrackSeries> tracks, Calibration calibration) {
    }

    /** What a statistics command computes from its input. */
    interface Work {
        Report compute(Input input, Progress progress);
    }

    /**
     * The input options of every trajectory-statistics command ({@code msd}, {@code displacements}, {@code vacf})
     * and their common run: read the table, apply the calibration, compute with a progress bar on standard error,
     * write into a staged folder that appears only on success, print the summary.
     */
    static final class TracksInput {
        @Parameters(index = "0", paramLabel = "TRACKS.csv",
                description = "Tracks table with frame, particle (or particle_id), x, y in px; optional x_nm, t_s, "
                        + "orientation_deg (or angle).")
        Path tracks;

        @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output folder.")
        Path out;

        @Mixin
        CalibrationOptions calibrationOptions = new CalibrationOptions();

        @Option(names = "--min-length", defaultValue = "3", paramLabel = "POINTS",
                description = "Leave out tracks with fewer points (default ${DEFAULT-VALUE}).")
        int minLength;

        Input read() {
            TrackTable table = TrackTable.read(tracks);
            Calibration calibration = table.calibration().overriddenBy(calibrationOptions.override());
            if (minLength < 2) {
                throw new LptemException("--min-length must be at least 2 points (a displacement), got "
                        + minLength);
            }
            List<Track> kept = table.tracks().stream().filter(t -> t.size() >= minLength).toList();
            if (kept.isEmpty()) {
                throw LptemException.inFile(tracks, "no track has at least " + minLength + " points (the table has "
                        + table.tracks().size() + " tracks)");
            }
            return new Input(TrackSeries.ofAll(kept), calibration);
        }

        int run(CommandSpec spec, String readme, Work work) {
            PrintWriter stdout = spec.commandLine().getOut();
            ConsoleProgress progress = ConsoleProgress.forStandardError(spec.commandLine().getErr());
            try (CancelOnExit cancel = new CancelOnExit(progress)) {
                Input in = read();
                try (StagedFolder staged = StagedFolder.forResults(out, tracks)) {
                    Report report = work.compute(in, progress);
                    progress.report(1, "writing");
                    ReportFiles.write(report, staged::file, readme);
                    progress.finish();
                    staged.commit();
                    report.summary().forEach(stdout::println);
                    stdout.println("results in " + staged.target());
                }
            } finally {
                progress.finish();
            }
            return Main.OK;
        }
    }
}
