package org.lptem.knime.detect;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataContainer;
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
import org.lptem.core.Calibration;
import org.lptem.core.Detection;
import org.lptem.core.Video;
import org.lptem.knime.common.DetectionTable;
import org.lptem.knime.common.KnimeProgress;
import org.lptem.knime.common.NodeFailures;
import org.lptem.knime.port.VideoPortObject;
import org.lptem.knime.port.VideoPortObjectSpec;
import org.lptem.segment.ClassicalDetector;
import org.lptem.segment.DetectorSettings;

/** Particle Detector: classical segmentation of every frame into a table of detections. */
public final class ParticleDetectorNodeFactory extends DefaultNodeFactory {

    // KNIME resolves the icon against this class's package; ../ climbs to the bundle root, which holds icons/.
    private static final DefaultNode NODE = DefaultNode.create() //
        .name("Particle Detector") //
        .icon("../../../../icons/particle-detector.png") //
        .shortDescription("Finds nanoparticles in every frame of a video by background flattening, smoothing and "
            + "automatic thresholding, and measures each one.") //
        .fullDescription("""
            <p>Segments every frame of the input video and outputs one row per particle per frame. Each frame is
            processed on its own, in four steps:</p>
            <ol>
            <li>Flattening: a wide Gaussian blur (<i>Background sigma</i>) estimates the uneven illumination,
            which is subtracted.</li>
            <li>Smoothing: a narrow Gaussian (<i>Smoothing sigma</i>) suppresses pixel noise.</li>
            <li>Thresholding: an automatic threshold (Otsu, Li or Triangle) separates particles of the chosen
            contrast from the liquid; connected pixels form regions.</li>
            <li>Filtering: regions outside the area range or below the minimum score are discarded.</li>
            </ol>
            <p>For each remaining region the node measures the centroid, area, orientation and axes of the
            equivalent ellipse, mean raw intensity and a contrast score. Positions are in pixels with the origin at
            the centre of the top-left pixel, x to the right and y down; orientation is the major-axis angle in
            degrees in (-90, 90], measured from +x towards +y, with the usual 180 degree ambiguity.</p>
            <p>When the video is calibrated, the columns <tt>x_nm</tt>, <tt>y_nm</tt>, <tt>area_nm2</tt> (pixel
            size known) and <tt>t_s</tt> (frame interval known) are added, and the calibration is stored as
            properties of the <tt>x</tt>, <tt>y</tt> and <tt>frame</tt> columns, where <b>Particle Linker</b> and
            <b>MSD Analysis</b> find it. Frames are read one at a time, so memory does not grow with the length of
            the video.</p>
            <h4>Example</h4>
            <p>Dark gold nanorods about 8 px wide on an unevenly lit, noisy background (the defaults):
            <i>Background sigma</i> 25, <i>Smoothing sigma</i> 1.5, <i>Triangle</i>, <i>Dark</i>, <i>Minimum
            area</i> 10, <i>Maximum area</i> 0 (no limit) and <i>Minimum score</i> 0.5. At a per-pixel
            signal-to-noise ratio near 1, Otsu and Li split the noise itself into hundreds of blobs; Triangle with a
            minimum score does not. Use Otsu for clean, well-contrasted images where particle areas matter.</p>
            """) //
        .sinceVersion(5, 11, 0) //
        .ports(p -> p //
            .addInputPort("Video", "Video from the Video Reader.", VideoPortObject.TYPE) //
            .addOutputTable("Detections", "One row per detected particle per frame: frame, x, y (px), area_px2, "
                + "orientation_deg, major_axis_px, minor_axis_px, mean_intensity, score, label; plus x_nm, y_nm, "
                + "area_nm2 and t_s when the video is calibrated.")) //
        .model(m -> m.parametersClass(ParticleDetectorParameters.class) //
            .configure(ParticleDetectorNodeFactory::configure) //
            .execute(ParticleDetectorNodeFactory::execute)) //
        .keywords("LPTEM", "segmentation", "threshold", "Otsu", "nanoparticle", "detection", "centroid");

    public ParticleDetectorNodeFactory() {
        super(NODE);
    }

    private static void configure(final ConfigureInput in, final ConfigureOutput out)
        throws InvalidSettingsException {
        ParticleDetectorParameters params = in.getParameters();
        params.validate();
        VideoPortObjectSpec video = in.getInPortSpec(0);
        out.setOutSpec(0, DetectionTable.spec(video.calibration()));
    }

    private static void execute(final ExecuteInput in, final ExecuteOutput out)
        throws CanceledExecutionException, KNIMEException {
        ParticleDetectorParameters params = in.getParameters();
        VideoPortObject videoPort = in.getInPortObject(0);
        ExecutionContext exec = in.getExecutionContext();
        NodeFailures.execute(() -> {
            DetectorSettings settings = params.toSettings();
            // The spec's calibration, not the reopened file's, so the table matches what configure promised.
            Calibration calibration = videoPort.getSpec().calibration();
            DataTableSpec spec = DetectionTable.spec(calibration);
            BufferedDataContainer container = exec.createDataContainer(spec);
            long[] rows = {0};
            try (Video video = videoPort.getSpec().source().open()) {
                ClassicalDetector.detectAll(video, settings, new KnimeProgress(exec), segmentation -> {
                    for (Detection d : segmentation.detections()) {
                        container.addRowToTable(DetectionTable.row(rows[0]++, d, calibration));
                    }
                });
            } finally {
                container.close();
            }
            out.setOutData(0, container.getTable());
        });
    }
}
