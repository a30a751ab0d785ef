package org.lptem.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lptem.core.Progress;
import org.lptem.core.Track;
import org.lptem.leonardo.LeonardoBench;
import org.lptem.leonardo.LeonardoConfig;
import org.lptem.leonardo.TrajectoryWindows;
import org.lptem.simulate.SettingsKeys;
import org.lptem.simulate.SimulationSettings;
import org.lptem.simulate.TrajectoryExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lptem leonardo bench}: training and generation throughput on simulated fBm and CTRW trajectories. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Training trajectories/s (one epoch after a warm-up epoch) and generation trajectories/s "
                + "(DJL and ONNX Runtime) of a preset, on simulated fBm (alpha 0.6) and CTRW trajectories.")
final class LeonardoBenchCommand implements Callable<Integer> {

    @Option(names = "--preset", defaultValue = "small", paramLabel = "small|paper",
            description = "Network (default ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--n", defaultValue = "512", description = "Training trajectories (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--generate", defaultValue = "2048",
            description = "Trajectories to generate (default ${DEFAULT-VALUE}).")
    int generate;

    @Option(names = "--batch-size", defaultValue = "64", description = "Training batch (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Mixin
    LeonardoCommand.EngineOptions engine = new LeonardoCommand.EngineOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        engine.apply();
        PrintWriter stdout = spec.commandLine().getOut();
        LeonardoConfig config = LeonardoConfig.preset(preset);
        List<Track> tracks = new ArrayList<>();
        for (String model : new String[] {"fbm", "ctrw"}) {
            SimulationSettings s = SettingsKeys.apply(SimulationSettings.demo(), List.of("motion=" + model,
                    "alpha=0.6", "seed=7"));
            for (Track t : TrajectoryExport.simulate(s, Math.max(1, n / 2), config.length())) {
                tracks.add(new Track(tracks.size() + 1, t.points()));
            }
        }
        TrajectoryWindows windows = TrajectoryWindows.cut(tracks, org.lptem.core.Calibration.NONE, config.length(),
                config.length(), Progress.NONE);
        LeonardoBench b = LeonardoCommand.withProgress(spec, progress -> LeonardoBench.run(config, windows,
                batchSize, engine.device(), generate, progress));
        LeonardoCommand.describe(stdout, config, b.parameters());
        stdout.printf(Locale.ROOT, "device %s, %d cores, PyTorch threads %s%n", engine.device(),
                Runtime.getRuntime().availableProcessors(), engine.threads == null ? "default" : engine.threads);
        stdout.printf(Locale.ROOT, "training:   %.1f trajectories/s (%d windows, batch %d)%n", b.trainPerSecond(),
                windows.size(), batchSize);
        stdout.printf(Locale.ROOT, "generation: %.1f trajectories/s (DJL), %.1f trajectories/s (ONNX Runtime)%n",
                b.generatePerSecond(), b.onnxGeneratePerSecond());
        return Main.OK;
    }
}
