package org.lptem.leonardo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;

/**
 * Generated versus held-out trajectories: mean per-trajectory displacement variance and kurtosis per lag, mean
 * normalised VACF at lags 1..50, mean time-averaged MSD curve, the distribution of alpha, and the Frechet distance
 * between the feature distributions ({@link TrajectoryStatistics#features}, scaled by the held-out standard
 * deviations). The floor is the same distance between the training windows and the held-out ones: what a perfect
 * generator of the training distribution would score. Beside these, {@link Timing} compares when the trajectories move,
 * which none of the per-trajectory statistics can see.
 *
 * @param generated statistics summary of the generated set
 * @param heldOut statistics summary of the held-out set
 * @param frechet generated vs held-out
 * @param floor training vs held-out
 * @param droppedGenerated trajectories whose features were not finite (left out)
 * @param droppedHeldOut same for the held-out set
 * @param breakdown the distance per feature group and the features' mean shifts and spreads
 * @param timing when the generated and the held-out trajectories move
 */
public record Evaluation(Summary generated, Summary heldOut, double frechet, double floor, int droppedGenerated,
        int droppedHeldOut, FrechetBreakdown breakdown, Timing timing) {

    /**
     * The {@link StepTiming} of both sets and the distance between their profiles. The reference is the distance
     * between the held-out set's even and odd windows: what sampling noise alone gives at half the sample size.
     *
     * @param generated timing of the generated trajectories
     * @param heldOut timing of the held-out windows
     * @param distance total variation distance between the two profiles
     * @param reference the same distance between the two halves of the held-out set
     */
    public record Timing(StepTiming generated, StepTiming heldOut, double distance, double reference) {

        /** Shared motion above this (and {@link #SHARED_FACTOR} times the reference set's) is worth a warning. */
        static final double SHARED_LIMIT = 0.2;
        static final double SHARED_FACTOR = 10;
        /** A step-timing distance above this (and {@link #TIMING_FACTOR} times the reference) likewise. */
        static final double TIMING_LIMIT = 0.3;
        static final double TIMING_FACTOR = 3;

        /**
         * A warning when the generated trajectories move together (shared motion above 0.2 and 10 times the
         * reference set's) or at other frames than the reference set (step-timing distance above 0.3 and 3 times
         * the half-vs-half distance): per-trajectory statistics look right for one path copied in many sizes. The
         * limits sit between the samples of models with per-frame latents (shared motion 0.03-0.05, distance
         * 0.11-0.14, mostly their first and last steps) and the published decoder's (0.8 and 0.5-0.6; bundle
         * README, "Generated trajectories share one path").
         */
        public java.util.Optional<String> warning() {
            boolean shared = generated.sharedMotion() > SHARED_LIMIT
                    && generated.sharedMotion() > SHARED_FACTOR * heldOut.sharedMotion();
            boolean timed = distance > TIMING_LIMIT && distance > TIMING_FACTOR * reference;
            if (!shared && !timed) {
                return java.util.Optional.empty();
            }
            List<String> what = new ArrayList<>();
            if (shared) {
                what.add(String.format(Locale.ROOT, "%.0f %% of their (scaled) squared motion is common to all of "
                        + "them (the reference trajectories: %.2f %%)", 100 * generated.sharedMotion(),
                        100 * heldOut.sharedMotion()));
            }
            if (timed) {
                what.add(String.format(Locale.ROOT, "their steps fall at other frames than the reference "
                        + "trajectories' (step timing distance %.2f, reference %.2f)", distance, reference));
            }
            return java.util.Optional.of("the generated trajectories are not independent paths: "
                    + String.join(" and ", what) + "; their per-trajectory statistics can match the data while "
                    + "the trajectories are close to copies of one path");
        }

        static Timing of(List<double[]> generated, List<double[]> heldOut) {
            StepTiming g = StepTiming.of(generated);
            StepTiming h = StepTiming.of(heldOut);
            List<double[]> even = new ArrayList<>();
            List<double[]> odd = new ArrayList<>();
            for (int i = 0; i < heldOut.size(); i++) {
                (i % 2 == 0 ? even : odd).add(heldOut.get(i));
            }
            return new Timing(g, h, g.distance(h), StepTiming.of(even).distance(StepTiming.of(odd)));
        }
    }

    /**
     * Means over trajectories.
     *
     * @param count trajectories summarised
     * @param kurtosis per {@link TrajectoryStatistics#MOMENT_LAGS} lag
     * @param variancePx2 per moment lag
     * @param vacf lags 1..
     * @param msdPx2 lags 1..
     * @param alphaQuartiles 25th, 50th and 75th percentiles of alpha
     * @param alphaMean mean alpha
     */
    public record Summary(int count, double[] kurtosis, double[] variancePx2, double[] vacf, double[] msdPx2,
            double[] alphaQuartiles, double alphaMean) {
    }

    /**
     * Compares {@code n} trajectories generated with {@code seed} with the held-out windows, latents from the
     * model's aggregate prior where it has one.
     */
    public static Evaluation run(LeonardoModel model, TrajectoryWindows heldOut, int n, long seed, Progress progress) {
        return run(model, heldOut, n, seed, Generator.Prior.AGGREGATE, progress);
    }

    /** As {@link #run(LeonardoModel, TrajectoryWindows, int, long, Progress)}, latents from {@code prior}. */
    public static Evaluation run(LeonardoModel model, TrajectoryWindows heldOut, int n, long seed,
            Generator.Prior prior, Progress progress) {
        checkHeldOut(model, heldOut);
        List<double[]> gen = new Generator(model, prior).generate(n, seed, Map.of(), progress.sub(0, 0.6));
        return compare(model, gen, heldOut, progress.sub(0.6, 1));
    }

    /**
     * Trajectories from elsewhere (an earlier {@code generate}, another generator, a simulator) against the
     * held-out windows, on the same statistics and with the same floor as a model's own samples: windows of the
     * model's length cut from a tracks table in the model's calibration.
     */
    public static Evaluation of(LeonardoModel model, TrajectoryWindows generated, TrajectoryWindows heldOut,
            Progress progress) {
        checkHeldOut(model, heldOut);
        model.requireCalibrationOf(generated, "the generated table");
        if (generated.size() < 2) {
            throw new LptemException("the evaluation needs at least 2 generated windows of "
                    + model.config().length() + " frames, got " + generated.size());
        }
        return compare(model, positionsPx(generated), heldOut, progress);
    }

    /** Samples of the step-timing check after training (a few seconds of generation on a CPU). */
    public static final int TIMING_CHECK_SAMPLES = 1000;

    /**
     * When {@code n} of the model's samples (latents from its aggregate prior where it has one, drawn with
     * {@code seed}) move, against when {@code windows} do: the check that needs no held-out table, which
     * {@code train} prints. Shared motion far above the windows' means the samples are one path in many sizes.
     */
    public static Timing timing(LeonardoModel model, TrajectoryWindows windows, int n, long seed, Progress progress) {
        if (n < 2 || windows.size() < 2) {
            throw new LptemException("the step timing check needs at least 2 samples and 2 windows, got " + n
                    + " and " + windows.size());
        }
        List<double[]> gen = new Generator(model, Generator.Prior.AGGREGATE).generate(n, seed, Map.of(),
                progress.sub(0, 0.9));
        Timing t = Timing.of(gen, positionsPx(windows));
        progress.report(1, "step timing");
        return t;
    }

    /**
     * The Frechet distance of {@code n} trajectories generated with {@code seed} (aggregate prior) from the model's
     * training windows (their stored feature moments, whose spreads scale the features): a score of the samples that
     * needs no held-out table, with which {@link LeonardoTrainer#fitPriors} chooses among frame prior fits.
     */
    public static double distanceToTraining(LeonardoModel model, int n, long seed, Progress progress) {
        List<double[]> gen = new Generator(model, Generator.Prior.AGGREGATE).generate(n, seed, Map.of(), progress);
        FeatureMoments train = model.trainingReference();
        return FrechetDistance.between(moments(TrajectoryStatistics.ofAll(gen)), train, train);
    }

    private static void checkHeldOut(LeonardoModel model, TrajectoryWindows heldOut) {
        model.requireCalibrationOf(heldOut, "the held-out table");
        if (heldOut.size() < 2) {
            throw new LptemException("the evaluation needs at least 2 held-out windows of " + model.config().length()
                    + " frames, got " + heldOut.size());
        }
    }

    /** Each window in px again (its normalised positions times its extent); the statistics ignore the offset. */
    static List<double[]> positionsPx(TrajectoryWindows windows) {
        List<double[]> out = new ArrayList<>(windows.size());
        for (Window w : windows.windows()) {
            double[] p = new double[w.xy().length];
            for (int i = 0; i < p.length; i++) {
                p[i] = w.xy()[i] * w.extentPx();
            }
            out.add(p);
        }
        return out;
    }

    private static Evaluation compare(LeonardoModel model, List<double[]> gen, TrajectoryWindows heldOut,
            Progress progress) {
        progress.report(0, "statistics");
        List<TrajectoryStatistics> gs = TrajectoryStatistics.ofAll(gen);
        progress.checkCanceled();
        List<double[]> held = positionsPx(heldOut);
        List<TrajectoryStatistics> hs = TrajectoryStatistics.ofAll(held);
        progress.report(1, "statistics");
        List<TrajectoryStatistics> gFinite = gs.stream().filter(TrajectoryStatistics::finite).toList();
        List<TrajectoryStatistics> hFinite = hs.stream().filter(TrajectoryStatistics::finite).toList();
        FeatureMoments gm = moments(gFinite);
        FeatureMoments hm = moments(hFinite);
        FeatureMoments train = model.trainingReference();
        if (train.dimension() != hm.dimension()) {
            throw new LptemException("the model's training statistics have " + train.dimension()
                    + " features, the evaluation " + hm.dimension());
        }
        return new Evaluation(summary(gFinite), summary(hFinite), FrechetDistance.between(gm, hm, hm),
                FrechetDistance.between(train, hm, hm), gs.size() - gFinite.size(), hs.size() - hFinite.size(),
                FrechetBreakdown.of(TrajectoryStatistics.featureNames(model.config().length()), gm, hm, train),
                Timing.of(gen, held));
    }

    /** Feature moments of the trajectories whose features are finite. */
    static FeatureMoments moments(List<TrajectoryStatistics> stats) {
        List<double[]> f = new ArrayList<>();
        for (TrajectoryStatistics s : stats) {
            if (s.finite()) {
                f.add(s.features());
            }
        }
        return FeatureMoments.of(f);
    }

    static Summary summary(List<TrajectoryStatistics> stats) {
        TrajectoryStatistics first = stats.get(0);
        double[] kurt = new double[first.kurtosis().length];
        double[] var = new double[first.variancePx2().length];
        double[] vacf = new double[first.vacf().length];
        double[] msd = new double[first.msdPx2().length];
        double[] alpha = new double[stats.size()];
        int n = stats.size();
        for (int i = 0; i < n; i++) {
            TrajectoryStatistics s = stats.get(i);
            add(kurt, s.kurtosis(), n);
            add(var, s.variancePx2(), n);
            add(vacf, s.vacf(), n);
            add(msd, s.msdPx2(), n);
            alpha[i] = s.alpha();
        }
        java.util.Arrays.sort(alpha);
        double mean = java.util.Arrays.stream(alpha).average().orElse(Double.NaN);
        return new Summary(n, kurt, var, vacf, msd, new double[] {quantile(alpha, 0.25), quantile(alpha, 0.5),
                quantile(alpha, 0.75)}, mean);
    }

    private static void add(double[] sum, double[] v, int n) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += v[i] / n;
        }
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Relative difference of the generated value from the held-out one. */
    public static double relative(double generated, double heldOut) {
        return (generated - heldOut) / Math.abs(heldOut);
    }

    /** A readable report: one line per statistic, then the distances. */
    public List<String> report() {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "trajectories: %d generated, %d held out%s", generated.count(),
                heldOut.count(), droppedGenerated + droppedHeldOut > 0 ? String.format(Locale.ROOT,
                        " (%d generated and %d held-out left out: non-finite statistics)", droppedGenerated,
                        droppedHeldOut) : ""));
        out.add(String.format(Locale.ROOT, "%-26s %14s %14s %9s", "statistic", "generated", "held_out", "rel_diff"));
        for (int i = 0; i < heldOut.kurtosis().length; i++) {
            int lag = TrajectoryStatistics.MOMENT_LAGS[i];
            out.add(line("kurtosis lag " + lag, generated.kurtosis()[i], heldOut.kurtosis()[i]));
            out.add(line("variance_px2 lag " + lag, generated.variancePx2()[i], heldOut.variancePx2()[i]));
        }
        for (int lag : new int[] {1, 2, 3, 5, 10, 20, 30, 40, 50}) {
            if (lag <= heldOut.vacf().length) {
                out.add(line("vacf lag " + lag, generated.vacf()[lag - 1], heldOut.vacf()[lag - 1]));
            }
        }
        for (int lag : new int[] {1, 2, 5, 10, 20, 50}) {
            if (lag <= heldOut.msdPx2().length) {
                out.add(line("msd_px2 lag " + lag, generated.msdPx2()[lag - 1], heldOut.msdPx2()[lag - 1]));
            }
        }
        out.add(line("alpha mean", generated.alphaMean(), heldOut.alphaMean()));
        String[] q = {"alpha q25", "alpha median", "alpha q75"};
        for (int i = 0; i < 3; i++) {
            out.add(line(q[i], generated.alphaQuartiles()[i], heldOut.alphaQuartiles()[i]));
        }
        out.add(String.format(Locale.ROOT, "frechet distance (generated vs held-out): %.5g", frechet));
        out.add(String.format(Locale.ROOT, "floor (training vs held-out):            %.5g", floor));
        out.add(String.format(Locale.ROOT, "ratio to floor:                          %.3g", frechet / floor));
        out.add(String.format(Locale.ROOT, "%-26s %14s %14s", "frechet by feature group", "generated", "floor"));
        for (FrechetBreakdown.Group g : breakdown.groups()) {
            out.add(String.format(Locale.ROOT, "  %-24s %14.5g %14.5g", g.name(), g.frechet(), g.floor()));
        }
        out.add(line("shared motion", timing.generated().sharedMotion(), timing.heldOut().sharedMotion()));
        out.add(String.format(Locale.ROOT, "step timing distance:                    %.4f (held-out halves %.4f)",
                timing.distance(), timing.reference()));
        timing.warning().ifPresent(w -> out.add("warning: " + w));
        out.add(String.format(Locale.ROOT, "%-26s %14s %14s", "feature", "mean shift/sd", "spread ratio"));
        for (FrechetBreakdown.Feature f : breakdown.features()) {
            out.add(String.format(Locale.ROOT, "  %-24s %+14.3f %14.3f", f.name(), f.meanShift(), f.spreadRatio()));
        }
        return out;
    }

    private static String line(String name, double g, double h) {
        return String.format(Locale.ROOT, "%-26s %14.6g %14.6g %+8.1f%%", name, g, h, 100 * relative(g, h));
    }
}
