package org.lptem.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.ArrayList;
import org.lptem.core.Detection;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;
import org.lptem.core.Track;
import org.lptem.segment.ClassicalDetector;
import org.lptem.segment.DetectorSettings;
import org.lptem.simulate.MotionKind;
import org.lptem.simulate.SimulatedVideo;
import org.lptem.simulate.SimulationSettings;
import org.lptem.track.TrackingBenchmark;
import org.lptem.track.TrackingScores;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lptem bench-tracking}: accuracy of the linkers on simulated scenes, and linking speed. */
@Command(name = "bench-tracking", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmark the linkers on simulated particle positions (Brownian, directed, switching; 2%% "
                + "missed detections) and time LAP linking with gap closing from 10^4 to 10^6 detections.",
                "With --videos, also on the project's own detections: simulated LPTEM videos at each --snr, "
                        + "segmented by the classical detector, linked and scored against the true tracks.",
                "Speed is for the JVM as started: for the one-core, 1 GB figure run "
                        + "'taskset -c 0 java -Xmx1g -jar lptem.jar bench-tracking --speed-only'."})
final class BenchTrackingCommand implements Callable<Integer> {

    @Option(names = "--particles", defaultValue = "200", paramLabel = "N",
            description = "Particles per frame in the accuracy scenes (default ${DEFAULT-VALUE}).")
    int particles;

    @Option(names = "--frames", defaultValue = "200", paramLabel = "N",
            description = "Frames of the accuracy scenes (default ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--size", defaultValue = "1024", paramLabel = "PX",
            description = "Side of the square field, px (default ${DEFAULT-VALUE}).")
    double size;

    @Option(names = "--noise", defaultValue = "0.3", paramLabel = "PX",
            description = "Localisation error per axis, px (default ${DEFAULT-VALUE}).")
    double noise;

    @Option(names = "--gate", defaultValue = "5", paramLabel = "PX",
            description = "Matching gate of the metrics, px (default ${DEFAULT-VALUE}).")
    double gate;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the scenes (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--speed-particles", defaultValue = "1000", paramLabel = "N",
            description = "Particles per frame of the speed runs (default ${DEFAULT-VALUE}).")
    int speedParticles;

    @Option(names = "--speed-frames", defaultValue = "10,100,1000", split = ",", paramLabel = "N,N,...",
            description = "Frame counts of the speed runs (default ${DEFAULT-VALUE}).")
    int[] speedFrames;

    @Option(names = "--repeats", defaultValue = "3", paramLabel = "N",
            description = "Runs per speed size; the fastest is reported with the first (default ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--videos", description = "Also score linking of detections found in simulated videos.")
    boolean videos;

    @Option(names = "--snr", defaultValue = "1,2,4,7", split = ",", paramLabel = "S,S,...",
            description = "Per-pixel SNRs of the --videos scenes (default ${DEFAULT-VALUE}).")
    double[] snrs;

    @Option(names = "--video-particles", defaultValue = "40", paramLabel = "N",
            description = "Particles in each 512 x 512 px video (default ${DEFAULT-VALUE}).")
    int videoParticles;

    @Option(names = "--video-frames", defaultValue = "60", paramLabel = "N",
            description = "Frames of each video (default ${DEFAULT-VALUE}).")
    int videoFrames;

    @Option(names = "--speed-only", description = "Skip the accuracy tables.")
    boolean speedOnly;

    @Option(names = "--accuracy-only", description = "Skip the speed table.")
    boolean accuracyOnly;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (particles < 2 || frames < 2 || speedParticles < 2 || repeats < 1 || speedFrames.length == 0
                || java.util.Arrays.stream(speedFrames).anyMatch(f -> f < 2)) {
            throw new LptemException("bench-tracking needs at least 2 particles and 2 frames, and 1 repeat");
        }
        PrintWriter out = spec.commandLine().getOut();
        ConsoleProgress progress = ConsoleProgress.forStandardError(spec.commandLine().getErr());
        try {
            if (!speedOnly) {
                List<TrackingBenchmark.AccuracyRow> rows = TrackingBenchmark.accuracy(
                        TrackingBenchmark.scenarios(particles, frames, size, noise, seed), gate, progress.sub(0, 0.3));
                progress.finish();
                out.printf(Locale.ROOT, "Accuracy: %d particles x %d frames in %.0f x %.0f px, noise %.2f px, "
                        + "2%% missed, gate %.1f px, seed %d%n", particles, frames, size, size, noise, gate, seed);
                printAccuracy(out, rows);
            }
            if (videos && !speedOnly) {
                List<TrackingBenchmark.AccuracyRow> rows = new VideoScenes().run(progress.sub(0.3, 0.5));
                progress.finish();
                out.printf(Locale.ROOT, "Accuracy on detections: %d particles x %d frames, 512 x 512 px, classical "
                        + "detector (defaults), gate %.1f px, seed %d%n", videoParticles, videoFrames, gate, seed);
                printAccuracy(out, rows);
            }
            if (!accuracyOnly) {
                List<TrackingBenchmark.SpeedRow> rows = TrackingBenchmark.speed(speedParticles, speedFrames,
                        repeats, seed, progress.sub(0.5, 1));
                progress.finish();
                printSpeed(out, rows);
            }
        } finally {
            progress.finish();
        }
        return Main.OK;
    }

    private static void printAccuracy(PrintWriter out, List<TrackingBenchmark.AccuracyRow> rows) {
        Map<String, Double> first = rows.get(0).scores().asMap();
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-18s %-7s", "scenario", "linker"));
        for (String name : first.keySet()) {
            header.append(String.format(Locale.ROOT, " %10s", shortName(name)));
        }
        out.println(header.append(String.format(Locale.ROOT, " %8s", "time_s")));
        for (TrackingBenchmark.AccuracyRow r : rows) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-18s %-7s", r.scenario(),
                    r.linker()));
            for (Map.Entry<String, Double> e : r.scores().asMap().entrySet()) {
                line.append(String.format(Locale.ROOT, " %10s", ScoreTrackingCommand.format(e.getKey(),
                        e.getValue())));
            }
            out.println(line.append(String.format(Locale.ROOT, " %8.3f", r.seconds())));
        }
        out.println();
    }

    private static String shortName(String metric) {
        return switch (metric) {
            case "link_recall" -> "recall";
            case "link_precision" -> "precision";
            case "id_switches" -> "idsw";
            default -> metric;
        };
    }

    private void printSpeed(PrintWriter out, List<TrackingBenchmark.SpeedRow> rows) {
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "Speed: LAP + gap closing (max gap 2), %d particles, radius 1.1 NN, on %d "
                + "processor(s), max heap %d MB%n", speedParticles, rt.availableProcessors(), rt.maxMemory() >> 20);
        out.printf(Locale.ROOT, "%12s %8s %12s %10s %12s%n", "detections", "frames", "first_s", "best_s",
                "us/detection");
        for (TrackingBenchmark.SpeedRow r : rows) {
            out.printf(Locale.ROOT, "%12d %8d %12.3f %10.3f %12.3f%n", r.detections(), r.frames(), r.firstSeconds(),
                    r.bestSeconds(), r.microsPerDetection());
        }
        if (rows.size() > 1) {
            out.printf(Locale.ROOT, "scaling: time ~ detections^%.2f%n", TrackingBenchmark.scalingExponent(rows));
        }
    }

    /**
     * Simulated LPTEM videos (the demo particles: 7 px gold spheres, 2 nm/px, 20 frames/s) with Brownian (RMS step
     * 3 px) or directed motion (5 px/frame plus the same diffusion), at each SNR; the classical detector with its
     * defaults finds the particles, and each linker links what it found.
     */
    private final class VideoScenes {
        private static final double STEP_PX = 3;
        private static final double SPEED_PX = 5;

        List<TrackingBenchmark.AccuracyRow> run(Progress progress) {
            List<TrackingBenchmark.AccuracyRow> rows = new ArrayList<>();
            int total = snrs.length * 2;
            int done = 0;
            for (MotionKind motion : List.of(MotionKind.BM, MotionKind.DIRECTED)) {
                for (double snr : snrs) {
                    Progress p = progress.sub((double) done / total, (double) ++done / total);
                    rows.addAll(scene(motion, snr, p));
                }
            }
            return rows;
        }

        private List<TrackingBenchmark.AccuracyRow> scene(MotionKind motion, double snr, Progress progress) {
            SimulationSettings base = SimulationSettings.demo();
            double pxPerFrameToNmPerS = base.nmPerPixel() / base.secondsPerFrame();
            // RMS step sqrt(4 D dt) = STEP_PX pixels
            double d = STEP_PX * STEP_PX * base.nmPerPixel() * base.nmPerPixel() / (4 * base.secondsPerFrame());
            SimulationSettings s = base.toBuilder().size(512, 512).particles(videoParticles).frames(videoFrames)
                    .motion(motion).diffusionNm2PerS(d).speedNmPerS(SPEED_PX * pxPerFrameToNmPerS)
                    .targetSnr(snr).seed(seed).build();
            List<Detection> detections = new ArrayList<>();
            List<Track> truth;
            try (SimulatedVideo video = new SimulatedVideo(s)) {
                ClassicalDetector.detectAll(video, DetectorSettings.defaults(), progress.sub(0, 0.8),
                        seg -> detections.addAll(seg.detections()));
                truth = video.groundTruth();
            }
            // 4 sigma of the step, the directed speed, and 2 px for the detector's localisation error
            double maxDistance = 4 * STEP_PX / Math.sqrt(2) + (motion == MotionKind.DIRECTED ? SPEED_PX : 0) + 2;
            String name = (motion == MotionKind.BM ? "video-bm" : "video-directed") + "-snr" + fmt(snr);
            List<TrackingBenchmark.AccuracyRow> rows = new ArrayList<>();
            for (String linker : TrackingBenchmark.LINKERS) {
                progress.checkCanceled();
                long t0 = System.nanoTime();
                List<Track> tracks = TrackingBenchmark.linker(linker, maxDistance).link(detections, Progress.NONE);
                double seconds = (System.nanoTime() - t0) / 1e9;
                rows.add(new TrackingBenchmark.AccuracyRow(name, linker, TrackingScores.of(truth, tracks, gate),
                        seconds));
            }
            progress.report(1, name);
            return rows;
        }

        private static String fmt(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }
    }
}
