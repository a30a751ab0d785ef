package org.lptem.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.concurrent.Callable;
import org.lptem.core.StagedFolder;
import org.lptem.core.Detection;
import org.lptem.core.LptemException;
import org.lptem.core.Video;
import org.lptem.core.VideoView;
import org.lptem.io.DetectionsCsv;
import org.lptem.io.TiffStackWriter;
import org.lptem.io.VideoIO;
import org.lptem.segment.ClassicalDetector;
import org.lptem.segment.ClassicalSettings;
import org.lptem.segment.DetectorSettings;
import org.lptem.segment.Polarity;
import org.lptem.segment.Segmenter;
import org.lptem.segment.ThresholdMethod;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.segment.onnx.ProbabilityModel;
import org.lptem.segment.onnx.ProbabilitySegmenter;
import org.lptem.segment.onnx.RegionClassifier;
import org.lptem.segment.unet.DefaultUnet;
import org.lptem.segment.unet.TrainingRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lptem segment}: a label image and a detection table for every frame of a video. */
@Command(name = "segment", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Segment the particles of every frame: writes labels.tif (16-bit, one label per particle per "
                + "frame, 0 = liquid) and detections.csv (one row per particle and frame) into --out, frame by frame.",
                "Methods: classical (matched-filter blob detection, then an outline per particle; works at "
                        + "per-pixel SNR near 1; --foreground picks the threshold family instead), onnx or unet (a "
                        + "network with one [1,1,H,W] input and a [1,1,H,W] probability output, given by --model; "
                        + "unet without --model runs the project's default U-Net).",
                "The folder appears only when every frame was segmented."})
final class SegmentCommand implements Callable<Integer> {
    private static final ClassicalSettings BLOB_DEFAULTS = ClassicalSettings.blobs(3, 48);

    @Parameters(paramLabel = "VIDEO", description = "Video: TIFF stack, Gatan DM3/DM4, MRC/MRCS, TIA SER, "
            + "Velox EMD, AVI, MP4, or a folder of numbered PNG/JPEG/TIFF frames (detected by content).")
    Path video;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--method", defaultValue = "classical", paramLabel = "NAME",
            description = "classical (default), onnx, unet or sam2 (SAM2/SAM-EM ONNX models, options below).")
    String method;

    @Option(names = "--model", paramLabel = "FILE.onnx",
            description = "The network of --method onnx/unet (unet: default, the shipped U-Net).")
    Path model;

    @Option(names = "--device", defaultValue = "CPU",
            description = "Where the network runs: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    ExecutionDevice device;

    @Option(names = "--probability", defaultValue = "0.5", paramLabel = "P",
            description = "Network probability at which a pixel is a particle's (default ${DEFAULT-VALUE}).")
    double probability;

    @Option(names = "--classifier", paramLabel = "FILE.json",
            description = "Region classifier for --model's network (from 'lptem unet train-classifier --model'); "
                    + "needs the --average-frames it was fitted on. The shipped U-Net brings its own, used with "
                    + "--average-frames 3.")
    Path classifier;

    @Option(names = "--frames", paramLabel = "FROM:TO[:STEP]", description = "Frame range, 0-based, TO exclusive. "
            + "The selection is analysed as a video of its own: outputs number its frames from 0 (output frame k is "
            + "video frame FROM + k x STEP) and its frame interval is STEP times the video's.")
    String frames;

    @Mixin
    AveragingOption averaging = new AveragingOption();

    @Mixin
    CalibrationOptions calibrationOptions = new CalibrationOptions();

    @Mixin
    Sam2Options sam2 = new Sam2Options();

    @Option(names = "--polarity",
            description = "Particles DARK (TEM bright field) or BRIGHT relative to the liquid "
                    + "(default ${DEFAULT-VALUE}).")
    Polarity polarity = BLOB_DEFAULTS.detector().polarity();

    @Option(names = "--foreground",
            description = "Classical rule: BLOB (default), or the threshold family GLOBAL, HYSTERESIS, LOCAL.")
    ClassicalSettings.Foreground foreground = BLOB_DEFAULTS.foreground();

    @Option(names = "--min-radius", paramLabel = "PX",
            description = "Smallest particle radius searched, px (default ${DEFAULT-VALUE}).")
    double minRadius = BLOB_DEFAULTS.minRadiusPx();

    @Option(names = "--max-radius", paramLabel = "PX",
            description = "Largest particle radius searched, px (default ${DEFAULT-VALUE}; equal to --min-radius for "
                    + "one known size, which is also the fastest).")
    double maxRadius = BLOB_DEFAULTS.maxRadiusPx();

    @Option(names = "--significance", paramLabel = "SIGMAS",
            description = "Matched-filter response a particle needs, in noise sigmas (default ${DEFAULT-VALUE}).")
    double significance = BLOB_DEFAULTS.blobThresholdSigmas();

    @Option(names = "--edge-fraction", paramLabel = "F",
            description = "A particle's edge lies where its contrast falls to this fraction of its mean contrast "
                    + "(default ${DEFAULT-VALUE}).")
    double edgeFraction = BLOB_DEFAULTS.edgeFraction();

    @Option(names = "--threshold",
            description = "GLOBAL rule's automatic threshold: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    ThresholdMethod threshold = BLOB_DEFAULTS.detector().threshold();

    @Option(names = "--background",
            description = "Threshold family's background removal: ${COMPLETION-CANDIDATES} (default "
                    + "${DEFAULT-VALUE}).")
    ClassicalSettings.Background background = BLOB_DEFAULTS.background();

    @Option(names = "--background-scale", paramLabel = "PX",
            description = "Its scale: the Gaussian's sigma or the ball's radius, px (default ${DEFAULT-VALUE}).")
    double backgroundScale = BLOB_DEFAULTS.detector().backgroundSigmaPx();

    @Option(names = "--denoising",
            description = "Noise suppression: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    ClassicalSettings.Denoising denoising = BLOB_DEFAULTS.denoising();

    @Option(names = "--smoothing", paramLabel = "PX",
            description = "Its scale: the Gaussian's sigma or the median's radius, px (default ${DEFAULT-VALUE}).")
    double smoothing = BLOB_DEFAULTS.detector().smoothingSigmaPx();

    @Option(names = "--hysteresis", split = ",", paramLabel = "LOW,HIGH",
            description = "HYSTERESIS levels in noise sigmas (default 2.5,5).")
    double[] hysteresis = {BLOB_DEFAULTS.hysteresisLowSigmas(), BLOB_DEFAULTS.hysteresisHighSigmas()};

    @Option(names = "--local", split = ",", paramLabel = "RADIUS,OFFSET",
            description = "LOCAL window half-width (px) and offset (noise sigmas) (default 15,2.5).")
    double[] local = {BLOB_DEFAULTS.localRadiusPx(), BLOB_DEFAULTS.localOffsetSigmas()};

    @Option(names = "--no-split", description = "Keep touching particles as one region.")
    boolean noSplit;

    @Option(names = "--min-area", paramLabel = "PX2",
            description = "Smallest particle area, px^2 (default ${DEFAULT-VALUE}).")
    double minArea = BLOB_DEFAULTS.detector().minAreaPx();

    @Option(names = "--max-area", paramLabel = "PX2", description = "Largest particle area, px^2 (default: no limit).")
    double maxArea = BLOB_DEFAULTS.detector().maxAreaPx();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        FrameRange range = frames == null ? FrameRange.ALL : FrameRange.parse(frames);
        if (hysteresis.length != 2 || local.length != 2) {
            throw new LptemException("--hysteresis needs LOW,HIGH and --local RADIUS,OFFSET");
        }
        DetectorSettings detector = BLOB_DEFAULTS.detector().withPolarity(polarity).withThreshold(threshold)
                .withArea(minArea, maxArea).withBackgroundSigma(backgroundScale).withSmoothing(smoothing);
        // options are checked before anything is opened, so a typo fails at once
        ClassicalSettings classical = BLOB_DEFAULTS.toBuilder().detector(detector).foreground(foreground)
                .background(background).denoising(denoising).hysteresis(hysteresis[0], hysteresis[1])
                .local(local[0], local[1]).radii(minRadius, maxRadius).blobThresholdSigmas(significance)
                .edgeFraction(edgeFraction).splitTouching(!noSplit).build();
        String name = method.toLowerCase(Locale.ROOT);
        if (name.equals("sam2") && averaging.frames != 1) {
            throw new LptemException("--average-frames applies to the classical, unet and onnx methods; SAM2 carries "
                    + "its own memory across frames");
        }
        if (name.equals("sam2")) {
            return Sam2Run.run(sam2, video, out, range, calibrationOptions, device, new ClassicalDetector(classical),
                    stdout, spec.commandLine().getErr());
        }
        boolean network = name.equals("onnx") || name.equals("unet");
        if (!network && !name.equals("classical")) {
            throw new LptemException("--method '" + method + "' is not one of classical, onnx, unet");
        }
        if (network && !(probability > 0 && probability < 1)) {
            throw new LptemException("--probability must be between 0 and 1, got " + probability);
        }
        if (!network) {
            // the classical detector would ignore these; a run must not look configured in a way it was not
            List<String> given = Stream.of("--model", "--device", "--probability", "--classifier")
                    .filter(o -> spec.commandLine().getParseResult().hasMatchedOption(o)).toList();
            if (!given.isEmpty()) {
                throw new LptemException(String.join(", ", given) + (given.size() == 1 ? " applies" : " apply")
                        + " to --method unet and onnx only, not classical");
            }
        }
        if (name.equals("onnx") && model == null) {
            throw new LptemException("--method " + name + " needs --model FILE.onnx (a network with a [1,1,H,W] "
                    + "probability output)");
        }
        if (model != null) {
            TrainingRecord.checkAveragedFrames(model, averaging.frames);
        }
        RegionClassifier regions = classifier == null ? null : readClassifier(classifier, model, averaging.frames);
        if (regions != null && probability != DefaultUnet.PROBABILITY) {
            throw new LptemException("--classifier: region classifiers are fitted on the regions at probability "
                    + DefaultUnet.PROBABILITY + "; leave --probability at that");
        }
        Segmenter segmenter = !network ? new ClassicalDetector(classical)
                : model == null ? DefaultUnet.segmenter(device, detector, noSplit ? 0 : classical.ridgeRatio(),
                        averaging.frames)
                : new ProbabilitySegmenter(ProbabilityModel.load(model, device), probability,
                        probability, regions, detector, noSplit ? 0 : classical.ridgeRatio());
        ConsoleProgress progress = ConsoleProgress.forStandardError(spec.commandLine().getErr());
        try (CancelOnExit cancel = new CancelOnExit(progress);
                StagedFolder staged = StagedFolder.forResults(out, video, classifier, model);
                Video v = averaging.apply(new VideoView(VideoIO.open(video), range.from(), range.to(),
                        range.step(), calibrationOptions.override()))) {
            long[] detections = {0};
            long start = System.nanoTime();
            try (TiffStackWriter labels = TiffStackWriter.labels(staged.file("labels.tif"), v.width(), v.height(),
                    v.calibration());
                    DetectionsCsv.Writer table = new DetectionsCsv.Writer(staged.file("detections.csv"),
                            v.calibration())) {
                try {
                    segmenter.segmentAll(v, progress, seg -> {
                        labels.write(seg.labelFrame());
                        for (Detection d : seg.detections()) {
                            table.add(d);
                            detections[0]++;
                        }
                    });
                } catch (RuntimeException e) {
                    labels.abort();
                    table.abort();
                    throw e;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            progress.finish();
            staged.commit();
            stdout.printf(Locale.ROOT, "segmented %d frames of %s (%s): %d particles, %.1f per frame, %.1f ms per "
                    + "frame -> %s%n", v.frameCount(), video, network ? name + " " + (model == null
                    ? DefaultUnet.modelFor(averaging.frames) : model.getFileName()) : "classical "
                    + classical.foreground().name().toLowerCase(Locale.ROOT), detections[0],
                    (double) detections[0] / v.frameCount(), 1000 * seconds / v.frameCount(), staged.target());
        } finally {
            progress.finish();
            if (segmenter instanceof ProbabilitySegmenter net) {
                net.close();
            }
        }
        return Main.OK;
    }

    private static RegionClassifier readClassifier(Path file, Path model, int averagedFrames) {
        if (model == null) {
            throw new LptemException("--classifier goes with --model (the shipped U-Net brings its own)");
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw LptemException.inFile(file, "cannot read the region classifier: " + e.getMessage(), e);
        }
        RegionClassifier c = RegionClassifier.fromJson(text, file.toString());
        if (c.averagedFrames() != averagedFrames) {
            throw new LptemException(file + " was fitted on means of " + c.averagedFrames() + " frames; segment "
                    + "with --average-frames " + c.averagedFrames());
        }
        return c;
    }
}
