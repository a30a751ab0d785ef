package org.lptem.knime.sam2;

import java.nio.file.Path;
import java.util.List;

import org.knime.core.data.DataTableSpec;
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
import org.lptem.core.Progress;
import org.lptem.knime.common.KnimeProgress;
import org.lptem.knime.common.NodeFailures;
import org.lptem.knime.common.SegmentationOutput;
import org.lptem.knime.port.LabelMaskPortObject;
import org.lptem.knime.port.Sam2ModelPortObject;
import org.lptem.knime.port.VideoPortObject;
import org.lptem.knime.port.VideoPortObjectSpec;
import org.lptem.segment.ClassicalDetector;
import org.lptem.segment.sam2.AutoPrompter;
import org.lptem.segment.sam2.Prompt;
import org.lptem.segment.sam2.Sam2Models;
import org.lptem.segment.sam2.Sam2Segmenter;
import org.lptem.segment.sam2.Sam2Settings;

/** SAM2 Segmenter: SAM2 or SAM-EM over a video; the work of {@code lptem segment --method sam2}. */
public final class Sam2SegmenterNodeFactory extends DefaultNodeFactory {

    // KNIME resolves the icon against this class's package; ../ climbs to the bundle root, which holds icons/.
    private static final DefaultNode NODE = DefaultNode.create() //
        .name("SAM2 Segmenter") //
        .icon("../../../../icons/sam2-segmenter.png") //
        .shortDescription("Segments and follows every particle through the video with SAM2 or SAM-EM, prompted "
            + "automatically by the blob detector and/or by a prompt table.") //
        .fullDescription("""
            <p>Runs SAM2 (or SAM-EM) ONNX models from the <b>SAM2 Model Reader</b> over the video, as
            <tt>lptem segment --method sam2</tt> does. SAM2 needs prompts: with <i>Automatic prompts</i> (the
            default) the classical blob detector (<i>Particle contrast</i>, <i>Smallest</i> and <i>Largest
            radius</i>, <i>Significance</i>) finds the particles on the first frame and, every <i>Detect every</i>
            frames, new ones that no tracked mask covers, and each gets a box prompt, so no box has to be drawn by
            hand. The optional prompt table adds or replaces prompts: one row per box or point with
            <tt>frame</tt> (0 = the video port's first frame) and <tt>particle</tt> (or <tt>particle_id</tt>),
            then <tt>x0</tt>, <tt>y0</tt>, <tt>x1</tt>, <tt>y1</tt> (the pixels the box spans) and/or <tt>x</tt>,
            <tt>y</tt> with <tt>positive</tt> (1 on the particle, 0 on the liquid).</p>
            <p>With the four-module video export, each frame is conditioned on the memory of earlier ones
            (<i>Memory frames</i>, <i>Object pointers</i>); with the image-only export, each frame is prompted with
            the particle's box on the previous frame. Identities stay exclusive (two ids never share a pixel); a
            lost particle that reappears within <i>Re-link distance</i> and <i>Re-link gap</i> keeps its id.
            <i>Device</i>: CPU or a CUDA GPU (GPU feature, CUDA 12, cuDNN 9). Progress is reported per frame;
            cancel stops after the current frame and leaves no files.</p>
            <p><b>Outputs.</b> The label masks (16-bit TIFF at <i>Label file</i>), whose labels are the particle
            ids, the same on every frame, referenced by the mask port; and the regions table, one row per particle
            and frame: <tt>frame</tt>, <tt>x</tt>, <tt>y</tt> (px), <tt>area_px2</tt>, <tt>orientation_deg</tt>,
            <tt>major_axis_px</tt>, <tt>minor_axis_px</tt>, <tt>mean_intensity</tt>, <tt>score</tt> (SAM2's
            predicted IoU), <tt>label</tt> (the particle id), and <tt>x_nm</tt>, <tt>y_nm</tt>, <tt>area_nm2</tt>,
            <tt>t_s</tt> when calibrated. With a <i>SAM-EM folder</i>, the masks are also written the way SAM-EM
            writes them (<tt>npz/NNNNNN.npz</tt> and <tt>trajectories.csv</tt>) for its own tools.</p>
            <h4>Example</h4>
            <p>Video Reader and SAM2 Model Reader into this node with the defaults and <i>Label file</i>
            <tt>knime://knime.workflow/data/sam2-labels.tif</tt>; then the Particle Linker and MSD Analysis.</p>
            """) //
        .sinceVersion(5, 11, 0) //
        .ports(p -> p //
            .addInputPort("Video", "Video from the Video Reader or the LPTEM Video Simulator.", VideoPortObject.TYPE) //
            .addInputPort("SAM2 model", "The ONNX modules, from the SAM2 Model Reader.", Sam2ModelPortObject.TYPE) //
            .addInputPort("Prompts", "Optional: frame, particle, and a box (x0, y0, x1, y1) and/or a point (x, y, "
                + "positive) per row.", BufferedDataTable.TYPE_OPTIONAL) //
            .addOutputPort("Label masks", "Reference to the written label TIFF stack (labels = particle ids).",
                LabelMaskPortObject.TYPE) //
            .addOutputTable("Regions", "One row per particle per frame: frame, x, y (px), area_px2, "
                + "orientation_deg, major_axis_px, minor_axis_px, mean_intensity, score, label (the particle id); "
                + "plus x_nm, y_nm, area_nm2 and t_s when the video is calibrated.")) //
        .model(m -> m.parametersClass(Sam2SegmenterParameters.class) //
            .configure(Sam2SegmenterNodeFactory::configure) //
            .execute(Sam2SegmenterNodeFactory::execute)) //
        .keywords("LPTEM", "SAM2", "SAM-EM", "segment anything", "segmentation", "tracking", "prompt", "ONNX",
            "nanoparticle");

    public Sam2SegmenterNodeFactory() {
        super(NODE);
    }

    private static void configure(final ConfigureInput in, final ConfigureOutput out)
        throws InvalidSettingsException {
        Sam2SegmenterParameters params = in.getParameters();
        params.validate();
        VideoPortObjectSpec video = in.getInPortSpec(0);
        DataTableSpec prompts = in.getInPortSpec(2);
        if (prompts != null) {
            PromptTable.columns(prompts);
        } else if (!params.autoPrompts) {
            throw new InvalidSettingsException("SAM2 needs prompts: tick Automatic prompts or connect a prompt "
                + "table.");
        }
        out.setOutSpecs(SegmentationOutput.maskSpec(params.labelPath(), video),
            SegmentationOutput.regionsSpec(video));
    }

    private static void execute(final ExecuteInput in, final ExecuteOutput out)
        throws CanceledExecutionException, KNIMEException {
        Sam2SegmenterParameters params = in.getParameters();
        VideoPortObject videoPort = in.getInPortObject(0);
        Sam2ModelPortObject modelPort = in.getInPortObject(1);
        BufferedDataTable promptTable = in.getInPortObject(2);
        ExecutionContext exec = in.getExecutionContext();
        Path labels;
        Path samEm;
        try {
            labels = params.labelPath();
            samEm = params.samEmPath();
        } catch (InvalidSettingsException e) {
            throw new KNIMEException(e.getMessage(), e);
        }
        NodeFailures.execute(() -> {
            Progress progress = new KnimeProgress(exec);
            VideoPortObjectSpec spec = videoPort.getSpec();
            List<Prompt> prompts = promptTable == null ? List.of()
                : checked(() -> PromptTable.columns(promptTable.getDataTableSpec())).read(promptTable,
                    spec.frameCount(), progress.sub(0, 0.01));
            if (prompts.isEmpty() && !params.autoPrompts) {
                throw new LptemException("SAM2 needs prompts: the prompt table is empty and Automatic prompts is off");
            }
            Sam2Settings settings = params.settings(modelPort.getSpec().normalization());
            SegmentationOutput.prepare(labels, params.overwrite);
            progress.report(0.01, "Loading the SAM2 models");
            Sam2Models models = modelPort.getSpec().load(params.executionDevice());
            AutoPrompter auto = params.autoPrompts
                ? new AutoPrompter(new ClassicalDetector(params.classical()), settings.newParticleOverlap()) : null;
            BufferedDataTable regions;
            // from here the segmenter owns the models and closes them
            try (Sam2Segmenter sam = new Sam2Segmenter(models, settings, prompts, auto);
                    SamEmExport export = samEm == null ? null : new SamEmExport(samEm, params.overwrite)) {
                regions = SegmentationOutput.run(sam, spec, labels, exec, progress.sub(0.02, 1), s -> {
                    if (export != null) {
                        export.write(s);
                    }
                });
                if (export != null) {
                    export.commit();
                }
            }
            out.setOutData(new LabelMaskPortObject(SegmentationOutput.maskSpec(labels, spec)), regions);
        });
    }

    @FunctionalInterface
    private interface SpecCheck<T> {
        T get() throws InvalidSettingsException;
    }

    // configure checked the prompt columns already; failing here means the table changed under us
    private static <T> T checked(final SpecCheck<T> check) {
        try {
            return check.get();
        } catch (InvalidSettingsException e) {
            throw new LptemException(e.getMessage(), e);
        }
    }
}
