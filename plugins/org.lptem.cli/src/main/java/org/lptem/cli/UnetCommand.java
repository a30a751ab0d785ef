package org.lptem.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lptem.core.LptemException;
import org.lptem.io.JsonText;
import org.lptem.io.TextFiles;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.segment.unet.Augmentation;
import org.lptem.segment.unet.EpochResult;
import org.lptem.segment.unet.FrameCrops;
import org.lptem.segment.unet.SampleSource;
import org.lptem.segment.unet.TrainingRecord;
import org.lptem.segment.unet.TrainingResult;
import org.lptem.segment.unet.TrainingSettings;
import org.lptem.segment.unet.UnetConfig;
import org.lptem.segment.unet.UnetOnnx;
import org.lptem.segment.unet.UnetTrainer;
import org.lptem.segment.unet.UnetWeights;
import org.lptem.simulate.SimulationPreset;
import org.lptem.simulate.TrainingFrames;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lptem unet}: the project's U-Net segmenter. */
@Command(name = "unet", mixinStandardHelpOptions = true, subcommands = {UnetCommand.Train.class, UnetClassifierCommand.class},
        description = "Train the U-Net segmenter (see 'lptem unet train --help'); use the result with "
                + "'lptem segment --method unet --model FILE.onnx'.")
final class UnetCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (train, train-classifier)");
    }

    /** {@code lptem unet train}. */
    @Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Train a U-Net (DJL, PyTorch engine) on simulated frames and their label truth, with "
                    + "flips, rotations, contrast, noise and blur augmentation; write it as ONNX (MODEL.onnx) with "
                    + "its record MODEL.json: the command line, seed, data parameters and the training and "
                    + "validation loss of every epoch.",
                    "After every epoch both files are rewritten with the best epoch so far, so a canceled run leaves "
                            + "a usable checkpoint (its record says \"complete\": false)."})
    static final class Train implements Callable<Integer> {
        /** DJL reads it when it starts PyTorch. */
        static final String TORCH_THREADS = "ai.djl.pytorch.num_threads";

        @Option(names = {"-o", "--out"}, required = true, paramLabel = "MODEL.onnx",
                description = "The model to write; the record goes beside it as .json.")
        Path out;

        @Option(names = "--presets", split = ",", paramLabel = "NAME,...",
                defaultValue = BenchSegmentationCommand.DEFAULT_PRESETS,
                description = "Simulator presets the frames are drawn around, in turn (default ${DEFAULT-VALUE}).")
        List<String> presets;

        @Option(names = "--samples", defaultValue = "1600", paramLabel = "N",
                description = "Training crops, validation ones included (default ${DEFAULT-VALUE}).")
        int samples;

        @Option(names = "--epochs", defaultValue = "10", paramLabel = "E",
                description = "Passes over the training crops (default ${DEFAULT-VALUE}).")
        int epochs;

        @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
                description = "Seed of the data, the weights and the augmentation (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--depth", defaultValue = "4", paramLabel = "D",
                description = "Resolution levels (default ${DEFAULT-VALUE}).")
        int depth;

        @Option(names = "--channels", defaultValue = "8", paramLabel = "C",
                description = "Feature channels at full resolution, doubled per level (default ${DEFAULT-VALUE}).")
        int channels;

        @Option(names = "--crop", defaultValue = "128", paramLabel = "PX",
                description = "Side of the training crops, px (default ${DEFAULT-VALUE}).")
        int crop;

        @Option(names = "--distractor-centred", defaultValue = "" + TrainingFrames.DISTRACTOR_CENTRED,
                paramLabel = "FRACTION", description = "Share of the crops centred near an out-of-focus distractor "
                        + "(hard negatives; frames without one give random crops) (default ${DEFAULT-VALUE}).")
        double distractorCentred;

        @Option(names = "--average-frames", defaultValue = "1", paramLabel = "N",
                description = "Train on the moving mean of N (odd) frames of each simulated set-up, for a network "
                        + "that will segment with 'lptem segment --average-frames N' (default ${DEFAULT-VALUE}).")
        int averageFrames;

        @Option(names = "--batch", defaultValue = "8", paramLabel = "N",
                description = "Crops per Adam step (default ${DEFAULT-VALUE}).")
        int batch;

        @Option(names = "--learning-rate", defaultValue = "0.002", paramLabel = "LR",
                description = "Adam's learning rate (default ${DEFAULT-VALUE}).")
        double learningRate;

        @Option(names = "--validation", defaultValue = "0.1", paramLabel = "FRACTION",
                description = "Share of the crops held out for validation (default ${DEFAULT-VALUE}).")
        double validation;

        @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
                description = "PyTorch's threads (default ${DEFAULT-VALUE}: its workers spin while they wait, which "
                        + "on a machine busy with other work costs far more than they gain; give the number of idle "
                        + "cores on a dedicated machine). Applies when PyTorch starts, once per JVM.")
        int threads;

        @Option(names = "--device", defaultValue = "CPU",
                description = "Where PyTorch trains: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
        ExecutionDevice device;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter stdout = spec.commandLine().getOut();
            if (!out.getFileName().toString().endsWith(".onnx")) {
                throw new LptemException("--out must name a .onnx file, got " + out);
            }
            Path record = out.resolveSibling(out.getFileName().toString().replaceAll("\\.onnx$", ".json"));
            UnetConfig config = new UnetConfig(depth, channels);
            if (crop < config.sizeMultiple() || crop % config.sizeMultiple() != 0) {
                throw new LptemException("--crop " + crop + " px must be a multiple of " + config.sizeMultiple()
                        + " px for --depth " + depth);
            }
            if (threads < 1) {
                throw new LptemException("--threads must be >= 1, got " + threads);
            }
            System.setProperty(TORCH_THREADS, Integer.toString(threads));
            TrainingSettings settings = new TrainingSettings(samples, epochs, batch, learningRate, validation, seed);
            Augmentation augmentation = Augmentation.defaults();
            SampleSource source = simulatedSamples(new TrainingFrames(
                    presets.stream().map(SimulationPreset::parse).toList(), crop, seed, distractorCentred,
                    averageFrames));
            String command = typed(spec);
            ConsoleProgress progress = ConsoleProgress.forStandardError(spec.commandLine().getErr());
            List<EpochResult> curve = new ArrayList<>();
            TrainingRecord made = new TrainingRecord(command, config, settings, augmentation, source.description(),
                    device, threads);
            long start = System.nanoTime();
            try (CancelOnExit cancel = new CancelOnExit(progress)) {
                TrainingResult result = new UnetTrainer(config, settings, augmentation, device).train(source,
                        progress, (epoch, best) -> {
                            curve.add(epoch);
                            write(best, made.toMap(curve, best, false, (System.nanoTime() - start) / 1e9), record);
                        });
                progress.finish();
                write(result.best(), made.toMap(curve, result.best(), true, (System.nanoTime() - start) / 1e9),
                        record);
                EpochResult b = result.bestResult();
                stdout.printf(Locale.ROOT, "trained a U-Net (depth %d, %d channels, %d parameters) for %d epochs "
                        + "in %.0f s: best epoch %d, validation loss %.4f, validation Dice %.3f -> %s, %s%n", depth,
                        channels, result.best().parameterCount(), epochs, (System.nanoTime() - start) / 1e9,
                        result.bestEpoch(), b.validationLoss(), b.validationDice(), out, record.getFileName());
            } finally {
                progress.finish();
            }
            return Main.OK;
        }


        /** Model first, then its record, each replacing the old file in one move. */
        private void write(UnetWeights best, Map<String, Object> record, Path recordFile) {
            byte[] model = UnetOnnx.export(best, "LPTEM U-Net segmenter: " + record.get("command"));
            try {
                Path dir = out.toAbsolutePath().getParent();
                Files.createDirectories(dir);
                Path temp = dir.resolve(out.getFileName() + ".part");
                try {
                    Files.write(temp, model);
                    Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(temp);
                }
            } catch (IOException e) {
                throw LptemException.inFile(out, "cannot write the model: " + e.getMessage(), e);
            }
            TextFiles.writeAtomically(recordFile, JsonText.of(record));
        }
    }

    /** The command line as typed, for a training record ("lptem unet ..."; the root command holds the arguments). */
    static String typed(CommandLine.Model.CommandSpec spec) {
        CommandLine root = spec.commandLine();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return "lptem " + String.join(" ", root.getParseResult().originalArgs());
    }

    /** Crops of the simulator's training frames, as the KNIME U-Net Learner cuts them. */
    static SampleSource simulatedSamples(TrainingFrames frames) {
        return new FrameCrops<>(frames::render, TrainingFrames.Rendered::image, TrainingFrames.Rendered::labels,
                TrainingFrames::frameOf, frames::cropOrigin, frames.cropPx(), frames::description);
    }
}
