package org.lptem.knime.unet;

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
import org.lptem.core.LptemException;
import org.lptem.knime.common.KnimeProgress;
import org.lptem.knime.common.NodeFailures;
import org.lptem.knime.common.SegmentationOutput;
import org.lptem.knime.port.LabelMaskPortObject;
import org.lptem.knime.port.UnetModelPortObject;
import org.lptem.knime.port.VideoPortObject;
import org.lptem.knime.port.VideoPortObjectSpec;
import org.lptem.segment.DetectorSettings;
import org.lptem.segment.onnx.ProbabilitySegmenter;
import org.lptem.segment.onnx.RegionClassifier;
import org.lptem.segment.unet.DefaultUnet;
import org.lptem.segment.unet.TrainingRecord;

/** U-Net Segmenter: label masks and regions from a U-Net model port; the work of {@code lptem segment --method unet}. */
public final class UnetSegmenterNodeFactory extends DefaultNodeFactory {

    // KNIME resolves the icon against this class's package; ../ climbs to the bundle root, which holds icons/.
    private static final DefaultNode NODE = DefaultNode.create() //
        .name("U-Net Segmenter") //
        .icon("../../../../icons/unet-segmenter.png") //
        .shortDescription("Segments the particles of every frame with a U-Net into label masks and measures each "
            + "region.") //
        .fullDescription("""
            <p>Runs a U-Net (from the <b>U-Net Learner</b> or the <b>U-Net Model Reader</b>, which also offers the
            project's built-in model) over every frame with ONNX Runtime, as <tt>lptem segment --method unet</tt>
            does: each frame is standardised, split into overlapping tiles when large, and turned into a particle
            probability per pixel; pixels above the <i>Probability threshold</i> are particles. Touching particles
            are split by a watershed (<i>Split touching particles</i>), and regions are kept within the <i>Minimum
            area</i> and <i>Maximum area</i> (px², 0 = no limit) and above the <i>Minimum score</i> (contrast, 0
            to 1, measured with the <i>Particle contrast</i>).</p>
            <p><i>Frames averaged</i> (odd, 1 = off) segments the mean of that many frames centred on each frame,
            as <tt>lptem segment --average-frames</tt>: for slow particles at low SNR. With the built-in model for
            3-frame means (U-Net Model Reader) and 3 frames, that model's region classifier then decides which
            regions are particles in focus: it measures how sharply the image falls to the liquid around each
            region, relative to the region's size, and drops out-of-focus particles that the network also outlines
            (on the simulator's crowded <i>multi</i> benchmark the detection F1 rises from 0.92 with the
            single-frame model on single frames to 0.99).</p>
            <p><i>Device</i>: CPU, or a CUDA GPU with the GPU feature installed (CUDA 12 and cuDNN 9 on the
            machine); asking for CUDA without them fails with a message that says so. Progress is reported per
            frame; cancel stops after the current frame and leaves no label file.</p>
            <p><b>Outputs.</b> As the <b>Particle Segmenter</b>: the label masks are written to the <i>Label
            file</i> (16-bit TIFF stack; 0 = liquid, k = the k-th particle of that frame) and referenced by the mask
            port, whose view draws them over the video; the table has one row per particle and frame:
            <tt>frame</tt>, <tt>x</tt>, <tt>y</tt> (px), <tt>area_px2</tt>, <tt>orientation_deg</tt>,
            <tt>major_axis_px</tt>, <tt>minor_axis_px</tt>, <tt>mean_intensity</tt>, <tt>score</tt>,
            <tt>label</tt>, and <tt>x_nm</tt>, <tt>y_nm</tt>, <tt>area_nm2</tt>, <tt>t_s</tt> when the video is
            calibrated. It feeds the <b>Particle Linker</b>; the masks feed the <b>Segmentation Scorer</b>.</p>
            <h4>Example</h4>
            <p>U-Net Model Reader (<i>Built-in default</i>) and a Video Reader into this node, <i>Label file</i>
            <tt>knime://knime.workflow/data/unet-labels.tif</tt>, then the Particle Linker and MSD Analysis.</p>
            """) //
        .sinceVersion(5, 11, 0) //
        .ports(p -> p //
            .addInputPort("Video", "Video from the Video Reader or the LPTEM Video Simulator.", VideoPortObject.TYPE) //
            .addInputPort("U-Net model", "The network, from the U-Net Learner or the U-Net Model Reader.",
                UnetModelPortObject.TYPE) //
            .addOutputPort("Label masks", "Reference to the written label TIFF stack, with the video it belongs "
                + "to.", LabelMaskPortObject.TYPE) //
            .addOutputTable("Regions", "One row per particle per frame: frame, x, y (px), area_px2, "
                + "orientation_deg, major_axis_px, minor_axis_px, mean_intensity, score, label; plus x_nm, y_nm, "
                + "area_nm2 and t_s when the video is calibrated.")) //
        .model(m -> m.parametersClass(UnetSegmenterParameters.class) //
            .configure(UnetSegmenterNodeFactory::configure) //
            .execute(UnetSegmenterNodeFactory::execute)) //
        .keywords("LPTEM", "U-Net", "segmentation", "label mask", "ONNX", "deep learning", "CUDA", "nanoparticle");

    public UnetSegmenterNodeFactory() {
        super(NODE);
    }

    private static void configure(final ConfigureInput in, final ConfigureOutput out)
        throws InvalidSettingsException {
        UnetSegmenterParameters params = in.getParameters();
        params.validate();
        VideoPortObjectSpec video = in.getInPortSpec(0);
        out.setOutSpecs(SegmentationOutput.maskSpec(params.labelPath(), video),
            SegmentationOutput.regionsSpec(video));
    }

    private static void execute(final ExecuteInput in, final ExecuteOutput out)
        throws CanceledExecutionException, KNIMEException {
        UnetSegmenterParameters params = in.getParameters();
        VideoPortObject videoPort = in.getInPortObject(0);
        UnetModelPortObject model = in.getInPortObject(1);
        ExecutionContext exec = in.getExecutionContext();
        Path labels;
        try {
            labels = params.labelPath();
        } catch (InvalidSettingsException e) {
            throw new KNIMEException(e.getMessage(), e);
        }
        NodeFailures.execute(() -> {
            TrainingRecord.checkAveragedFrames(model.record(), params.averageFrames, "The U-Net");
            RegionClassifier classifier = DefaultUnet.classifierFor(model.onnx(), params.averageFrames);
            if (classifier != null && params.probability != DefaultUnet.PROBABILITY) {
                throw new LptemException("The built-in U-Net's region classifier was fitted on the regions at "
                    + "probability " + DefaultUnet.PROBABILITY + "; set the Probability threshold to that.");
            }
            SegmentationOutput.prepare(labels, params.overwrite);
            VideoPortObjectSpec spec = videoPort.getSpec();
            BufferedDataTable regions;
            DetectorSettings filters = params.filters(); // before the network is loaded: a failure here would leak it
            // the segmenter owns the loaded network and closes it
            try (ProbabilitySegmenter segmenter = new ProbabilitySegmenter(model.open(params.executionDevice()),
                params.probability, params.probability, classifier, filters, params.ridgeRatio())) {
                regions = SegmentationOutput.run(segmenter, spec, labels, params.averageFrames, exec,
                    new KnimeProgress(exec), s -> {
                    });
            }
            out.setOutData(new LabelMaskPortObject(SegmentationOutput.maskSpec(labels, spec)), regions);
        });
    }
}
