package org.lptem.cli;

import ai.djl.ndarray.NDManager;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import org.lptem.core.Calibration;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;
import org.lptem.leonardo.Generator;
import org.lptem.leonardo.LeonardoConfig;
import org.lptem.leonardo.LeonardoModel;
import org.lptem.leonardo.ModelFile;
import org.lptem.leonardo.TrajectoryWindows;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.ml.torch.Torch;
import org.lptem.stats.report.TrackTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lptem leonardo}: train, sample and judge LEONARDO trajectory generators. */
@Command(name = "leonardo", mixinStandardHelpOptions = true,
        description = {"LEONARDO (Shabeeb et al., Nat. Commun. 2025): a transformer VAE with a physics-informed "
                + "loss that learns trajectories from a tracks table and generates new ones in the same units."},
        subcommands = {LeonardoTrainCommand.class, LeonardoGenerateCommand.class, LeonardoEvaluateCommand.class,
                LeonardoPriorCommand.class, LeonardoBenchCommand.class, LeonardoDiagnoseCommand.class})
final class LeonardoCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: train, generate, "
                + "evaluate, prior, diagnose or bench");
    }

    /** Where and how PyTorch runs; applied before the engine starts. */
    static final class EngineOptions {
        @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|cuda",
                description = "Where PyTorch runs (default ${DEFAULT-VALUE}); cuda needs a CUDA build of PyTorch.")
        String device;

        @Option(names = "--threads", paramLabel = "N",
                description = "PyTorch CPU threads (default: all cores). On a machine shared with other jobs, 1 "
                        + "is often much faster.")
        Integer threads;

        ExecutionDevice device() {
            return switch (device.toLowerCase(Locale.ROOT)) {
                case "cpu" -> ExecutionDevice.CPU;
                case "cuda", "gpu" -> ExecutionDevice.CUDA;
                default -> throw new LptemException("--device '" + device + "': expected cpu or cuda");
            };
        }

        /** Sets PyTorch's thread counts; DJL reads them once, when the engine starts. */
        void apply() {
            if (threads != null) {
                if (threads < 1) {
                    throw new LptemException("--threads must be at least 1, got " + threads);
                }
                System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
                System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
            }
        }
    }

    /** Which prior generation draws latents from. */
    static final class PriorOption {
        @Option(names = "--prior", defaultValue = "aggregate", paramLabel = "aggregate|standard",
                description = "Latent prior: aggregate (the Gaussian fitted to the encoded training windows, stored "
                        + "in the model; default) or standard (N(0, I), as published). Models without an aggregate "
                        + "prior fall back to standard.")
        String prior;

        Generator.Prior prior() {
            return switch (prior.toLowerCase(Locale.ROOT)) {
                case "aggregate" -> Generator.Prior.AGGREGATE;
                case "standard" -> Generator.Prior.STANDARD;
                default -> throw new LptemException("--prior '" + prior + "': expected aggregate or standard");
            };
        }

        /** The generator for {@code model}, after saying which prior it draws from (and why, on a fallback). */
        Generator generator(LeonardoModel model, PrintWriter out, PrintWriter err) {
            Generator g = new Generator(model, prior());
            g.note().ifPresent(n -> err.println("note: " + n));
            out.println("latent prior: " + (g.prior() == Generator.Prior.AGGREGATE ? "aggregate" : "standard N(0, I)"));
            out.println("extent: " + (g.extentGivenShape()
                    ? "drawn given the latent and the decoded shape (step kurtosis and size)"
                    : g.extentConditioned() ? "drawn jointly with the latent (conditional on it)"
                    : "drawn from the training windows, independent of the shape"));
            return g;
        }
    }

    /** A tracks table cut into windows of the model's length. */
    static TrajectoryWindows windows(Path tracks, CalibrationOptions calibration, int length, int stride,
            Progress progress) {
        TrackTable table = TrackTable.read(tracks);
        Calibration c = table.calibration().overriddenBy(calibration.override());
        return TrajectoryWindows.cut(table.tracks(), c, length, stride, progress);
    }

    /** What a command does with a model file once the engine has read it. */
    interface ModelWork {
        void run(LeonardoModel model, ConsoleProgress progress);
    }

    /**
     * Starts PyTorch as {@code engine} says, reads the model {@code file} and runs {@code work} on it under a progress
     * bar; the model's native memory is freed afterwards whatever happens.
     */
    static int withModel(CommandLine.Model.CommandSpec spec, EngineOptions engine, Path file, ModelWork work) {
        engine.apply();
        return withProgress(spec, progress -> {
            try (NDManager manager = Torch.newManager(engine.device());
                    LeonardoModel m = ModelFile.read(file, manager)) {
                work.run(m, progress);
            }
            return Main.OK;
        });
    }

    /** {@code tracks} cut into windows of the model's length starting {@code stride} frames apart; at least two. */
    static TrajectoryWindows windowsFor(LeonardoModel m, Path tracks, CalibrationOptions calibration, int stride,
            Progress progress) {
        int length = m.config().length();
        return windows(tracks, calibration, length, stride, progress).requireAtLeast(2, tracks.toString(), length);
    }

    /** Runs {@code work} with a progress bar on standard error that Ctrl-C cancels. */
    static <T> T withProgress(CommandLine.Model.CommandSpec spec, Function<ConsoleProgress, T> work) {
        ConsoleProgress progress = ConsoleProgress.forStandardError(spec.commandLine().getErr());
        try (CancelOnExit cancel = new CancelOnExit(progress)) {
            return work.apply(progress);
        } finally {
            progress.finish();
        }
    }

    static void describe(PrintWriter out, LeonardoConfig c, long parameters) {
        out.printf(Locale.ROOT, "network: length %d, latent %d%s, %d layer(s), %d heads, width %d, ffn %d, "
                + "bottleneck %d, hidden %d/%d; %,d parameters%n", c.length(), c.latent(),
                c.frameLatent() > 0 ? " + " + c.frameLatent() + " per frame" : "", c.layers(), c.heads(), c.width(),
                c.ffn(), c.bottleneck(), c.hidden(), c.decoderHidden(), parameters);
    }
}
