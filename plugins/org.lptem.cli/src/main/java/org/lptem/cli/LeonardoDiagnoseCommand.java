package org.lptem.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lptem.leonardo.Diagnosis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lptem leonardo diagnose}: which loss terms steer training, and how reconstructions compare. */
@Command(name = "diagnose", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Diagnose a LEONARDO model on windows cut from --tracks: for each loss term its weighted value "
                + "and the norm of its gradient over all weights and over the decoder's (the optimiser follows the "
                + "sum, so a term with a far smaller gradient barely trains), then the statistics of the decoded "
                + "encoder means against the windows themselves, in normalised units."})
final class LeonardoDiagnoseCommand implements Callable<Integer> {

    @Mixin
    LeonardoModelAndTracks input = new LeonardoModelAndTracks();

    @Option(names = "--n", defaultValue = "256", paramLabel = "N",
            description = "Windows, taken at even spacing through the table (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the reparameterisation noise (default "
            + "${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        return input.run(spec, m -> m.config().length(), (m, windows, progress) -> {
            Diagnosis d = Diagnosis.run(m, windows, n, seed, progress.sub(0.05, 1));
            progress.finish();
            stdout.printf(Locale.ROOT, "model %s on %s%n", input.model, input.tracks);
            d.report(m.weights()).forEach(stdout::println);
        });
    }
}
