package org.lptem.cli;

import java.util.concurrent.Callable;
import org.lptem.stats.report.DisplacementReport;
import org.lptem.stats.report.DisplacementSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lptem displacements}: van Hove functions, non-Gaussian parameter, skewness, kurtosis, turning angles. */
@Command(name = "displacements", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Displacement statistics of a tracks table.",
                "Writes into --out: van_hove.csv (histogram and kernel density of the x and y displacements per "
                        + "lag with the Gaussian reference), displacement_moments.csv (per lag: drift, MSD, "
                        + "non-Gaussian parameter alpha2, skewness, excess kurtosis), turning_angles.csv, "
                        + "van_hove.png/.svg, non_gaussian.png/.svg, turning_angles.png/.svg and "
                        + "displacements_readme.txt. Units: px and frames, plus nm and s when calibrated."})
final class DisplacementsCommand implements Callable<Integer> {

    @Mixin
    MsdCommand.TracksInput input;

    @Option(names = "--lags", split = ",", paramLabel = "FRAMES",
            description = "Lags of the van Hove functions, comma-separated (default 1,2,4,8,16).")
    int[] lags = DisplacementSettings.defaults().vanHoveLags();

    @Option(names = "--max-lag", paramLabel = "FRAMES",
            description = "Moments for lags 1 to this (default ${DEFAULT-VALUE}).")
    int maxLag = DisplacementSettings.defaults().maxLagFrames();

    @Option(names = "--bins", paramLabel = "N", description = "Van Hove histogram bins (default ${DEFAULT-VALUE}).")
    int bins = DisplacementSettings.defaults().bins();

    @Option(names = "--range-sd", paramLabel = "SD",
            description = "Van Hove bins span the mean +- this many standard deviations (default ${DEFAULT-VALUE}).")
    double rangeSd = DisplacementSettings.defaults().rangeSd();

    @Option(names = "--turn-step", paramLabel = "FRAMES",
            description = "Step length of the turning angles, frames (default ${DEFAULT-VALUE}).")
    int turnStep = DisplacementSettings.defaults().turnStepFrames();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DisplacementSettings settings = new DisplacementSettings(lags, maxLag, bins, rangeSd, turnStep,
                DisplacementSettings.defaults().turnBins());
        return input.run(spec, "displacements_readme.txt",
                (in, progress) -> DisplacementReport.run(in.tracks(), in.calibration(), settings, progress));
    }
}
