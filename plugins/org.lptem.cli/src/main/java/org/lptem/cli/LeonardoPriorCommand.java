package org.lptem.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lptem.leonardo.LatentPrior;
import org.lptem.leonardo.LeonardoModel;
import org.lptem.leonardo.LeonardoTrainer;
import org.lptem.leonardo.ModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lptem leonardo prior}: fits the aggregate prior of an existing model. */
@Command(name = "prior", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fit the aggregate prior of a LEONARDO model (ex-post density estimation, Ghosh et al. 2020): "
                + "encode every window of --tracks (the training table), fit a Gaussian to the encoder means "
                + "together with the log of each window's extent (mean and full 13 x 13 covariance for a 12-d latent, "
                + "plus the mean encoder variance on the latent diagonal) and write the model with it to --out "
                + "(format version 3). 'generate' and 'evaluate' then draw latents from it by default and each "
                + "trajectory's extent from its conditional given the latent. 'train' does this at its end; this "
                + "command is for models trained before it did."})
final class LeonardoPriorCommand implements Callable<Integer> {

    @Mixin
    LeonardoModelAndTracks input = new LeonardoModelAndTracks();

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "MODEL2",
            description = "Model file to write (may be --model itself).")
    Path out;

    @Option(names = "--stride", paramLabel = "FRAMES", description = "Frames between window starts (default: the "
            + "stride the model was trained with).")
    Integer stride;

    @Option(names = "--frame-prior-fits", paramLabel = "K", defaultValue = "1", description = "For models with "
            + "per-frame latents: fit the frame prior K times (seeds: the model's, then the next ones) and keep the "
            + "fit whose samples come closest (Frechet distance) to the windows of --tracks (default ${DEFAULT-VALUE}).")
    int framePriorFits;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Inputs.refuseAsOutput(out, input.tracks);
        PrintWriter stdout = spec.commandLine().getOut();
        return input.run(spec, this::stride, (m, windows, progress) -> {
            int length = m.config().length();
            m.requireCalibrationOf(windows, input.tracks.toString());
            long t0 = System.nanoTime();
            // the frame prior, if the model has per-frame latents, is drawn with the seed the model was trained with
            long seed = Long.parseLong(m.info().getOrDefault("seed", "1"));
            LeonardoModel fitted = LeonardoTrainer.fitPriors(m, windows, seed, framePriorFits,
                    progress.sub(0.05, 1));
            LatentPrior joint = fitted.jointPrior();
            ModelFile.write(out, fitted);
            progress.finish();
            stdout.printf(Locale.ROOT, "aggregate prior fitted to %d windows of %d frames from %s (stride %d) "
                    + "in %.1f s%n", windows.size(), length, input.tracks, stride(m), (System.nanoTime() - t0) / 1e9);
            describe(stdout, fitted.aggregatePrior(), fitted.config().latent());
            describeExtent(stdout, joint);
            describeFrames(stdout, fitted);
            stdout.println("model written to " + out);
        });
    }

    /** --stride, else the stride the model was trained with. */
    private int stride(LeonardoModel m) {
        return stride != null ? stride
                : Integer.parseInt(m.info().getOrDefault("stride", Integer.toString(m.config().length())));
    }

    /** The prior's mean and spread per dimension of the trajectory latent (the first {@code latent}). */
    static void describe(PrintWriter out, LatentPrior prior, int latent) {
        int d = prior.dimension();
        StringBuilder mean = new StringBuilder();
        StringBuilder sd = new StringBuilder();
        for (int i = 0; i < latent; i++) {
            mean.append(String.format(Locale.ROOT, " %.3f", prior.mean()[i]));
            sd.append(String.format(Locale.ROOT, " %.3f", Math.sqrt(prior.covariance()[i * d + i])));
        }
        out.println("prior mean:" + mean);
        out.println("prior sd:  " + sd);
        if (d > latent) {
            out.printf(Locale.ROOT, "(and %d per-frame latent values, not listed)%n", d - latent);
        }
        out.printf(Locale.ROOT, "KL(aggregate || N(0, I)): %.3f nats%n", prior.klToStandard());
    }

    /** The frame prior's sizes and the shape extent prior's spread, for models with per-frame latents. */
    static void describeFrames(PrintWriter out, LeonardoModel model) {
        if (model.framePrior() != null) {
            var s = model.framePrior().sizes();
            out.printf(Locale.ROOT, "frame prior: %d values per frame from the previous %d, %d mixture components%n",
                    s.channels(), s.order(), s.components());
            String scores = model.info().get("frame_prior_scores");
            if (scores != null) {
                out.printf(Locale.ROOT, "frame prior fits: %s, kept seed %s (Frechet distance of their samples to "
                        + "the training windows: %s)%n", model.info().get("frame_prior_fits"),
                        model.info().get("frame_prior_seed"), scores.replace(",", ", "));
            }
        }
        LatentPrior shape = model.shapeExtentPrior();
        if (shape != null) {
            int d = shape.dimension();
            double marginal = Math.sqrt(shape.covariance()[d * d - 1]);
            double conditional = new org.lptem.leonardo.ExtentPrior(shape).conditionalSdLog();
            out.printf(Locale.ROOT, "log extent given the latent and the decoded shape (step kurtosis and size): "
                    + "sd %.3f (R^2 %.3f)%n", conditional, 1 - conditional * conditional / (marginal * marginal));
        }
    }

    /** How much of the log extent the latent explains: its marginal and conditional spread, and R^2. */
    static void describeExtent(PrintWriter out, LatentPrior joint) {
        int d = joint.dimension();
        double marginal = Math.sqrt(joint.covariance()[d * d - 1]);
        double conditional = new org.lptem.leonardo.ExtentPrior(joint).conditionalSdLog();
        out.printf(Locale.ROOT, "log extent (ln px): mean %.3f, sd %.3f, sd given the latent %.3f (R^2 %.3f)%n",
                joint.mean()[d - 1], marginal, conditional, 1 - conditional * conditional / (marginal * marginal));
    }
}
