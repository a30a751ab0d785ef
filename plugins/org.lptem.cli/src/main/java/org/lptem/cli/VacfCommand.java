package org.lptem.cli;

import java.util.concurrent.Callable;
import org.lptem.stats.report.VacfReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lptem vacf}: velocity autocorrelation of vector displacements. */
@Command(name = "vacf", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Velocity autocorrelation C(lag) = <v(t) . v(t + lag)> of a tracks table, with "
                + "v(t) = (r(t + delta) - r(t)) / delta.",
                "Writes into --out: vacf.csv (pooled over tracks), vacf_tracks.csv, vacf.png/.svg and "
                        + "vacf_readme.txt. Units: px and frames, plus nm and s when calibrated."})
final class VacfCommand implements Callable<Integer> {

    @Mixin
    MsdCommand.TracksInput input;

    @Option(names = "--max-lag", defaultValue = "20", paramLabel = "FRAMES",
            description = "Largest lag (default ${DEFAULT-VALUE}).")
    int maxLag;

    @Option(names = "--delta", defaultValue = "1", paramLabel = "FRAMES",
            description = "Time step of the velocity (default ${DEFAULT-VALUE}).")
    int delta;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return input.run(spec, "vacf_readme.txt",
                (in, progress) -> VacfReport.run(in.tracks(), in.calibration(), maxLag, delta, progress));
    }
}
