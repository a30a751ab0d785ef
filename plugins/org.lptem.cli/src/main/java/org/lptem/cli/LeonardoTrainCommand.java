package org.lptem.cli;

import ai.djl.ndarray.NDManager;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;
import org.lptem.leonardo.EpochLoss;
import org.lptem.leonardo.Evaluation;
import org.lptem.leonardo.LearningRateSchedule;
import org.lptem.leonardo.LeonardoConfig;
import org.lptem.leonardo.LeonardoModel;
import org.lptem.leonardo.LeonardoTrainer;
import org.lptem.leonardo.LossTerm;
import org.lptem.leonardo.LossWeights;
import org.lptem.leonardo.ModelFile;
import org.lptem.leonardo.PerFrameRecipe;
import org.lptem.leonardo.TrainingSettings;
import org.lptem.leonardo.TrajectoryWindows;
import org.lptem.ml.torch.Torch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lptem leonardo train}: a LEONARDO model from a tracks table. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a LEONARDO on windows of --length consecutive frames cut from every track (every "
                + "--stride frames), normalised per window; the window extents and the table's calibration are "
                + "kept in the model so that generated trajectories come back in px, nm and s.",
                "Prints the loss terms per epoch; writes --out (the model file, replaced only when training "
                        + "succeeded) and, with --checkpoint, a resumable checkpoint every --checkpoint-every "
                        + "epochs."})
final class LeonardoTrainCommand implements Callable<Integer> {

    @Option(names = "--tracks", required = true, paramLabel = "TRACKS.csv",
            description = "Tracks table: frame, particle (or particle_id), x, y in px; optional x_nm, t_s.")
    Path tracks;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "MODEL", description = "Model file to write.")
    Path out;

    @Option(names = "--preset", defaultValue = "small", paramLabel = "small|paper",
            description = "Network sizes (default ${DEFAULT-VALUE}); the options below override single sizes.")
    String preset;

    @Option(names = "--length", paramLabel = "FRAMES", description = "Frames per trajectory (preset: 200).")
    Integer length;

    @Option(names = "--latent", paramLabel = "N", description = "Latent size (small preset: 16, paper: 12).")
    Integer latent;

    @Option(names = "--per-frame", description = "Per-frame latents as measured (bundle README, 'A code that stays "
            + "put' and 'Choosing among frame prior fits'): samples are independent trajectories instead of "
            + "near-copies of one path. Short for --frame-latent 2 --loss-weight mse=30000 --loss-weight "
            + "frame_variation=0.3 --frame-prior-fits 4; each of these given as well wins.")
    boolean perFrame;

    @Option(names = "--frame-prior-fits", paramLabel = "K", description = "With --frame-latent: fit the frame prior K "
            + "times (seeds --seed, --seed + 1, ...) and keep the fit whose samples come closest (Frechet distance) "
            + "to the training windows; each further fit costs about a minute and a half on 2 cores for 5,000 "
            + "windows (default 1, with --per-frame 4).")
    Integer framePriorFits;

    @Option(names = "--frame-latent", paramLabel = "N", description = "Latent values per frame and their decoder "
            + "input (default 0, the published model; with --per-frame 2).")
    Integer frameLatent;

    @Option(names = "--layers", paramLabel = "N", description = "Transformer blocks in encoder and decoder.")
    Integer layers;

    @Option(names = "--heads", paramLabel = "N", description = "Attention heads.")
    Integer heads;

    @Option(names = "--width", paramLabel = "N", description = "Transformer width.")
    Integer width;

    @Option(names = "--stride", paramLabel = "FRAMES", description = "Frames between window starts (default: the "
            + "length, i.e. no overlap).")
    Integer stride;

    @Option(names = "--epochs", defaultValue = "30", description = "Maximum epochs (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "64", description = "Windows per step (default "
            + "${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--lr", defaultValue = "3e-4", description = "Learning rate (default ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--lr-schedule", defaultValue = "constant", paramLabel = "constant|cosine",
            description = "Learning rate over the run: constant (as published) or cosine, from --lr at the first "
                    + "step to 5 %% of it at the last step of --epochs (default ${DEFAULT-VALUE}).")
    String lrSchedule;

    @Option(names = "--weight-decay", defaultValue = "1e-5",
            description = "Decoupled weight decay (AdamW; 0 = Adam) (default ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--validation", defaultValue = "0.1", paramLabel = "FRACTION",
            description = "Share of windows held out for validation and early stopping (default ${DEFAULT-VALUE}).")
    double validation;

    @Option(names = "--patience", defaultValue = "5", paramLabel = "EPOCHS",
            description = "Stop after this many epochs without a better validation loss; 0 = never (default "
                    + "${DEFAULT-VALUE}). The best epoch's weights are kept.")
    int patience;

    @Option(names = "--loss-weight", paramLabel = "TERM=W",
            description = "Change one loss weight of the preset's, e.g. kl=0.1 (terms: mse, kl, kurtosis, skewness, "
                    + "variance, mean, median, vacf, batch_vacf, xy_correlation, position_acf, and the project's "
                    + "frame_variation, 0 in both presets: the total variation of the per-frame code). The paper "
                    + "preset has the published weights; small balances them for short CPU runs (see the bundle "
                    + "README).")
    List<String> lossWeights = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "1", description = "Seed of weights, split, batches and noise "
            + "(default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "Write a resumable checkpoint here.")
    Path checkpoint;

    @Option(names = "--checkpoint-every", defaultValue = "1", paramLabel = "EPOCHS",
            description = "Epochs between checkpoints (default ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(names = "--resume", paramLabel = "CHECKPOINT",
            description = "Continue a checkpointed run (its network sizes win) up to --epochs in all.")
    Path resume;

    @Mixin
    CalibrationOptions calibration = new CalibrationOptions();

    @Mixin
    LeonardoCommand.EngineOptions engine = new LeonardoCommand.EngineOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Inputs.refuseAsOutput(out, tracks, resume);
        Inputs.refuseAsOutput(checkpoint, tracks, resume);
        engine.apply();
        PrintWriter stdout = spec.commandLine().getOut();
        LeonardoConfig config = config();
        int windowStride = stride == null ? config.length() : stride;
        TrainingSettings settings = settings();
        return LeonardoCommand.withProgress(spec, progress -> {
            TrajectoryWindows windows = LeonardoCommand.windows(tracks, calibration, config.length(), windowStride,
                    progress.sub(0, 0.02)).requireAtLeast(2, tracks.toString(), config.length());
            stdout.printf(Locale.ROOT, "%d windows of %d frames from %s (stride %d; %d still windows left out); %s%n",
                    windows.size(), config.length(), tracks, windowStride, windows.skippedStill(),
                    windows.calibration());
            Map<String, String> info = new LinkedHashMap<>();
            info.put("source", tracks.getFileName().toString());
            info.put("stride", Integer.toString(windowStride));
            info.put("preset", preset);
            long[] start = {System.nanoTime()};
            stdout.println(header());
            LeonardoTrainer trainer = new LeonardoTrainer(windows, settings, progress.sub(0.02, 1), e -> {
                stdout.println(row(e, (System.nanoTime() - start[0]) / 1e9));
                stdout.flush();
                start[0] = System.nanoTime();
            });
            long t0 = System.nanoTime();
            try (NDManager manager = Torch.newManager(settings.device());
                    LeonardoModel model = resume != null ? trainer.resume(resume, manager)
                            : trainer.train(config, manager, info)) {
                ModelFile.write(out, model);
                progress.finish();
                LeonardoCommand.describe(stdout, model.config(), model.vae().parameters().count());
                EpochLoss best = model.history().stream().min(java.util.Comparator.comparingDouble(
                        EpochLoss::monitored)).orElseThrow();
                stdout.printf(Locale.ROOT, "trained %d epochs in %.1f s (%.1f trajectories/s); kept epoch %d "
                        + "(monitored loss %.6g)%n", model.history().size(), (System.nanoTime() - t0) / 1e9,
                        windows.size() * (1 - validation) * model.history().size() / ((System.nanoTime() - t0)
                                / 1e9), best.epoch(), best.monitored());
                if (model.aggregatePrior() != null) {
                    stdout.printf(Locale.ROOT, "aggregate prior fitted to %d windows%n",
                            model.aggregatePrior().count());
                    LeonardoPriorCommand.describe(stdout, model.aggregatePrior(), model.config().latent());
                }
                if (model.jointPrior() != null) {
                    LeonardoPriorCommand.describeExtent(stdout, model.jointPrior());
                }
                LeonardoPriorCommand.describeFrames(stdout, model);
                int samples = Math.min(Evaluation.TIMING_CHECK_SAMPLES, windows.size());
                Evaluation.Timing timing = Evaluation.timing(model, windows, samples, settings.seed(),
                        Progress.NONE);
                stdout.printf(Locale.ROOT, "%d samples against the training windows: shared motion %.4f (windows "
                        + "%.4f), step timing distance %.3f (window halves %.3f)%n", samples,
                        timing.generated().sharedMotion(), timing.heldOut().sharedMotion(), timing.distance(),
                        timing.reference());
                timing.warning().ifPresent(w -> stdout.println("warning: " + w));
                stdout.println("model written to " + out);
            }
            return Main.OK;
        });
    }

    private TrainingSettings settings() {
        TrainingSettings s = new TrainingSettings(epochs, batchSize, learningRate, weightDecay, validation, patience,
                seed, checkpoint, checkpointEvery, engine.device(), LossWeights.preset(preset),
                LearningRateSchedule.byKey(lrSchedule), 1);
        if (perFrame) {
            s = PerFrameRecipe.settings(s);
        }
        s = s.withWeights(s.weights().with(lossWeights));
        return framePriorFits == null ? s : s.withFramePriorFits(framePriorFits);
    }

    private LeonardoConfig config() {
        LeonardoConfig c = LeonardoConfig.preset(preset);
        if (length != null) {
            c = c.withLength(length);
        }
        if (latent != null) {
            c = c.withLatent(latent);
        }
        if (frameLatent != null) {
            c = c.withFrameLatent(frameLatent);
        } else if (perFrame) {
            c = PerFrameRecipe.config(c);
        }
        if (layers != null) {
            c = c.withLayers(layers);
        }
        if (heads != null) {
            c = c.withHeads(heads);
        }
        if (width != null) {
            c = c.withWidth(width);
        }
        if (resume != null && (length != null || latent != null || frameLatent != null || layers != null
                || heads != null || width != null)) {
            throw new LptemException("--resume takes the network sizes from the checkpoint; leave out --length, "
                    + "--latent, --frame-latent, --layers, --heads and --width");
        }
        // a resumed run cuts its windows to the checkpoint's length, whatever the preset says
        return resume != null ? ModelFile.config(resume) : c;
    }

    private static String header() {
        StringBuilder sb = new StringBuilder("epoch  train_total    val_total");
        for (LossTerm t : LossTerm.values()) {
            sb.append(String.format(Locale.ROOT, " %12s", "val_" + abbreviation(t)));
        }
        return sb.append("  seconds").toString();
    }

    private static String row(EpochLoss e, double seconds) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%5d %12.5g %12.5g", e.epoch(),
                e.trainTotal(), e.validationTotal()));
        for (LossTerm t : LossTerm.values()) {
            Double v = e.validation().isEmpty() ? e.train().get(t) : e.validation().get(t);
            sb.append(String.format(Locale.ROOT, " %12.4g", v));
        }
        return sb.append(String.format(Locale.ROOT, " %8.1f", seconds)).toString();
    }

    private static String abbreviation(LossTerm t) {
        String k = t.key();
        return k.length() > 8 ? k.substring(0, 8) : k;
    }
}
