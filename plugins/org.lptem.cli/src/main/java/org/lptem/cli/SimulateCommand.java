package org.lptem.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lptem.core.LptemException;
import org.lptem.simulate.SettingsKeys;
import org.lptem.simulate.SimulatedVideo;
import org.lptem.simulate.SimulationBench;
import org.lptem.simulate.SimulationPreset;
import org.lptem.simulate.SimulationSettings;
import org.lptem.simulate.SimulationWriter;
import org.lptem.simulate.TrajectoryExport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lptem simulate}: a synthetic LPTEM video with its ground truth, or trajectories alone. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulate a liquid-phase TEM video with its ground truth, or trajectories alone.",
                "Video: writes video.tif, labels.tif (16-bit, value = particle id), tracks.csv and metadata.json "
                        + "(every parameter, the seed, the realised per-pixel SNR per frame) into --out; the folder "
                        + "appears only when complete.",
                "Trajectories (--trajectories): writes --n tracks of --length frames of the motion model to the "
                        + "CSV file --out.",
                "Same settings and seed, same bytes. --list shows the presets and every parameter --set accepts."})
final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--preset", defaultValue = "demo", paramLabel = "NAME",
            description = "Starting set-up: demo, rod-1024, thickness-5nm, thickness-50nm, thickness-150nm, multi "
                    + "(default ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--frames", paramLabel = "N", description = "Number of frames (default: the preset's).")
    Integer frames;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: the preset's).")
    Long seed;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Change one parameter (repeatable, applied last, in order); see --list.")
    List<String> assignments = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "DIR|FILE",
            description = "Output folder (video) or CSV file (--trajectories).")
    Path out;

    @Option(names = "--trajectories", description = "Only trajectories, no images: free tracks starting at 0.")
    boolean trajectories;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "Motion model: bm, fbm, ctrw, levy, sbm, attm, harmonic, box, directed (same as --set "
                    + "motion=MODEL).")
    String model;

    @Option(names = "--alpha", paramLabel = "A", description = "Anomalous exponent (same as --set alpha=A).")
    Double alpha;

    @Option(names = "--n", paramLabel = "N", description = "Number of tracks with --trajectories (default 100).")
    Integer tracks;

    @Option(names = "--length", paramLabel = "T", description = "Frames per track with --trajectories (default 200).")
    Integer length;

    @Option(names = "--list", description = "Print the presets and every parameter with its value, then exit.")
    boolean list;

    @Option(names = "--bench", hidden = true,
            description = "Print the rendering speed (frames/s, one thread) at 1024 x 1024 with 10 rods.")
    boolean bench;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        if (bench) {
            stdout.println(SimulationBench.report(frames == null ? 200 : frames));
            return Main.OK;
        }
        SimulationPreset start = SimulationPreset.parse(preset);
        SimulationSettings settings = settings(start.settings());
        if (list) {
            printList(stdout, settings);
            return Main.OK;
        }
        if (out == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out is required");
        }
        if (!trajectories && (tracks != null || length != null)) {
            throw new LptemException("--n and --length apply to --trajectories only");
        }
        ConsoleProgress progress = ConsoleProgress.forStandardError(spec.commandLine().getErr());
        try (CancelOnExit cancel = new CancelOnExit(progress)) {
            if (trajectories) {
                int n = tracks == null ? 100 : tracks;
                int t = length == null ? 200 : length;
                TrajectoryExport.write(out, settings, n, t, progress);
                progress.finish();
                stdout.printf(Locale.ROOT, "wrote %d %s tracks of %d frames to %s%n", n, settings.motion().key(), t,
                        out);
            } else {
                writeVideo(stdout, start, settings, progress);
            }
        } finally {
            progress.finish();
        }
        return Main.OK;
    }

    private void writeVideo(PrintWriter stdout, SimulationPreset start, SimulationSettings settings,
            ConsoleProgress progress) {
        SimulatedVideo video = new SimulatedVideo(settings);
        SimulationWriter.Result result = SimulationWriter.write(video, out, start.key(), progress);
        progress.finish();
        SimulationSettings s = video.settings();
        stdout.printf(Locale.ROOT, "simulated %s (seed %d): %d frames of %d x %d %s, %d particles (%s, %s)%n",
                start.key(), s.seed(), s.frames(), s.width(), s.height(), video.pixelType().label(),
                s.particles(), s.shape().key(), s.motion().key());
        stdout.printf(Locale.ROOT, "dose rate:      %.4g e-/A^2/s%s%n", s.doseRateElectronsPerA2PerS(),
                s.targetSnr() > 0 ? " (derived from the requested SNR " + s.targetSnr() + ")" : "");
        stdout.printf(Locale.ROOT, "per-pixel SNR:  %.3f (mean over frames; each frame's in %s)%n",
                result.meanSnr(), SimulationWriter.METADATA);
        stdout.printf("wrote %s, %s, %s, %s to %s%n", SimulationWriter.VIDEO, SimulationWriter.LABELS,
                SimulationWriter.TRACKS, SimulationWriter.METADATA, result.directory());
    }

    /**
     * The preset changed by the options, then by every --set, as one validated step. An error about one of them
     * names the option it came from ({@code --set alpha=2.5: alpha must be in (0, 2) for fbm, got 2.5}).
     */
    private SimulationSettings settings(SimulationSettings base) {
        List<String> applied = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        add(applied, origins, frames == null ? null : "frames=" + frames, "--frames " + frames);
        add(applied, origins, seed == null ? null : "seed=" + seed, "--seed " + seed);
        add(applied, origins, model == null ? null : "motion=" + model, "--model " + model);
        add(applied, origins, alpha == null ? null : "alpha=" + alpha, "--alpha " + alpha);
        for (String a : assignments) {
            // Spaced as SettingsKeys echoes it back, so that its errors can be traced to this option.
            int eq = a.indexOf('=');
            String normal = eq < 0 ? a : a.substring(0, eq).trim() + "=" + a.substring(eq + 1).trim();
            add(applied, origins, normal, "--set " + a);
        }
        try {
            return SettingsKeys.apply(base, applied);
        } catch (LptemException e) {
            for (int i = 0; i < applied.size(); i++) {
                String prefix = applied.get(i);
                if (e.getMessage().startsWith(prefix + ": ")) {
                    throw new LptemException(origins.get(i) + e.getMessage().substring(prefix.length()), e);
                }
            }
            throw e;
        }
    }

    private static void add(List<String> applied, List<String> origins, String assignment, String origin) {
        if (assignment != null) {
            applied.add(assignment);
            origins.add(origin);
        }
    }

    private static void printList(PrintWriter stdout, SimulationSettings settings) {
        stdout.println("presets:");
        for (SimulationPreset p : SimulationPreset.values()) {
            stdout.printf("  %-16s %s%n", p.key(), p.description());
        }
        stdout.println("parameters (--set KEY=VALUE), with the values in effect:");
        for (Map.Entry<String, Object> e : SettingsKeys.values(settings).entrySet()) {
            stdout.printf("  %-28s %s%n", e.getKey(), e.getValue());
        }
    }
}
