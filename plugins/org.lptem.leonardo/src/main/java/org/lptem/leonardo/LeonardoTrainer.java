package org.lptem.leonardo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;
import org.lptem.ml.torch.Torch;

/**
 * Trains a LEONARDO on windows of a tracks table: a seeded split into training and validation windows, shuffled
 * mini-batches, AdamW, the physics-informed loss, early stopping on the validation total (the best epoch's weights
 * are kept), checkpoints that {@link #resume} continues from. Every random choice (weights, split, batch order,
 * reparameterisation noise) comes from the seed, epoch by epoch, so a resumed run continues the same sequence.
 */
public final class LeonardoTrainer {
    private static final long SPLIT_STREAM = 0x5EED_0001L;
    private static final long EPOCH_STREAM = 0x5EED_0002L;
    private static final long VALIDATION_STREAM = 0x5EED_0003L;
    private static final int MAX_SKIPPED_STEPS = 10;

    private final TrajectoryWindows data;
    private final TrainingSettings settings;
    private final Progress progress;
    private final Consumer<EpochLoss> onEpoch;

    public LeonardoTrainer(TrajectoryWindows data, TrainingSettings settings, Progress progress,
            Consumer<EpochLoss> onEpoch) {
        this.data = data;
        this.settings = settings;
        this.progress = progress;
        this.onEpoch = onEpoch;
    }

    /** A new model trained from scratch; its weights live in a sub-manager of {@code manager}. */
    public LeonardoModel train(LeonardoConfig config, NDManager manager, Map<String, String> info) {
        checkLength(config);
        Torch.seed(settings.seed());
        TransformerVae vae = TransformerVae.initialise(config, manager, settings.seed());
        try {
            return run(vae, new ArrayList<>(), null, info);
        } catch (RuntimeException e) {
            vae.parameters().close();
            throw e;
        }
    }

    /** Continues the run saved in a checkpoint up to {@code settings.epochs()} epochs in all. */
    public LeonardoModel resume(Path checkpoint, NDManager manager) {
        ModelFile.TrainingState[] state = new ModelFile.TrainingState[1];
        LeonardoModel saved = ModelFile.read(checkpoint, manager, state);
        try {
            if (state[0] == null) {
                throw LptemException.inFile(checkpoint, "is a finished model, not a checkpoint (no training state)");
            }
            checkLength(saved.config());
            Torch.seed(settings.seed() + state[0].epoch());
            return run(saved.vae(), new ArrayList<>(saved.history()), state[0], saved.info());
        } catch (RuntimeException e) {
            saved.close();
            throw e;
        }
    }

    private void checkLength(LeonardoConfig config) {
        for (Window w : data.windows()) {
            if (w.length() != config.length()) {
                throw new LptemException("windows have " + w.length() + " frames but the model takes "
                        + config.length());
            }
        }
    }

    private LeonardoModel run(TransformerVae vae, List<EpochLoss> history, ModelFile.TrainingState state,
            Map<String, String> info) {
        LeonardoConfig config = vae.config();
        Parameters params = vae.parameters();
        int[][] split = split(data.size(), settings.validationFraction(), settings.seed());
        int[] train = split[0];
        int[] validation = split[1];
        if (train.length == 0) {
            throw new LptemException("no training windows left after holding out " + validation.length
                    + " for validation");
        }
        PhysicsLoss loss = new PhysicsLoss(settings.weights(), config);
        NDManager manager = params.manager();
        Map<String, float[]> best = snapshot(params);
        double bestMonitored = Double.POSITIVE_INFINITY;
        int bad = 0;
        int first = 1;
        try (AdamW adam = new AdamW(manager, params, settings.learningRate(), settings.weightDecay())) {
            if (state != null) {
                adam.restore(state.adamM(), state.adamV(), state.steps());
                best = state.best();
                bestMonitored = state.bestMonitored();
                bad = state.badEpochs();
                first = state.epoch() + 1;
            }
            int batches = (train.length + settings.batchSize() - 1) / settings.batchSize();
            boolean stopped = settings.patience() > 0 && bad >= settings.patience();
            for (int epoch = first; epoch <= settings.epochs() && !stopped; epoch++) {
                SplittableRandom random = new SplittableRandom(mix(settings.seed(), EPOCH_STREAM, epoch));
                int[] order = shuffled(train, random);
                Sums sums = new Sums();
                int skipped = 0;
                int skippedInEpoch = 0;
                params.requireGradients(true);
                for (int b = 0; b < batches; b++) {
                    progress.checkCanceled();
                    int from = b * settings.batchSize();
                    int[] batch = java.util.Arrays.copyOfRange(order, from, Math.min(order.length,
                            from + settings.batchSize()));
                    try (NDManager step = manager.newSubManager()) {
                        NDArray x = windows(step, batch, config.length());
                        NDArray noise = noise(step, batch.length, config.codeSize(), random);
                        Map<LossTerm, NDArray> terms;
                        NDArray total;
                        try (GradientCollector gc = Torch.engine().newGradientCollector()) {
                            NDList out = vae.forward(x, noise);
                            terms = loss.terms(x, out.get(0), out.get(1), out.get(2));
                            total = loss.total(terms);
                            gc.backward(total);
                        }
                        double t = total.getFloat();
                        if (!Double.isFinite(t)) {
                            throw new LptemException("training diverged at epoch " + epoch + ", batch " + (b + 1)
                                    + " (loss " + t + "); lower the learning rate");
                        }
                        adam.learningRate(settings.schedule().rate(settings.learningRate(),
                                (long) (epoch - 1) * batches + b, (long) settings.epochs() * batches));
                        boolean updated = adam.step(params);
                        params.zeroGradients();
                        skipped = updated ? 0 : skipped + 1;
                        skippedInEpoch += updated ? 0 : 1;
                        if (skipped > MAX_SKIPPED_STEPS) {
                            throw new LptemException("training diverged at epoch " + epoch + ": " + skipped
                                    + " steps in a row had non-finite gradients (first in " + adam.firstNonFinite()
                                    + "); lower the learning rate");
                        }
                        sums.add(terms, t, batch.length);
                    }
                    progress.report((epoch - 1 + (b + 1.0) / batches) / settings.epochs(),
                            "epoch " + epoch + "/" + settings.epochs() + (skippedInEpoch == 0 ? ""
                                    : " (" + skippedInEpoch + " steps skipped: non-finite gradients, first in "
                                            + adam.firstNonFinite() + ")"));
                }
                params.requireGradients(false);
                Sums val = validation.length == 0 ? null : evaluate(vae, loss, validation);
                EpochLoss e = new EpochLoss(epoch, sums.means(), sums.total(),
                        val == null ? Map.of() : val.means(), val == null ? Double.NaN : val.total());
                history.add(e);
                onEpoch.accept(e);
                if (e.monitored() < bestMonitored) {
                    bestMonitored = e.monitored();
                    best = snapshot(params);
                    bad = 0;
                } else {
                    bad++;
                }
                stopped = settings.patience() > 0 && bad >= settings.patience();
                boolean last = epoch == settings.epochs() || stopped;
                if (settings.checkpoint() != null && (epoch % settings.checkpointEvery() == 0 || last)) {
                    LeonardoModel current = model(vae, history, info);
                    ModelFile.write(settings.checkpoint(), current, new ModelFile.TrainingState(epoch, adam.steps(),
                            bestMonitored, bad, adam.state(true), adam.state(false), best));
                }
            }
        }
        params.requireGradients(false);
        for (Map.Entry<String, float[]> e : best.entrySet()) {
            params.put(e.getKey(), e.getValue(), params.shape(e.getKey()));
        }
        // Samples from N(0, I) land off the data manifold when the KL term stays large; the Gaussian of the encoded
        // windows (LatentPrior) is what generation draws from by default; fitted jointly with the log extent so that
        // generated sizes follow shapes. All windows of the table, as 'prior' does.
        return fitPriors(model(vae, history, info), data, settings.seed(), settings.framePriorFits(),
                progress.sub(1, 1));
    }

    /** At most this many trajectories are generated to score a frame prior fit against the training windows. */
    static final int FIT_SCORE_SAMPLES = 5000;

    /** {@link #fitPriors(LeonardoModel, TrajectoryWindows, long, int, Progress)} with one frame prior fit. */
    public static LeonardoModel fitPriors(LeonardoModel model, TrajectoryWindows windows, long seed,
            Progress progress) {
        return fitPriors(model, windows, seed, 1, progress);
    }

    /**
     * The model with its generation priors fitted to {@code windows}: the joint Gaussian over (code, log extent)
     * and, for a model with per-frame latents, the shape extent prior (the windows' reconstructions summarised,
     * {@link #fitShapeExtent}) and the frame prior ({@link FramePrior#fit}). With {@code frameFits} above 1 the frame
     * prior is fitted that many times (seeds {@code seed}, {@code seed + 1}, ...) and the fit kept whose samples
     * (as many as windows, at most {@value #FIT_SCORE_SAMPLES}, drawn with {@code seed}) have the smallest Frechet
     * distance to the training windows' features: fits of the same codes differ mostly in how often their draws
     * wait, which decides the kurtosis (bundle README, "Choosing among frame prior fits"). The seeds and distances
     * are recorded in the model's info. Shares the weights; a frame prior it had is replaced, not closed.
     */
    public static LeonardoModel fitPriors(LeonardoModel model, TrajectoryWindows windows, long seed, int frameFits,
            Progress progress) {
        if (frameFits < 1) {
            throw new LptemException("the number of frame prior fits must be at least 1, got " + frameFits);
        }
        LeonardoConfig c = model.config();
        boolean frames = c.frameLatent() > 0;
        float[][] posterior = LatentPrior.encode(model.vae(), windows, progress.sub(0, frames ? 0.1 : 0.9));
        double[] extents = windows.windows().stream().mapToDouble(Window::extentPx).toArray();
        LeonardoModel out = model.withJointPrior(LatentPrior.fitJoint(posterior[0], posterior[1], extents,
                windows.size(), c.codeSize()));
        if (frames) {
            LatentPrior shape = fitShapeExtent(out, posterior, extents, progress.sub(0.1, 0.15));
            LeonardoModel best = null;
            double bestScore = Double.POSITIVE_INFINITY;
            int bestFit = 0;
            List<String> scores = new ArrayList<>();
            for (int k = 0; k < frameFits; k++) {
                double from = 0.15 + 0.85 * k / frameFits;
                double to = 0.15 + 0.85 * (k + 1) / frameFits;
                Progress part = progress.sub(from, frameFits == 1 ? to : (from + to) / 2);
                FramePrior prior = FramePrior.fit(posterior[0], windows.size(), FramePrior.Sizes.of(c), seed + k,
                        model.vae().parameters().manager(), part);
                LeonardoModel candidate = out.withFramePrior(prior).withShapeExtentPrior(shape);
                if (frameFits == 1) {
                    best = candidate;
                    break;
                }
                double score = Evaluation.distanceToTraining(candidate,
                        Math.min(windows.size(), FIT_SCORE_SAMPLES), seed, progress.sub((from + to) / 2, to));
                scores.add(String.format(java.util.Locale.ROOT, "%.6g", score));
                if (score < bestScore) {
                    if (best != null) {
                        best.framePrior().close();
                    }
                    best = candidate;
                    bestScore = score;
                    bestFit = k;
                } else {
                    prior.close();
                }
            }
            out = best;
            if (frameFits > 1) {
                out = out.withInfo(Map.of("frame_prior_fits", Integer.toString(frameFits), "frame_prior_seed",
                        Long.toString(seed + bestFit),
                        "frame_prior_scores", String.join(",", scores)));
            }
        }
        progress.report(1, "priors fitted");
        return out;
    }

    /**
     * The Gaussian over (z, shape summary, log extent) of the training windows: each window's encoder mean decoded
     * (what the generator will summarise is a decoded trajectory too), summarised ({@link ShapeSummary}), with the
     * log of its extent; the mean encoder variance is added on the latent's diagonal, as in the joint prior.
     *
     * @param posterior the windows' encoder means and log-variances over the whole code, {@code (n, codeSize)}
     */
    static LatentPrior fitShapeExtent(LeonardoModel model, float[][] posterior, double[] extentsPx,
            Progress progress) {
        LeonardoConfig c = model.config();
        int n = extentsPx.length;
        float[] decoded = new Generator(model).decode(posterior[0], n, progress);
        float[] given = ShapeSummary.conditioning(posterior[0], c.codeSize(), c.latent(), decoded, c.length(), n);
        // the joint prior's latent diagonal carries the mean encoder variance too; the summaries are measured
        double[] extra = Arrays.copyOf(LatentPrior.meanVariance(posterior[0], posterior[1], n, c.codeSize()),
                c.latent() + ShapeSummary.SIZE);
        Arrays.fill(extra, c.latent(), extra.length, 0);
        return LatentPrior.fitJoint(given, extra, extentsPx, n, c.latent() + ShapeSummary.SIZE);
    }

    private LeonardoModel model(TransformerVae vae, List<EpochLoss> history, Map<String, String> info) {
        Map<String, String> all = new LinkedHashMap<>(info);
        all.put("seed", Long.toString(settings.seed()));
        all.put("windows", Integer.toString(data.size()));
        all.put("batch_size", Integer.toString(settings.batchSize()));
        all.put("learning_rate", Double.toString(settings.learningRate()));
        all.put("learning_rate_schedule", settings.schedule().key());
        all.put("weight_decay", Double.toString(settings.weightDecay()));
        all.put("validation_fraction", Double.toString(settings.validationFraction()));
        all.put("parameters", Long.toString(vae.parameters().count()));
        return new LeonardoModel(vae, ScaleDistribution.of(data.windows(), data.calibration()), history,
                settings.weights(), trainingReference(), all);
    }

    private FeatureMoments reference;

    /** Feature moments of the training windows in px (computed once per run). */
    private FeatureMoments trainingReference() {
        if (reference == null) {
            reference = Evaluation.moments(TrajectoryStatistics.ofAll(Evaluation.positionsPx(data)));
        }
        return reference;
    }

    private Sums evaluate(TransformerVae vae, PhysicsLoss loss, int[] indices) {
        Sums sums = new Sums();
        SplittableRandom random = new SplittableRandom(mix(settings.seed(), VALIDATION_STREAM, 0));
        for (int from = 0; from < indices.length; from += settings.batchSize()) {
            progress.checkCanceled();
            int[] batch = java.util.Arrays.copyOfRange(indices, from, Math.min(indices.length,
                    from + settings.batchSize()));
            try (NDManager step = vae.parameters().manager().newSubManager()) {
                NDArray x = windows(step, batch, vae.config().length());
                NDList out = vae.forward(x, noise(step, batch.length, vae.config().codeSize(), random));
                Map<LossTerm, NDArray> terms = loss.terms(x, out.get(0), out.get(1), out.get(2));
                sums.add(terms, loss.total(terms).getFloat(), batch.length);
            }
        }
        return sums;
    }

    private NDArray windows(NDManager m, int[] batch, int length) {
        float[] flat = new float[batch.length * length * 2];
        for (int i = 0; i < batch.length; i++) {
            System.arraycopy(data.windows().get(batch[i]).xy(), 0, flat, i * length * 2, length * 2);
        }
        return m.create(flat, new Shape(batch.length, length, 2));
    }

    static NDArray noise(NDManager m, int batch, int latent, SplittableRandom random) {
        float[] n = new float[batch * latent];
        for (int i = 0; i < n.length; i++) {
            n[i] = (float) random.nextGaussian();
        }
        return m.create(n, new Shape(batch, latent));
    }

    /** Indices split into {training, validation} by a seeded shuffle. */
    static int[][] split(int n, double validationFraction, long seed) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        int[] shuffled = shuffled(all, new SplittableRandom(mix(seed, SPLIT_STREAM, 0)));
        int val = validationFraction > 0 && n >= 2 ? Math.max(1, (int) Math.round(n * validationFraction)) : 0;
        return new int[][] {java.util.Arrays.copyOfRange(shuffled, val, n), java.util.Arrays.copyOf(shuffled, val)};
    }

    private static int[] shuffled(int[] values, SplittableRandom random) {
        int[] a = values.clone();
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    static long mix(long seed, long stream, long index) {
        return new SplittableRandom(seed ^ (stream * 0x9E3779B97F4A7C15L) ^ (index * 0xBF58476D1CE4E5B9L))
                .nextLong();
    }

    private static Map<String, float[]> snapshot(Parameters params) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (String name : params.names()) {
            out.put(name, params.values(name));
        }
        return out;
    }

    /** Running means of the terms, weighted by batch size. */
    private static final class Sums {
        private final Map<LossTerm, Double> sums = new EnumMap<>(LossTerm.class);
        private double total;
        private long count;

        void add(Map<LossTerm, NDArray> terms, double batchTotal, int n) {
            for (Map.Entry<LossTerm, NDArray> e : terms.entrySet()) {
                sums.merge(e.getKey(), (double) e.getValue().getFloat() * n, Double::sum);
            }
            total += batchTotal * n;
            count += n;
        }

        Map<LossTerm, Double> means() {
            Map<LossTerm, Double> out = new EnumMap<>(LossTerm.class);
            sums.forEach((k, v) -> out.put(k, v / count));
            return out;
        }

        double total() {
            return total / count;
        }
    }
}
