package org.lptem.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import org.lptem.core.Detection;
import org.lptem.core.Frame;
import org.lptem.core.LptemException;
import org.lptem.core.MovingAverageVideo;
import org.lptem.core.Progress;
import org.lptem.core.Track;
import org.lptem.segment.Blob;
import org.lptem.segment.BlobDetector;
import org.lptem.segment.ClassicalDetector;
import org.lptem.segment.ClassicalSettings;
import org.lptem.segment.DetectorSettings;
import org.lptem.segment.Polarity;
import org.lptem.segment.Segmentation;
import org.lptem.segment.Segmenter;
import org.lptem.segment.ThresholdMethod;
import org.lptem.segment.metrics.SegmentationScorer;
import org.lptem.segment.metrics.SegmentationScores;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.ml.onnx.OnnxModel;
import org.lptem.segment.onnx.ProbabilityModel;
import org.lptem.segment.onnx.ProbabilitySegmenter;
import org.lptem.segment.unet.DefaultUnet;
import org.lptem.simulate.SimulatedVideo;
import org.lptem.simulate.SimulationPreset;
import org.lptem.simulate.SimulationSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lptem bench-segmentation}: segmentation quality per method and preset, and detection speed. */
@Command(name = "bench-segmentation", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score the segmenters on the simulator's benchmark presets (fixed seeds, the first --frames "
                + "frames): foreground IoU and Dice, DAVIS J, F and J&F, detection precision, recall and F1 at "
                + "IoU >= 0.5, centroid and orientation errors, time per frame.",
                "Then time detection on 1024 x 1024 frames with ~20 particles at per-pixel SNR ~1, with recall and "
                        + "precision of the particle centres (a detection within one radius of a true centre), on "
                        + "single frames and on the mean of three consecutive ones.",
                "Methods: classical (matched-filter blobs and outlines), threshold (the plain Triangle pipeline of "
                        + "lptem analyze), otsu (the same with Otsu), hysteresis and local (those rules with their "
                        + "defaults), unet (the project's default U-Net), onnx (with --model). For the networks, "
                        + "onnx_ms is the part of ms/frame spent in ONNX Runtime; the rest is Java pre- and "
                        + "post-processing (standardisation, tiling, labelling, measuring).",
                "Speed is for the JVM as started, on one thread: for the one-core figure run "
                        + "'taskset -c 0 java -XX:+UseSerialGC -jar lptem.jar bench-segmentation --speed-only'."})
final class BenchSegmentationCommand implements Callable<Integer> {
    static final String DEFAULT_PRESETS = "rod-1024,thickness-5nm,thickness-50nm,thickness-150nm,multi";
    /** Timed rounds of the speed runs, after one untimed; the fastest is the figure least disturbed by other work. */
    static final int ROUNDS = 3;
    /**
     * The default U-Net on the moving mean of 3 frames with its region classifier ({@code lptem segment --method unet
     * --average-frames 3}); scored against each frame's own truth.
     */
    static final String MEAN3_UNET = "unet-mean3";

    @Option(names = "--presets", defaultValue = DEFAULT_PRESETS, split = ",", paramLabel = "NAME,NAME,...",
            description = "Simulator presets to score (default ${DEFAULT-VALUE}).")
    List<String> presets;

    @Option(names = "--methods", defaultValue = "classical,threshold,otsu,hysteresis,local,unet", split = ",",
            paramLabel = "NAME,...",
            description = "Methods to score (default ${DEFAULT-VALUE}); onnx is added by --model. "
                    + MEAN3_UNET + " is the default U-Net with its region classifier on the mean of 3 frames centred "
                    + "on each scored frame (for particles that move less than their radius in 3 frames).")
    List<String> methods;

    @Option(names = "--frames", defaultValue = "20", paramLabel = "N",
            description = "Frames scored per preset (default ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of every video (default: the presets', 1).")
    Long seed;

    @Option(names = "--model", paramLabel = "FILE.onnx", description = "Also score this probability network.")
    Path model;

    @Option(names = "--speed-frames", defaultValue = "20", paramLabel = "N",
            description = "Frames of the speed video (default ${DEFAULT-VALUE}).")
    int speedFrames;

    @Option(names = "--speed-snr", defaultValue = "1.0", paramLabel = "SNR",
            description = "Per-pixel SNR of the speed video (default ${DEFAULT-VALUE}).")
    double speedSnr;

    @Option(names = "--speed-particles", defaultValue = "20", paramLabel = "N",
            description = "Particles in the speed video (default ${DEFAULT-VALUE}).")
    int speedParticles;

    @Option(names = "--speed-significance", defaultValue = "5,4,3.5", split = ",", paramLabel = "S,S,...",
            description = "Detection thresholds timed, in noise sigmas of the matched filter (default "
                    + "${DEFAULT-VALUE}).")
    double[] speedSignificance;

    @Option(names = "--speed-only", description = "Skip the preset table.")
    boolean speedOnly;

    @Option(names = "--accuracy-only", description = "Skip the speed table.")
    boolean accuracyOnly;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (frames < 1 || speedFrames < 1 || speedParticles < 1 || !(speedSnr > 0)) {
            throw new LptemException("bench-segmentation needs at least 1 frame, 1 particle and an SNR > 0");
        }
        List<SimulationPreset> chosen = presets.stream().map(SimulationPreset::parse).toList();
        PrintWriter out = spec.commandLine().getOut();
        ConsoleProgress progress = ConsoleProgress.forStandardError(spec.commandLine().getErr());
        Map<String, Segmenter> segmenters = segmenters();
        try {
            if (!speedOnly) {
                printAccuracy(out, accuracy(chosen, segmenters, progress.sub(0, accuracyOnly ? 1 : 0.7)));
                progress.finish();
            }
            if (!accuracyOnly) {
                printSpeed(out, segmenters.get("unet"), progress.sub(speedOnly ? 0 : 0.7, 1));
            }
        } finally {
            progress.finish();
            for (Segmenter s : segmenters.values()) {
                if (s instanceof ProbabilitySegmenter p) {
                    p.close();
                }
            }
        }
        return Main.OK;
    }

    private Map<String, Segmenter> segmenters() {
        Map<String, Segmenter> m = new LinkedHashMap<>();
        for (String name : methods) {
            String key = name.trim().toLowerCase(Locale.ROOT);
            m.put(key, switch (key) {
                case "classical" -> new ClassicalDetector(ClassicalSettings.blobs(3, 48));
                case "threshold" -> new ClassicalDetector(DetectorSettings.defaults());
                case "otsu" -> new ClassicalDetector(DetectorSettings.defaults().withThreshold(ThresholdMethod.OTSU));
                case "hysteresis", "local" -> new ClassicalDetector(ClassicalSettings
                        .builder(DetectorSettings.defaults())
                        .foreground(ClassicalSettings.Foreground.valueOf(key.toUpperCase(Locale.ROOT))).build());
                // the filters and split of 'lptem segment --method unet'
                case "unet" -> DefaultUnet.segmenter(ExecutionDevice.CPU, ClassicalSettings.blobs(3, 48).detector(),
                        ClassicalSettings.blobs(3, 48).ridgeRatio());
                case MEAN3_UNET -> DefaultUnet.segmenter(ExecutionDevice.CPU,
                        ClassicalSettings.blobs(3, 48).detector(), ClassicalSettings.blobs(3, 48).ridgeRatio(), 3);
                default -> throw new LptemException("--methods: '" + name + "' is not one of classical, threshold, "
                        + "otsu, hysteresis, local, unet, " + MEAN3_UNET);
            });
        }
        if (model != null) {
            m.put("onnx", new ProbabilitySegmenter(new ProbabilityModel(OnnxModel.load(model, ExecutionDevice.CPU)),
                    0.5, DetectorSettings.defaults(), ClassicalSettings.blobs(3, 48).ridgeRatio()));
        }
        return m;
    }

    /** One row of the preset table. */
    record Row(String preset, String method, SegmentationScores scores, double msPerFrame, double onnxMsPerFrame) {
    }

    private List<Row> accuracy(List<SimulationPreset> chosen, Map<String, Segmenter> segmenters, Progress progress) {
        List<Row> rows = new ArrayList<>();
        for (int p = 0; p < chosen.size(); p++) {
            SimulationPreset preset = chosen.get(p);
            SimulationSettings s = preset.settings();
            if (seed != null) {
                s = s.toBuilder().seed(seed).build();
            }
            Map<String, SegmentationScorer> scorers = new LinkedHashMap<>();
            Map<String, long[]> nanos = new LinkedHashMap<>();
            segmenters.keySet().forEach(k -> {
                scorers.put(k, new SegmentationScorer());
                nanos.put(k, new long[2]);
            });
            try (SimulatedVideo video = new SimulatedVideo(s)) {
                MovingAverageVideo mean = new MovingAverageVideo(video, 3);
                int n = Math.min(frames, video.frameCount());
                for (int f = 0; f < n; f++) {
                    progress.checkCanceled();
                    progress.report((p + (double) f / n) / chosen.size(), preset.key() + " frame " + (f + 1));
                    Frame frame = video.frame(f);
                    Frame averaged = segmenters.containsKey(MEAN3_UNET) ? mean.frame(f) : null;
                    int[] truth = SegmentationScorer.labelsOf(video.labels(f));
                    for (Map.Entry<String, Segmenter> e : segmenters.entrySet()) {
                        long t0 = System.nanoTime();
                        long onnx0 = onnxNanos(e.getValue());
                        Segmentation seg = e.getValue().segment(e.getKey().equals(MEAN3_UNET) ? averaged : frame, f);
                        nanos.get(e.getKey())[0] += System.nanoTime() - t0;
                        nanos.get(e.getKey())[1] += onnxNanos(e.getValue()) - onnx0;
                        scorers.get(e.getKey()).add(truth, seg.labels(), seg.width(), seg.height());
                    }
                }
                for (String k : segmenters.keySet()) {
                    rows.add(new Row(preset.key(), k, scorers.get(k).scores(), nanos.get(k)[0] / 1e6 / n,
                            segmenters.get(k) instanceof ProbabilitySegmenter ? nanos.get(k)[1] / 1e6 / n
                                    : Double.NaN));
                }
            }
        }
        return rows;
    }

    private static long onnxNanos(Segmenter s) {
        return s instanceof ProbabilitySegmenter p ? p.onnxNanos() : 0;
    }

    private static void printAccuracy(PrintWriter out, List<Row> rows) {
        out.printf(Locale.ROOT, "%-16s %-10s %6s %6s %6s %6s %6s %6s %6s %6s %6s %8s %8s %9s %8s%n", "preset",
                "method", "frames", "iou", "dice", "J", "F", "J&F", "prec", "recall", "F1", "cent_px", "orient",
                "ms/frame", "onnx_ms");
        for (Row r : rows) {
            SegmentationScores s = r.scores();
            out.printf(Locale.ROOT, "%-16s %-10s %6d %6s %6s %6s %6s %6s %6s %6s %6s %8s %8s %9.1f %8s%n",
                    r.preset(), r.method(), s.frames(), f3(s.iou()), f3(s.dice()), f3(s.j()), f3(s.f()),
                    f3(s.jAndF()), f3(s.precision()), f3(s.recall()), f3(s.f1()), f2(s.centroidErrorPx()),
                    f2(s.orientationErrorDeg()), r.msPerFrame(), Double.isNaN(r.onnxMsPerFrame()) ? "-"
                            : String.format(Locale.ROOT, "%.1f", r.onnxMsPerFrame()));
        }
        out.println("J and F per true object (DAVIS; F within 0.8 % of the diagonal), iou and dice of the whole "
                + "foreground; orient in degrees, elongated objects only.");
        out.println();
    }

    private static String f3(double v) {
        return Double.isNaN(v) ? "nan" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String f2(double v) {
        return Double.isNaN(v) ? "nan" : String.format(Locale.ROOT, "%.2f", v);
    }

    /**
     * Detection speed on the demo's particles (spheres of radius 7 px) in a 1024 x 1024 field at the requested SNR:
     * frames rendered first, then each method timed over all of them in {@value #ROUNDS} rounds.
     */
    private void printSpeed(PrintWriter out, Segmenter unet, Progress progress) {
        SimulationSettings s = SimulationSettings.demo().toBuilder().size(1024, 1024).particles(speedParticles)
                .frames(speedFrames).targetSnr(speedSnr).seed(seed == null ? 7 : seed).build();
        List<Frame> rendered = new ArrayList<>();
        List<List<double[]>> centres = new ArrayList<>();
        double measuredSnr;
        try (SimulatedVideo video = new SimulatedVideo(s)) {
            for (int f = 0; f < speedFrames; f++) {
                progress.checkCanceled();
                progress.report(0.5 * f / speedFrames, "rendering speed frame " + (f + 1));
                rendered.add(video.frame(f));
                centres.add(new ArrayList<>());
            }
            for (Track t : video.groundTruth()) {
                for (Detection d : t.points()) {
                    centres.get(d.frame()).add(new double[] {d.x(), d.y()});
                }
            }
            measuredSnr = video.measuredSnr(0);
        }
        double radius = s.particleRadiusPx();
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "Speed: %d x %d, %d spheres of radius %.0f px, per-pixel SNR %.2f (frame 0: %.2f), "
                + "%d frames, one thread, %d processor(s), best of %d rounds%n", s.width(), s.height(),
                speedParticles, radius, speedSnr, measuredSnr, speedFrames, rt.availableProcessors(), ROUNDS);
        out.printf(Locale.ROOT, "%-40s %10s %8s %9s%n", "method", "frames/s", "recall", "precision");
        List<Timed> timed = new ArrayList<>();
        for (double t : speedSignificance) {
            BlobDetector detector = new BlobDetector(Polarity.DARK, radius, radius, t);
            timed.add(new Timed(String.format(Locale.ROOT, "blob detection, r %.0f px, %.1f sigma", radius, t),
                    f -> centresOf(detector.detect(rendered.get(f)))));
        }
        for (double t : speedSignificance) {
            BlobDetector detector = new BlobDetector(Polarity.DARK, radius, radius, t);
            timed.add(new Timed(String.format(Locale.ROOT, "  same on the mean of 3 frames, %.1f sigma", t),
                    f -> centresOf(detector.detect(rendered.subList(Math.max(0, f - 1),
                            Math.min(rendered.size(), f + 2))))));
        }
        Segmenter classical = new ClassicalDetector(ClassicalSettings.blobs(radius, radius));
        timed.add(new Timed(String.format(Locale.ROOT, "classical segmentation, r %.0f px", radius),
                f -> centresOf(classical.segment(rendered.get(f), f))));
        Segmenter auto = new ClassicalDetector(ClassicalSettings.blobs(3, 48));
        timed.add(new Timed("classical segmentation, r 3..48 px", f -> centresOf(auto.segment(rendered.get(f), f))));
        Segmenter otsu = new ClassicalDetector(DetectorSettings.defaults().withThreshold(ThresholdMethod.OTSU));
        timed.add(new Timed("otsu pipeline", f -> centresOf(otsu.segment(rendered.get(f), f))));
        Segmenter triangle = new ClassicalDetector(DetectorSettings.defaults());
        timed.add(new Timed("threshold pipeline (triangle)", f -> centresOf(triangle.segment(rendered.get(f), f))));
        if (unet != null) {
            timed.add(new Timed("default U-Net (ONNX Runtime, CPU)", f -> centresOf(unet.segment(rendered.get(f),
                    f))));
        }
        for (int m = 0; m < timed.size(); m++) {
            progress.checkCanceled();
            progress.report(0.5 + 0.5 * m / timed.size(), timed.get(m).name);
            Timed t = timed.get(m);
            double best = 0;
            int[] counts = new int[3];
            // round 0 is untimed: it lets the JIT compile the method and gives the counts
            for (int round = 0; round <= ROUNDS; round++) {
                long start = System.nanoTime();
                List<List<double[]>> found = new ArrayList<>();
                for (int f = 0; f < rendered.size(); f++) {
                    found.add(t.detector.apply(f));
                }
                if (round > 0) {
                    best = Math.max(best, rendered.size() / ((System.nanoTime() - start) / 1e9));
                } else {
                    for (int f = 0; f < rendered.size(); f++) {
                        int[] c = matchCentres(centres.get(f), found.get(f), radius);
                        for (int i = 0; i < 3; i++) {
                            counts[i] += c[i];
                        }
                    }
                }
            }
            out.printf(Locale.ROOT, "%-40s %10.1f %8s %9s%n", t.name, best,
                    f3(counts[1] == 0 ? Double.NaN : (double) counts[0] / counts[1]),
                    f3(counts[2] == 0 ? Double.NaN : (double) counts[0] / counts[2]));
        }
    }

    /** A method under the clock: the particle centres it finds in frame f of the speed video. */
    private record Timed(String name, IntFunction<List<double[]>> detector) {
    }

    private static List<double[]> centresOf(List<Blob> blobs) {
        return blobs.stream().map(b -> new double[] {b.x(), b.y()}).toList();
    }

    private static List<double[]> centresOf(Segmentation seg) {
        return seg.detections().stream().map(d -> new double[] {d.x(), d.y()}).toList();
    }

    /**
     * {matched, true, found}: true and found centres paired one to one, closest pairs first, within the radius.
     */
    static int[] matchCentres(List<double[]> truth, List<double[]> found, double radius) {
        List<double[]> pairs = new ArrayList<>();
        for (int t = 0; t < truth.size(); t++) {
            for (int f = 0; f < found.size(); f++) {
                double d = Math.hypot(truth.get(t)[0] - found.get(f)[0], truth.get(t)[1] - found.get(f)[1]);
                if (d <= radius) {
                    pairs.add(new double[] {d, t, f});
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(p -> p[0]));
        boolean[] usedTruth = new boolean[truth.size()];
        boolean[] usedFound = new boolean[found.size()];
        int matched = 0;
        for (double[] p : pairs) {
            int t = (int) p[1];
            int f = (int) p[2];
            if (!usedTruth[t] && !usedFound[f]) {
                usedTruth[t] = true;
                usedFound[f] = true;
                matched++;
            }
        }
        return new int[] {matched, truth.size(), found.size()};
    }
}
