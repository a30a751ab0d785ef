package org.lptem.knime.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.KNIMEException;
import org.knime.core.node.NodeFactory.NodeType;
import org.knime.node.DefaultModel.ConfigureInput;
import org.knime.node.DefaultModel.ConfigureOutput;
import org.knime.node.DefaultModel.ExecuteInput;
import org.knime.node.DefaultModel.ExecuteOutput;
import org.knime.node.DefaultNode;
import org.knime.node.DefaultNodeFactory;
import org.lptem.core.Calibration;
import org.lptem.core.Detection;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;
import org.lptem.core.Track;
import org.lptem.core.Video;
import org.lptem.knime.common.DetectionTable;
import org.lptem.knime.common.KnimeProgress;
import org.lptem.knime.common.LocalPaths;
import org.lptem.knime.common.NodeFailures;
import org.lptem.knime.port.LabelMaskPortObject;
import org.lptem.knime.port.LabelMaskPortObjectSpec;
import org.lptem.knime.port.VideoPortObject;
import org.lptem.knime.port.VideoPortObjectSpec;
import org.lptem.knime.port.VideoSource;
import org.lptem.simulate.SimulatedVideo;
import org.lptem.simulate.SimulationSettings;
import org.lptem.simulate.SimulationWriter;

/** LPTEM Video Simulator: writes a synthetic LPTEM video with its ground truth, as {@code lptem simulate}. */
public final class VideoSimulatorNodeFactory extends DefaultNodeFactory {

    private static final int CANCEL_CHECK_TRACKS = 16;

    // KNIME resolves the icon against this class's package; ../ climbs to the bundle root, which holds icons/.
    private static final DefaultNode NODE = DefaultNode.create() //
        .name("LPTEM Video Simulator") //
        .icon("../../../../icons/video-simulator.png") //
        .shortDescription("Simulates a liquid-phase TEM video of moving nanoparticles with known ground truth, "
            + "writes it to a folder and passes it on as a video with the true tracks.") //
        .fullDescription("""
            <p>Renders a synthetic LPTEM video: particles (spheres, rods, prisms or cubes) move by a chosen motion
            model, are imaged through the mass-thickness contrast of the liquid cell (Yao et al., ACS Central
            Science 2020) and recorded by a detector with shot noise, read noise and blur. The same settings and
            seed always give the same video, bit for bit, so benchmarks are reproducible.</p>
            <p>Start from a <i>Preset</i>, change the number of <i>Frames</i> and the <i>Random seed</i>, and
            any other parameter in <i>Other parameters</i> as key=value pairs (the parameters of
            <tt>lptem simulate --list</tt>). The node writes into the <i>Output folder</i>:</p>
            <ul>
            <li><tt>video.tif</tt>: the frames, with the pixel size and frame interval in the file;</li>
            <li><tt>labels.tif</tt>: the true particle masks, 16-bit, value = particle id;</li>
            <li><tt>tracks.csv</tt>: every particle in every frame with a visible flag;</li>
            <li><tt>metadata.json</tt>: every parameter, the seed and the realised per-pixel SNR of each
            frame.</li>
            </ul>
            <p>The first output references <tt>video.tif</tt>, exactly as the <b>Video Reader</b> would, so
            <b>Particle Detector</b> and everything after it run on the simulation as on a real video. Its
            description (frames, size, calibration) is known once the node has run. The second output is the
            ground truth in the layout of the <b>Particle Linker</b>'s tracks: one row per particle and frame in
            which the particle is in view, with the true centre <tt>x</tt>, <tt>y</tt> (px), the true projected
            area, orientation and axes, <tt>score</tt> 1, <tt>label</tt> = <tt>particle</tt>, the calibrated
            columns <tt>x_nm</tt>, <tt>y_nm</tt>, <tt>area_nm2</tt>, <tt>t_s</tt>, and the calibration as column
            properties. <tt>mean_intensity</tt> is missing: it belongs to a detection, not to the truth.
            Orientation is missing for spheres.</p>
            <p>The third output references <tt>labels.tif</tt>, the true masks (value = <tt>particle</tt>), together
            with the video; its port view draws them over the frames.</p>
            <p>Connect the ground truth and the linker's tracks to a <b>Tracking Scorer</b> to measure tracking
            accuracy, the true masks and the <b>Particle Segmenter</b>'s masks to a <b>Segmentation Scorer</b> to
            measure segmentation accuracy, or the ground truth to <b>MSD Analysis</b> to see what the statistics
            should find.</p>
            <h4>Example</h4>
            <p>A tracker benchmark: <i>Preset</i> multi, <i>Frames</i> 100, <i>Random seed</i> from a loop
            variable, <i>Output folder</i> <tt>knime://knime.workflow/data/sim</tt>, <i>Overwrite</i> on. For
            subdiffusing rods: preset demo with <i>Other parameters</i>
            <tt>shape=rod; particleLengthNm=40; motion=fbm; alpha=0.6; rotationalDiffusionRad2PerS=0.5</tt>.</p>
            """) //
        .sinceVersion(5, 11, 0) //
        .ports(p -> p //
            .addOutputPort("Video", "Reference to the written video.tif with its frame count, size, pixel type, "
                + "format and calibration, as the Video Reader gives it.", VideoPortObject.TYPE) //
            .addOutputTable("Ground truth", "The true tracks: frame, x, y (px), area_px2, orientation_deg, "
                + "major_axis_px, minor_axis_px, mean_intensity (missing), score, label, x_nm, y_nm, area_nm2, t_s, "
                + "particle.") //
            .addOutputPort("Ground-truth masks", "Reference to the written labels.tif: the true particle masks, "
                + "16-bit, value = particle id, with the video they belong to.", LabelMaskPortObject.TYPE)) //
        .model(m -> m.parametersClass(VideoSimulatorParameters.class) //
            .configure(VideoSimulatorNodeFactory::configure) //
            .execute(VideoSimulatorNodeFactory::execute)) //
        .nodeType(NodeType.Source) //
        .keywords("LPTEM", "simulation", "synthetic video", "ground truth", "benchmark", "liquid cell", "TEM",
            "nanoparticle", "SNR");

    public VideoSimulatorNodeFactory() {
        super(NODE);
    }

    private static void configure(final ConfigureInput in, final ConfigureOutput out)
        throws InvalidSettingsException {
        VideoSimulatorParameters params = in.getParameters();
        params.validate();
        SimulationSettings settings = params.toSettings();
        // The video's description comes from reading the written file back, so it is known after execution only.
        out.setOutSpec(1, DetectionTable.trackSpec(calibration(settings)));
    }

    private static void execute(final ExecuteInput in, final ExecuteOutput out)
        throws CanceledExecutionException, KNIMEException {
        VideoSimulatorParameters params = in.getParameters();
        ExecutionContext exec = in.getExecutionContext();
        SimulationSettings settings;
        Path dir;
        try {
            settings = params.toSettings();
            dir = LocalPaths.output(params.outputFolder, "Output folder");
        } catch (InvalidSettingsException e) {
            throw new KNIMEException(e.getMessage(), e);
        }
        NodeFailures.execute(() -> {
            Progress progress = new KnimeProgress(exec);
            Files.createDirectories(dir);
            refuseToOverwrite(dir, params.overwrite);
            progress.report(0, "Simulating trajectories");
            SimulatedVideo video = new SimulatedVideo(settings);
            SimulationWriter.write(video, dir, params.simulationPreset().key(), progress.sub(0.02, 0.95));
            VideoSource source =
                new VideoSource(dir.resolve(SimulationWriter.VIDEO).toAbsolutePath().toString(), 0, -1, 1,
                    Calibration.NONE);
            VideoPortObjectSpec spec;
            try (Video written = source.open()) {
                spec = new VideoPortObjectSpec(source, written);
            }
            Calibration calibration = calibration(settings);
            BufferedDataContainer truth = exec.createDataContainer(DetectionTable.trackSpec(calibration));
            try {
                List<Track> tracks = video.groundTruth();
                long row = 0;
                for (int t = 0; t < tracks.size(); t++) {
                    if (t % CANCEL_CHECK_TRACKS == 0) {
                        progress.checkCanceled();
                        progress.report(0.95 + 0.05 * t / tracks.size(), "Writing the ground truth");
                    }
                    for (Detection d : tracks.get(t).points()) {
                        truth.addRowToTable(DetectionTable.trackRow(row++, tracks.get(t).particle(), d, calibration));
                    }
                }
            } finally {
                truth.close();
            }
            LabelMaskPortObjectSpec masks;
            String labelsFile = dir.resolve(SimulationWriter.LABELS).toAbsolutePath().toString();
            try (Video labels = new VideoSource(labelsFile, 0, -1, 1, Calibration.NONE).open()) {
                masks = LabelMaskPortObjectSpec.of(labelsFile, labels, source);
            }
            out.setOutData(new VideoPortObject(spec), truth.getTable(), new LabelMaskPortObject(masks));
        });
    }

    /** The calibration of the simulation, which the ground truth table carries (video.tif records the same). */
    private static Calibration calibration(final SimulationSettings settings) {
        return Calibration.of(settings.nmPerPixel(), settings.secondsPerFrame());
    }

    private static void refuseToOverwrite(final Path dir, final boolean overwrite) throws IOException {
        if (overwrite) {
            return;
        }
        for (String name : new String[]{SimulationWriter.VIDEO, SimulationWriter.LABELS, SimulationWriter.TRACKS,
            SimulationWriter.METADATA}) {
            if (Files.exists(dir.resolve(name))) {
                throw LptemException.inFile(dir.resolve(name), "the output folder already holds a simulation; "
                    + "choose another folder or tick Overwrite");
            }
        }
    }
}
