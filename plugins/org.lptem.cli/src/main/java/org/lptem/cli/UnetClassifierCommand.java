package org.lptem.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lptem.core.Frame;
import org.lptem.core.LptemException;
import org.lptem.core.MovingAverageVideo;
import org.lptem.io.JsonText;
import org.lptem.io.TextFiles;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.ml.onnx.OnnxModel;
import org.lptem.segment.ClassicalSettings;
import org.lptem.segment.RegionProfile;
import org.lptem.segment.metrics.SegmentationScorer;
import org.lptem.segment.onnx.ProbabilityModel;
import org.lptem.segment.onnx.RegionClassifier;
import org.lptem.segment.onnx.RegionSamples;
import org.lptem.segment.unet.DefaultUnet;
import org.lptem.simulate.SimulatedVideo;
import org.lptem.simulate.SimulationPreset;
import org.lptem.simulate.TrainingFrames;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lptem unet train-classifier}: fits the region classifier that follows a U-Net. */
@Command(name = "train-classifier", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fit the region classifier that decides which regions a U-Net outlines are particles in focus "
                + "(logistic regression on how sharply the image falls to the background around each region, its "
                + "area and the network's probabilities), on simulated videos with known truth: the simulator's "
                + "training set-ups (never the benchmark seeds), one scored frame per video, seen as the moving mean "
                + "of --average-frames frames like the videos it will be used on.",
                "Regions are those the segmenters draw: pixels at network probability >= 0.5, cut apart where "
                        + "touching. A region counts as a particle when it matches a true one at IoU >= 0.5.",
                "Writes FILE.json: the weights, the command line, seed, data and the validation figures."})
final class UnetClassifierCommand implements Callable<Integer> {
    static final String DEFAULT_PRESETS = "multi,thickness-5nm,multi,thickness-50nm,multi,thickness-150nm";

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE.json", description = "Classifier to write.")
    Path out;

    @Option(names = "--model", paramLabel = "MODEL.onnx",
            description = "The U-Net whose regions are classified (default: the shipped one for the "
                    + "--average-frames: default-unet-mean3.onnx for 3, default-unet.onnx otherwise).")
    Path model;

    @Option(names = "--presets", defaultValue = DEFAULT_PRESETS, split = ",", paramLabel = "NAME,...",
            description = "Simulator set-ups, used in turn with varied physics (default ${DEFAULT-VALUE}).")
    List<String> presets;

    @Option(names = "--videos", defaultValue = "600", paramLabel = "N",
            description = "Simulated videos, one scored frame each (default ${DEFAULT-VALUE}).")
    int videos;

    @Option(names = "--average-frames", defaultValue = "3", paramLabel = "N",
            description = "Frames in the moving mean the U-Net sees (odd; default ${DEFAULT-VALUE}); segment with "
                    + "the same --average-frames.")
    int averageFrames;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--rings", defaultValue = "12", paramLabel = "N",
            description = "Profile rings out to three region radii (default ${DEFAULT-VALUE}).")
    int rings;

    @Option(names = "--l2", defaultValue = "1", paramLabel = "L",
            description = "L2 penalty on the weights (default ${DEFAULT-VALUE}).")
    double l2;

    @Option(names = "--threshold", defaultValue = "0.5", paramLabel = "P",
            description = "Keep regions whose particle probability is at least P (default ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--validation", defaultValue = "0.2", paramLabel = "FRACTION",
            description = "Share of the videos held out for the validation figures (default ${DEFAULT-VALUE}).")
    double validation;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (videos < 2 || averageFrames < 1 || averageFrames % 2 == 0 || !(validation > 0 && validation < 1)) {
            throw new LptemException("train-classifier needs --videos >= 2, an odd --average-frames and a "
                    + "--validation fraction in (0, 1)");
        }
        if (!out.getFileName().toString().endsWith(".json")) {
            throw new LptemException("--out must name a .json file, got " + out);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        List<SimulationPreset> chosen = presets.stream().map(SimulationPreset::parse).toList();
        TrainingFrames frames = new TrainingFrames(chosen, 64, seed);
        RegionProfile profile = new RegionProfile(rings, DefaultUnet.PROFILE_MIN_SEMI_AXIS_PX);
        double ridge = ClassicalSettings.blobs(3, 48).ridgeRatio();
        RegionSamples train = new RegionSamples(profile, DefaultUnet.PROBABILITY, ridge);
        RegionSamples held = new RegionSamples(profile, DefaultUnet.PROBABILITY, ridge);
        int heldEvery = (int) Math.round(1 / validation);
        ConsoleProgress progress = ConsoleProgress.forStandardError(spec.commandLine().getErr());
        long start = System.nanoTime();
        try (ProbabilityModel network = new ProbabilityModel(model != null ? OnnxModel.load(model,
                ExecutionDevice.CPU) : OnnxModel.load(DefaultUnet.modelFor(averageFrames),
                DefaultUnet.bytesFor(averageFrames), ExecutionDevice.CPU))) {
            for (int k = 0; k < videos; k++) {
                progress.checkCanceled();
                progress.report((double) k / videos, "video " + (k + 1) + " of " + videos);
                try (SimulatedVideo video = frames.video(k, averageFrames)) {
                    int middle = averageFrames / 2;
                    Frame seen = new MovingAverageVideo(video, averageFrames).frame(middle);
                    (k % heldEvery == heldEvery - 1 ? held : train).add(seen.toFloat(), network.predict(seen),
                            SegmentationScorer.labelsOf(video.labels(middle)), seen.width(), seen.height());
                }
            }
        } finally {
            progress.finish();
        }
        RegionClassifier fitted = RegionClassifier.fit(profile, averageFrames, threshold, train.features(),
                train.labels(), l2);
        Map<String, Object> figures = validationFigures(fitted, held);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("command", UnetCommand.typed(spec));
        record.put("seed", seed);
        record.put("network", model == null ? "the shipped U-Net " + DefaultUnet.modelFor(averageFrames)
                : model.toString());
        Map<String, Object> data = new LinkedHashMap<>(frames.description());
        data.remove("crop_px");
        data.remove("particle_centred_fraction");
        data.remove("distractor_centred_fraction");
        data.put("source", "lptem simulator, one video of " + averageFrames + " frames per set-up, the middle frame "
                + "scored, presets in turn");
        data.put("videos", videos);
        data.put("training_regions", train.size());
        data.put("training_particles", train.particles());
        data.put("particle_rule", "a region matching a true particle at IoU >= " + RegionSamples.MATCH_IOU);
        record.put("data", data);
        record.put("fit", "logistic regression, Newton's method, L2 " + l2 + " on all weights but the bias");
        record.put("validation", figures);
        record.put("seconds", (System.nanoTime() - start) / 1e9);
        TextFiles.writeAtomically(out, JsonText.of(fitted.toMap(record)));
        stdout.printf(Locale.ROOT, "fitted a region classifier on %d regions (%d particles) of %d videos in %.0f s; "
                + "held out %d regions: accuracy %.3f, particles kept %.3f, non-particles dropped %.3f -> %s%n",
                train.size(), train.particles(), videos, (System.nanoTime() - start) / 1e9, held.size(),
                figures.get("accuracy"), figures.get("particles_kept"), figures.get("non_particles_dropped"), out);
        return Main.OK;
    }

    private static Map<String, Object> validationFigures(RegionClassifier c, RegionSamples held) {
        List<double[]> x = held.features();
        boolean[] y = held.labels();
        int particles = 0;
        int kept = 0;
        int dropped = 0;
        for (int i = 0; i < y.length; i++) {
            boolean keep = c.probability(x.get(i)) >= c.threshold();
            particles += y[i] ? 1 : 0;
            kept += y[i] && keep ? 1 : 0;
            dropped += !y[i] && !keep ? 1 : 0;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("regions", y.length);
        m.put("particles", particles);
        m.put("accuracy", y.length == 0 ? Double.NaN : (kept + dropped) / (double) y.length);
        m.put("particles_kept", particles == 0 ? Double.NaN : kept / (double) particles);
        m.put("non_particles_dropped", y.length == particles ? Double.NaN
                : dropped / (double) (y.length - particles));
        return m;
    }
}
