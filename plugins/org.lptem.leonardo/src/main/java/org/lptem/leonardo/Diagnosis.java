package org.lptem.leonardo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;
import org.lptem.ml.torch.Torch;

/**
 * Why a trained model generates what it does, in two parts. Which loss terms steer training: on a sample of
 * windows in batches of {@link #BATCH} (the batch-mean VACF term depends on the batch), each weighted term's mean
 * value and the norm of its gradient over all weights (and over the decoder's alone), with the model's weights and
 * loss weights; AdamW follows the sum, so a term whose gradient is a hundred times smaller than the largest one
 * barely moves the weights whatever its value. Whether reconstructions already have the data's statistics: the
 * windows against the decoding of their encoder means, both in the windows' normalised units (variances in
 * extent^2) — when those differ, no prior or extent draw can fix the generated trajectories, the trained network
 * itself must change.
 *
 * @param terms per loss term, in {@link LossTerm} order
 * @param windows statistics of the sampled windows
 * @param reconstruction statistics of decode(encoder mean) of the same windows
 * @param windowTiming when the windows move
 * @param reconstructionTiming when their reconstructions move
 * @param stepAgreement mean over windows of {@link StepTiming#agreement}: 1 when each reconstruction steps where
 *     and as its window does, near 0 when the decoder writes steps of its own
 */
public record Diagnosis(Map<LossTerm, TermGradient> terms, Evaluation.Summary windows,
        Evaluation.Summary reconstruction, StepTiming windowTiming, StepTiming reconstructionTiming,
        double stepAgreement) {

    /** Windows per gradient batch. */
    static final int BATCH = 64;

    /**
     * @param weighted mean weighted value over the batches
     * @param gradientNorm mean over the batches of the gradient's norm over every weight
     * @param decoderGradientNorm the same over the decoder's weights only
     */
    public record TermGradient(double weighted, double gradientNorm, double decoderGradientNorm) {
    }

    public Diagnosis {
        terms = java.util.Collections.unmodifiableMap(new EnumMap<>(terms));
    }

    /**
     * Diagnoses {@code model} on {@code n} windows taken at even spacing from {@code data} (all when it has fewer);
     * {@code seed} draws the reparameterisation noise of the gradient passes.
     */
    public static Diagnosis run(LeonardoModel model, TrajectoryWindows data, int n, long seed, Progress progress) {
        LeonardoConfig c = model.config();
        if (n < 2 || data.size() < 2) {
            throw new LptemException("the diagnosis needs at least 2 windows of " + c.length() + " frames, got "
                    + Math.min(n, data.size()));
        }
        TrajectoryWindows sample = evenlySpaced(data, Math.min(n, data.size()));
        for (Window w : sample.windows()) {
            if (w.length() != c.length()) {
                throw new LptemException("windows have " + w.length() + " frames but the model takes " + c.length());
            }
        }
        Map<LossTerm, TermGradient> terms = gradients(model, sample, seed, progress.sub(0, 0.8));
        float[][] posterior = LatentPrior.encode(model.vae(), sample, progress.sub(0.8, 0.85));
        float[] decoded = new Generator(model).decode(posterior[0], sample.size(), progress.sub(0.85, 0.9));
        List<double[]> original = new ArrayList<>();
        List<double[]> reconstructed = new ArrayList<>();
        int values = c.length() * 2;
        for (int i = 0; i < sample.size(); i++) {
            double[] o = new double[values];
            double[] r = new double[values];
            float[] xy = sample.windows().get(i).xy();
            for (int k = 0; k < values; k++) {
                o[k] = xy[k];
                r[k] = decoded[i * values + k];
            }
            original.add(o);
            reconstructed.add(r);
        }
        progress.report(0.9, "statistics");
        Evaluation.Summary w = Evaluation.summary(TrajectoryStatistics.ofAll(original));
        Evaluation.Summary r = Evaluation.summary(TrajectoryStatistics.ofAll(reconstructed));
        progress.report(1, "statistics");
        return new Diagnosis(terms, w, r, StepTiming.of(original), StepTiming.of(reconstructed),
                StepTiming.agreement(original, reconstructed));
    }

    private static TrajectoryWindows evenlySpaced(TrajectoryWindows data, int n) {
        List<Window> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(data.windows().get((int) ((long) i * data.size() / n)));
        }
        return new TrajectoryWindows(List.copyOf(out), data.calibration(), 0);
    }

    /** One forward and backward pass per term and batch: DJL's backward frees the graph. */
    private static Map<LossTerm, TermGradient> gradients(LeonardoModel model, TrajectoryWindows sample, long seed,
            Progress progress) {
        TransformerVae vae = model.vae();
        Parameters params = vae.parameters();
        LeonardoConfig c = model.config();
        PhysicsLoss loss = new PhysicsLoss(model.weights(), c);
        LossTerm[] all = LossTerm.values();
        double[][] sums = new double[all.length][3];
        int batches = (sample.size() + BATCH - 1) / BATCH;
        SplittableRandom random = new SplittableRandom(seed);
        params.requireGradients(true);
        try {
            params.zeroGradients();
            for (int b = 0; b < batches; b++) {
                int from = b * BATCH;
                int count = Math.min(BATCH, sample.size() - from);
                float[] flat = new float[count * c.length() * 2];
                for (int i = 0; i < count; i++) {
                    System.arraycopy(sample.windows().get(from + i).xy(), 0, flat, i * c.length() * 2,
                            c.length() * 2);
                }
                // the same noise for every term of a batch: the terms are compared on one reconstruction
                float[] noise = new float[count * c.codeSize()];
                for (int i = 0; i < noise.length; i++) {
                    noise[i] = (float) random.nextGaussian();
                }
                for (int t = 0; t < all.length; t++) {
                    progress.checkCanceled();
                    try (NDManager step = params.manager().newSubManager()) {
                        NDArray x = step.create(flat, new Shape(count, c.length(), 2));
                        NDArray weighted;
                        try (GradientCollector gc = Torch.engine().newGradientCollector()) {
                            NDList out = vae.forward(x, step.create(noise, new Shape(count, c.codeSize())));
                            NDArray term = loss.terms(x, out.get(0), out.get(1), out.get(2)).get(all[t]);
                            weighted = term.mul(Torch.constant(term, model.weights().get(all[t])));
                            gc.backward(weighted);
                        }
                        double total = 0;
                        double decoder = 0;
                        for (String name : params.names()) {
                            NDArray g = params.get(name).getGradient();
                            // its float64 copy and square go with the step, not with the weights for their lifetime
                            g.attach(step);
                            double s = g.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).square().sum()
                                    .getDouble();
                            total += s;
                            decoder += name.startsWith("dec.") ? s : 0;
                        }
                        params.zeroGradients();
                        sums[t][0] += weighted.getFloat() * count;
                        sums[t][1] += Math.sqrt(total) * count;
                        sums[t][2] += Math.sqrt(decoder) * count;
                    }
                }
                progress.report((b + 1.0) / batches, "loss gradients");
            }
        } finally {
            params.requireGradients(false);
        }
        Map<LossTerm, TermGradient> out = new EnumMap<>(LossTerm.class);
        for (int t = 0; t < all.length; t++) {
            out.put(all[t], new TermGradient(sums[t][0] / sample.size(), sums[t][1] / sample.size(),
                    sums[t][2] / sample.size()));
        }
        return out;
    }

    /** The largest gradient norm of any term. */
    public double largestGradient() {
        return terms.values().stream().mapToDouble(TermGradient::gradientNorm).max().orElse(0);
    }

    /** A readable report: the terms, then reconstruction against windows. */
    public List<String> report(LossWeights weights) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "loss terms on %d windows: %-14s %10s %12s %12s %12s %9s", windows.count(),
                "term", "weight", "weighted", "|gradient|", "|gradient|dec", "vs_largest"));
        double largest = largestGradient();
        for (Map.Entry<LossTerm, TermGradient> e : terms.entrySet()) {
            TermGradient g = e.getValue();
            out.add(String.format(Locale.ROOT, "%29s %-14s %10.4g %12.4g %12.4g %12.4g %9.3g", "", e.getKey().key(),
                    weights.get(e.getKey()), g.weighted(), g.gradientNorm(), g.decoderGradientNorm(),
                    largest > 0 ? g.gradientNorm() / largest : 0));
        }
        out.add("reconstruction (decoded encoder means) against the same windows, normalised units:");
        out.add(String.format(Locale.ROOT, "%-26s %14s %14s %9s", "statistic", "reconstructed", "windows",
                "rel_diff"));
        for (int i = 0; i < windows.kurtosis().length; i++) {
            int lag = TrajectoryStatistics.MOMENT_LAGS[i];
            out.add(line("kurtosis lag " + lag, reconstruction.kurtosis()[i], windows.kurtosis()[i]));
            out.add(line("variance lag " + lag, reconstruction.variancePx2()[i], windows.variancePx2()[i]));
        }
        for (int lag : new int[] {1, 2, 3, 5, 10}) {
            if (lag <= windows.vacf().length) {
                out.add(line("vacf lag " + lag, reconstruction.vacf()[lag - 1], windows.vacf()[lag - 1]));
            }
        }
        out.add(line("alpha mean", reconstruction.alphaMean(), windows.alphaMean()));
        out.add(line("shared motion", reconstructionTiming.sharedMotion(), windowTiming.sharedMotion()));
        out.add(String.format(Locale.ROOT, "step timing distance: %.4f; step agreement: %.4f",
                reconstructionTiming.distance(windowTiming), stepAgreement));
        return out;
    }

    private static String line(String name, double r, double w) {
        return String.format(Locale.ROOT, "%-26s %14.6g %14.6g %+8.1f%%", name, r, w,
                100 * Evaluation.relative(r, w));
    }
}
