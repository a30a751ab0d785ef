package org.lptem.knime.segment;

import java.nio.file.Path;

import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.KNIMEException;
import org.knime.node.DefaultModel.ConfigureInput;
import org.knime.node.DefaultModel.ConfigureOutput;
import org.knime.node.DefaultModel.ExecuteInput;
import org.knime.node.DefaultModel.ExecuteOutput;
import org.knime.node.DefaultNode;
import org.knime.node.DefaultNodeFactory;
import org.lptem.knime.common.KnimeProgress;
import org.lptem.knime.common.NodeFailures;
import org.lptem.knime.common.SegmentationOutput;
import org.lptem.knime.port.LabelMaskPortObject;
import org.lptem.knime.port.VideoPortObject;
import org.lptem.knime.port.VideoPortObjectSpec;
import org.lptem.segment.ClassicalDetector;
import org.lptem.segment.ClassicalSettings;
import org.lptem.segment.Segmenter;
import org.lptem.segment.onnx.ProbabilityModel;
import org.lptem.segment.onnx.ProbabilitySegmenter;
import org.lptem.segment.unet.TrainingRecord;

/** Particle Segmenter: a label mask and a region table for every frame; the work of {@code lptem segment}. */
public final class ParticleSegmenterNodeFactory extends DefaultNodeFactory {

    // KNIME resolves the icon against this class's package; ../ climbs to the bundle root, which holds icons/.
    private static final DefaultNode NODE = DefaultNode.create() //
        .name("Particle Segmenter") //
        .icon("../../../../icons/particle-segmenter.png") //
        .shortDescription("Segments the particles of every frame into label masks and measures each region, with "
            + "the classical blob and threshold pipelines or a U-Net (ONNX model).") //
        .fullDescription("""
            <p>Finds every particle in every frame and outputs both its outline, as a label mask, and its
            measurements, as a table row: what <tt>lptem segment</tt> writes as <tt>labels.tif</tt> and
            <tt>detections.csv</tt>. Unlike the <b>Particle Detector</b>, which keeps only the table, the masks
            can be scored against ground truth with the <b>Segmentation Scorer</b> and browsed, drawn over the
            video, in the port view.</p>
            <p><b>Methods.</b> <i>Classical</i> with the <i>Foreground rule</i>:</p>
            <ul>
            <li><i>Blob</i> (default): matched filtering with differences of Gaussians between the smallest and
            largest radius on binned frames; a particle needs a response of <i>Significance</i> noise sigmas;
            its outline is then traced at full resolution where its contrast falls to <i>Edge fraction</i> of
            its mean contrast. It works at a per-pixel SNR near 1, where no pixel threshold separates
            particles.</li>
            <li><i>Global threshold</i> (Otsu, Li or Triangle), <i>Hysteresis</i> (low and high levels in noise
            sigmas) and <i>Local</i> (window radius and offset): the threshold family, after <i>Background
            removal</i> (none, Gaussian or rolling ball, at <i>Background scale</i>) and <i>Denoising</i>
            (Gaussian or median, at <i>Smoothing</i>).</li>
            </ul>
            <p><i>U-Net (ONNX model)</i>: a network with one [1, 1, H, W] input and a [1, 1, H, W] probability
            output, for example a U-Net trained on simulated videos, run by ONNX Runtime on the CPU or a CUDA GPU;
            pixels above the <i>Probability threshold</i> are particles. The region filters and the splitting of
            touching particles apply to every method. <i>Frames averaged</i> (odd, 1 = off) segments the mean of
            that many frames centred on each frame, as <tt>lptem segment --average-frames</tt>: at a per-pixel SNR
            near 1, 3 frames let the classical blob detection find nearly all slow particles.</p>
            <p><b>Outputs.</b> The label masks are written to the <i>Label file</i> (16-bit TIFF stack, the
            video's calibration recorded; 0 = liquid, k = the k-th particle of that frame, the <tt>label</tt>
            column of the table); the port references that file and the video, so downstream nodes and the
            view read it frame by frame. The file appears only when every frame was segmented. The table has one
            row per particle and frame: <tt>frame</tt>, <tt>x</tt>, <tt>y</tt> (px, origin at the centre of the
            top-left pixel, y down), <tt>area_px2</tt>, <tt>orientation_deg</tt> (major axis from +x towards
            +y, in (-90, 90]), <tt>major_axis_px</tt>, <tt>minor_axis_px</tt>, <tt>mean_intensity</tt>,
            <tt>score</tt>, <tt>label</tt>, and <tt>x_nm</tt>, <tt>y_nm</tt>, <tt>area_nm2</tt>, <tt>t_s</tt>
            when the video is calibrated. It feeds the <b>Particle Linker</b> directly.</p>
            <h4>Example</h4>
            <p>Gold spheres of 5 to 15 px radius at a per-pixel SNR of 1: <i>Classical</i>, <i>Blob</i>,
            radii 4 and 16, significance 5, <i>Label file</i>
            <tt>knime://knime.workflow/data/labels.tif</tt>. For rods, raise <i>Largest radius</i> to half their
            length, or use a U-Net trained on simulated rods.</p>
            """) //
        .sinceVersion(5, 11, 0) //
        .ports(p -> p //
            .addInputPort("Video", "Video from the Video Reader or the LPTEM Video Simulator.", VideoPortObject.TYPE) //
            .addOutputPort("Label masks", "Reference to the written label TIFF stack, with the video it belongs "
                + "to.", LabelMaskPortObject.TYPE) //
            .addOutputTable("Regions", "One row per particle per frame: frame, x, y (px), area_px2, "
                + "orientation_deg, major_axis_px, minor_axis_px, mean_intensity, score, label; plus x_nm, y_nm, "
                + "area_nm2 and t_s when the video is calibrated.")) //
        .model(m -> m.parametersClass(ParticleSegmenterParameters.class) //
            .configure(ParticleSegmenterNodeFactory::configure) //
            .execute(ParticleSegmenterNodeFactory::execute)) //
        .keywords("LPTEM", "segmentation", "label mask", "instance segmentation", "U-Net", "ONNX", "blob",
            "watershed", "threshold", "nanoparticle");

    public ParticleSegmenterNodeFactory() {
        super(NODE);
    }

    private static void configure(final ConfigureInput in, final ConfigureOutput out)
        throws InvalidSettingsException {
        ParticleSegmenterParameters params = in.getParameters();
        params.validate();
        VideoPortObjectSpec video = in.getInPortSpec(0);
        out.setOutSpecs(SegmentationOutput.maskSpec(params.labelPath(), video),
            SegmentationOutput.regionsSpec(video));
    }

    private static void execute(final ExecuteInput in, final ExecuteOutput out)
        throws CanceledExecutionException, KNIMEException {
        ParticleSegmenterParameters params = in.getParameters();
        VideoPortObject videoPort = in.getInPortObject(0);
        ExecutionContext exec = in.getExecutionContext();
        Path labels;
        Path model;
        try {
            labels = params.labelPath();
            model = params.method == ParticleSegmenterParameters.Method.UNET ? params.modelPath() : null;
        } catch (InvalidSettingsException e) {
            throw new KNIMEException(e.getMessage(), e);
        }
        NodeFailures.execute(() -> {
            SegmentationOutput.prepare(labels, params.overwrite);
            VideoPortObjectSpec spec = videoPort.getSpec();
            Segmenter segmenter = segmenter(params, model);
            BufferedDataTable regions;
            try {
                regions = SegmentationOutput.run(segmenter, spec, labels, params.averageFrames, exec,
                    new KnimeProgress(exec), s -> {
                    });
            } finally {
                if (segmenter instanceof ProbabilitySegmenter network) {
                    network.close();
                }
            }
            out.setOutData(new LabelMaskPortObject(SegmentationOutput.maskSpec(labels, spec)), regions);
        });
    }

    /** The classical pipeline, or the network in {@code modelFile} when that is given. */
    private static Segmenter segmenter(final ParticleSegmenterParameters params, final Path modelFile) {
        ClassicalSettings classical = params.classical();
        if (modelFile == null) {
            return new ClassicalDetector(classical);
        }
        // As lptem segment: the network replaces foreground detection; filters and splitting stay classical.
        TrainingRecord.checkAveragedFrames(modelFile, params.averageFrames);
        ProbabilityModel model = ProbabilityModel.load(modelFile, params.executionDevice());
        try {
            return new ProbabilitySegmenter(model, params.probability, classical.detector(),
                params.splitTouching ? classical.ridgeRatio() : 0);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }
}
