package org.lptem.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lptem.core.LptemException;
import org.lptem.leonardo.DecoderOnnx;
import org.lptem.leonardo.GeneratedTracks;
import org.lptem.leonardo.Generator;
import org.lptem.leonardo.LeonardoModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lptem leonardo generate}: trajectories from a trained model. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate trajectories with a LEONARDO model: latents from the model's aggregate prior (or "
                + "N(0, I) with --prior standard, or a sweep of one dimension), decoded, scaled by an extent drawn "
                + "given the latent from the model's joint (latent, log extent) prior (from the training windows, "
                + "independently of the shape, with --prior standard or a model without one), starting at the "
                + "origin.",
                "Writes --out with columns frame, particle, x, y (px) and x_nm, y_nm, t_s when the training table "
                        + "was calibrated. --onnx also writes the decoder as an ONNX model."})
final class LeonardoGenerateCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "Model file from 'train'.")
    Path model;

    @Option(names = "--n", defaultValue = "100", description = "Number of trajectories (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of latents and extents (default "
            + "${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-o", "--out"}, paramLabel = "G.csv", description = "Tracks table to write.")
    Path out;

    @Option(names = "--fix", paramLabel = "DIM=VALUE",
            description = "Hold latent dimension DIM (0-based) at VALUE; repeatable. With a joint prior the "
                    + "extent is drawn given the latent including the fixed values.")
    List<String> fixed = new ArrayList<>();

    @Option(names = "--sweep", paramLabel = "DIM:FROM:TO:STEPS",
            description = "Instead of sampling: one trajectory per step of latent DIM from FROM to TO, the others "
                    + "at the prior's mean, at the median extent given each latent (joint prior) or else the median "
                    + "training extent.")
    String sweep;

    @Option(names = "--onnx", paramLabel = "FILE", description = "Also export the decoder (z -> trajectory) here.")
    Path onnx;

    @Mixin
    LeonardoCommand.PriorOption prior = new LeonardoCommand.PriorOption();

    @Mixin
    LeonardoCommand.EngineOptions engine = new LeonardoCommand.EngineOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (out == null && onnx == null) {
            throw new LptemException("give --out (trajectories) and/or --onnx (decoder)");
        }
        Inputs.refuseAsOutput(out, model);
        Inputs.refuseAsOutput(onnx, model);
        if (n < 1) {
            throw new LptemException("--n must be at least 1, got " + n);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        Map<Integer, Double> fix = parseFixed();
        return LeonardoCommand.withModel(spec, engine, model, (m, progress) -> {
            if (onnx != null) {
                writeOnnx(m);
                stdout.println("decoder written to " + onnx);
            }
            if (out != null) {
                long t0 = System.nanoTime();
                Generator g = prior.generator(m, stdout, spec.commandLine().getErr());
                List<double[]> trajectories = sweep != null ? sweep(g, progress) : g.generate(n, seed, fix,
                        progress.sub(0, 0.8));
                double seconds = (System.nanoTime() - t0) / 1e9;
                GeneratedTracks.write(out, trajectories, m.scales().calibration(), progress.sub(0.8, 1));
                progress.finish();
                stdout.printf(Locale.ROOT, "generated %d trajectories of %d frames in %.2f s (%.0f/s); %s%n",
                        trajectories.size(), m.config().length(), seconds, trajectories.size() / seconds,
                        m.scales().calibration());
                stdout.println("written to " + out);
            }
        });
    }

    private void writeOnnx(LeonardoModel m) {
        try {
            Path abs = onnx.toAbsolutePath();
            Path temp = org.lptem.core.PartialPaths.newFile(abs);
            try {
                Files.write(temp, DecoderOnnx.export(m.vae()));
                Files.move(temp, abs, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (java.io.IOException e) {
            throw LptemException.inFile(onnx, "cannot write: " + e.getMessage(), e);
        }
    }

    private List<double[]> sweep(Generator g, ConsoleProgress progress) {
        String[] p = sweep.split(":");
        if (p.length != 4) {
            throw new LptemException("--sweep '" + sweep + "': expected DIM:FROM:TO:STEPS");
        }
        try {
            return g.sweep(Integer.parseInt(p[0].trim()), Double.parseDouble(p[1]), Double.parseDouble(p[2]),
                    Integer.parseInt(p[3].trim()), progress);
        } catch (NumberFormatException e) {
            throw new LptemException("--sweep '" + sweep + "': " + e.getMessage(), e);
        }
    }

    private Map<Integer, Double> parseFixed() {
        Map<Integer, Double> fix = new LinkedHashMap<>();
        for (String f : fixed) {
            int eq = f.indexOf('=');
            try {
                if (eq < 0) {
                    throw new NumberFormatException("expected DIM=VALUE");
                }
                fix.put(Integer.parseInt(f.substring(0, eq).trim()), Double.parseDouble(f.substring(eq + 1)));
            } catch (NumberFormatException e) {
                throw new LptemException("--fix '" + f + "': " + e.getMessage(), e);
            }
        }
        return fix;
    }
}
