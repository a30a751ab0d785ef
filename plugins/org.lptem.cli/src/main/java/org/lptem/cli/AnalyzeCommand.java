package org.lptem.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lptem.core.StagedFolder;
import org.lptem.core.Calibration;
import org.lptem.core.LptemException;
import org.lptem.core.Video;
import org.lptem.core.MovingAverageVideo;
import org.lptem.core.VideoView;
import org.lptem.io.VideoIO;
import org.lptem.segment.DetectorSettings;
import org.lptem.segment.Polarity;
import org.lptem.segment.ThresholdMethod;
import org.lptem.simulate.SimulatedVideo;
import org.lptem.simulate.SimulationSettings;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lptem analyze}: read, detect, link and compute the MSD, writing tables and plots. */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Detect particles in every frame, link them into tracks and compute the mean squared "
                + "displacement.",
                "Writes detections.csv, tracks.csv, tracks.png (tracks over the first frame) and the MSD "
                        + "report of 'lptem msd' with its defaults (msd_ensemble.csv, msd_tracks.csv, fits.csv, "
                        + "fit_ensemble.csv, track_shapes.csv, msd.png/.svg, trajectories.png/.svg, msd_readme.txt) "
                        + "into --out. The folder appears only when the analysis succeeded."})
final class AnalyzeCommand implements Callable<Integer> {
    /** Detector options start from the library defaults, so the CLI, KNIME and tests agree. */
    private static final DetectorSettings DEFAULTS = DetectorSettings.defaults();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    static final class Input {
        @Parameters(paramLabel = "VIDEO", description = "Video: TIFF stack, Gatan DM3/DM4, MRC/MRCS, TIA SER, "
                + "Velox EMD, AVI, MP4, or a folder of numbered PNG/JPEG/TIFF frames (detected by content).")
        Path video;

        @Option(names = "--demo", description = "Simulate a small LPTEM video (Brownian gold spheres) and "
                + "analyse it; writes the video and its ground truth too.")
        boolean demo;
    }

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the --demo simulation (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--frames", paramLabel = "FROM:TO[:STEP]", description = "Frame range, 0-based, TO exclusive. "
            + "The selection is analysed as a video of its own: outputs number its frames from 0 (output frame k is "
            + "video frame FROM + k x STEP) and its frame interval is STEP times the video's.")
    String frames;

    @Mixin
    AveragingOption averaging = new AveragingOption();

    @Mixin
    CalibrationOptions calibrationOptions = new CalibrationOptions();

    // the U-Net is the default since it finds the particles of every benchmark preset, where the threshold
    // pipeline finds none below a per-pixel SNR of 1, and it scores higher on the crowded one (lptem
    // bench-segmentation)
    @Option(names = "--segmentation", defaultValue = "unet", paramLabel = "classical|unet",
            description = "How particles are found: unet (the project's default U-Net; of the detector options only "
                    + "--polarity DARK, --min-area, --max-area and --min-score apply) or classical (the threshold "
                    + "pipeline set by the options below) (default ${DEFAULT-VALUE}).")
    String segmentation;

    @Option(names = "--polarity",
            description = "Particles DARK (TEM bright field) or BRIGHT relative to the liquid (default ${DEFAULT-VALUE}).")
    Polarity polarity = DEFAULTS.polarity();

    @Option(names = "--threshold",
            description = "Automatic threshold: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    ThresholdMethod threshold = DEFAULTS.threshold();

    @Option(names = "--background-sigma", paramLabel = "PX",
            description = "Gaussian scale of the background flattening, px; 0 disables (default ${DEFAULT-VALUE}).")
    double backgroundSigma = DEFAULTS.backgroundSigmaPx();

    @Option(names = "--smoothing-sigma", paramLabel = "PX",
            description = "Gaussian denoising scale, px (default ${DEFAULT-VALUE}).")
    double smoothingSigma = DEFAULTS.smoothingSigmaPx();

    @Option(names = "--min-area", paramLabel = "PX2",
            description = "Smallest particle area, px^2 (default ${DEFAULT-VALUE}).")
    double minArea = DEFAULTS.minAreaPx();

    @Option(names = "--max-area", paramLabel = "PX2",
            description = "Largest particle area, px^2 (default: no limit).")
    double maxArea = DEFAULTS.maxAreaPx();

    @Option(names = "--min-score", paramLabel = "SCORE",
            description = "Drop detections whose contrast score (0..1; 0.5 = 3.5 noise sigmas) is lower "
                    + "(default ${DEFAULT-VALUE}).")
    double minScore = DEFAULTS.minScore();

    @Option(names = "--max-distance", defaultValue = "10", paramLabel = "PX",
            description = "Largest displacement linked between frames, px (default ${DEFAULT-VALUE}).")
    double maxDistance;

    @Option(names = "--memory", defaultValue = "2", paramLabel = "FRAMES",
            description = "Frames a particle may go undetected and still be linked (default ${DEFAULT-VALUE}).")
    int memory;

    @Option(names = "--linker", defaultValue = "LAP",
            description = "LAP (optimal assignment with gap closing), KALMAN (LAP with velocity prediction) or NN "
                    + "(greedy nearest neighbour) (default ${DEFAULT-VALUE}).")
    LinkerChoice linker;

    @Option(names = "--min-length", defaultValue = "5", paramLabel = "POINTS",
            description = "Drop tracks with fewer points, at least 4 (default ${DEFAULT-VALUE}).")
    int minLength;

    @Option(names = "--max-lag", defaultValue = "0", paramLabel = "FRAMES",
            description = "Largest MSD lag, frames; 0 = a quarter of the longest track, at least 10 (default).")
    int maxLag;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Calibration override = calibrationOptions.override();
        FrameRange range = frames == null ? FrameRange.ALL : FrameRange.parse(frames);
        DetectorSettings detector = new DetectorSettings(backgroundSigma, smoothingSigma, threshold, polarity,
                minArea, maxArea, minScore);
        AnalysisSettings.Segmentation method = AnalysisSettings.Segmentation.parse(segmentation);
        if (method == AnalysisSettings.Segmentation.UNET && polarity == Polarity.BRIGHT) {
            throw new LptemException("the default U-Net finds dark particles (TEM bright field); for --polarity "
                    + "BRIGHT use --segmentation classical");
        }
        AnalysisSettings settings = new AnalysisSettings(detector, linker, maxDistance, memory, minLength, maxLag,
                method);
        ConsoleProgress progress = ConsoleProgress.forStandardError(err);
        try (CancelOnExit cancel = new CancelOnExit(progress);
                StagedFolder staged = StagedFolder.forResults(out, input.video);
                Video video = open(override, range)) {
            AnalysisResult result = new Analysis(settings).run(video, staged,
                    input.demo ? progress.sub(0, 0.9) : progress);
            if (input.demo) {
                DemoOutputs.write((SimulatedVideo) unwrap(video), staged, progress.sub(0.9, 1));
            }
            progress.finish();
            staged.commit();
            result.printSummary(stdout, staged.target());
            if (input.demo) {
                DemoOutputs.printTruth(stdout, (SimulatedVideo) unwrap(video), result);
            }
        } finally {
            progress.finish();
        }
        return Main.OK;
    }

    private Video open(Calibration override, FrameRange range) {
        Video base;
        if (input.demo) {
            if (range != FrameRange.ALL) {
                throw new LptemException("--frames does not apply to --demo");
            }
            SimulationSettings s = SimulationSettings.demo().toBuilder().seed(seed).build();
            base = new SimulatedVideo(s);
        } else {
            base = VideoIO.open(input.video);
        }
        return averaging.apply(new VideoView(base, range.from(), range.to(), range.step(), override));
    }

    private static Video unwrap(Video v) {
        if (v instanceof MovingAverageVideo averaged) {
            return unwrap(averaged.base());
        }
        return v instanceof VideoView view ? view.base() : v;
    }
}
