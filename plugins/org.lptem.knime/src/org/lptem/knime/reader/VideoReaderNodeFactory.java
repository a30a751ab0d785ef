package org.lptem.knime.reader;

import java.io.IOException;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.KNIMEException;
import org.knime.node.DefaultModel.ConfigureInput;
import org.knime.node.DefaultModel.ConfigureOutput;
import org.knime.node.DefaultModel.ExecuteInput;
import org.knime.node.DefaultModel.ExecuteOutput;
import org.knime.node.DefaultNode;
import org.knime.node.DefaultNodeFactory;
import org.lptem.core.Video;
import org.lptem.knime.common.NodeFailures;
import org.lptem.knime.port.VideoPortObject;
import org.lptem.knime.port.VideoPortObjectSpec;
import org.lptem.knime.port.VideoSource;

/** Video Reader: opens a video's header and passes a reference to it downstream. */
public final class VideoReaderNodeFactory extends DefaultNodeFactory {

    // KNIME resolves the icon against this class's package; ../ climbs to the bundle root, which holds icons/.
    private static final DefaultNode NODE = DefaultNode.create() //
        .name("Video Reader") //
        .icon("../../../../icons/video-reader.png") //
        .shortDescription("Opens a liquid-phase TEM video and passes a reference to it, with its metadata, "
            + "to analysis nodes.") //
        .fullDescription("""
            <p>Reads the header of a liquid-phase TEM video: number of frames, image size, pixel type, format and
            calibration (pixel size in nm/px and frame interval in s/frame, when the file records them). The
            output is a <i>video</i> port that references the file; it does not hold the pixels, so workflows stay
            small whatever the size of the video. Downstream nodes such as <b>Particle Detector</b> read the
            frames one at a time.</p>
            <p>The file can be a path or a KNIME URL such as <tt>knime://knime.workflow/data/movie.tif</tt>
            (relative to the workflow, so the workflow can be moved together with its data). Set it with a flow
            variable to run the same workflow on many videos.</p>
            <p>The calibration fields override what the file says; leave them at 0 to keep the file's values.
            Without a pixel size or frame interval, results are reported in pixels and frames only; the nodes never
            invent a scale.</p>
            <p>The frame range selects part of the video. Selected frames are renumbered from 0, and with a step
            larger than 1 the frame interval is multiplied by the step, so times stay correct.</p>
            <h4>Example</h4>
            <p>A 2000-frame TIFF recorded at 0.05 s/frame and 1.2 nm/px, of which only the second half matters:
            set <i>Video file</i> to <tt>/data/au-rods/movie.tif</tt>, <i>First frame</i> to 1000,
            <i>Last frame</i> to -1 and <i>Step</i> to 2. The output describes 500 frames at 0.1 s/frame.</p>
            """) //
        .sinceVersion(5, 11, 0) //
        .ports(p -> p.addOutputPort("Video", "Reference to the video with its frame count, size, pixel type, "
            + "format and effective calibration.", VideoPortObject.TYPE)) //
        .model(m -> m.parametersClass(VideoReaderParameters.class) //
            .configure(VideoReaderNodeFactory::configure) //
            .execute(VideoReaderNodeFactory::execute)) //
        .keywords("LPTEM", "TEM", "liquid cell", "video", "TIFF", "image stack", "nanoparticle");

    public VideoReaderNodeFactory() {
        super(NODE);
    }

    private static void configure(final ConfigureInput in, final ConfigureOutput out)
        throws InvalidSettingsException {
        VideoReaderParameters params = in.getParameters();
        params.validate();
        VideoSource source = params.toSource();
        out.setOutSpec(0, NodeFailures.configure(() -> probe(source)));
    }

    private static void execute(final ExecuteInput in, final ExecuteOutput out)
        throws CanceledExecutionException, KNIMEException {
        VideoReaderParameters params = in.getParameters();
        VideoSource source;
        try {
            source = params.toSource();
        } catch (InvalidSettingsException e) {
            throw new KNIMEException(e.getMessage(), e);
        }
        NodeFailures.execute(() -> {
            // Read the header again: the file may have changed since configure.
            in.getExecutionContext().setMessage("Reading video header");
            out.setOutData(0, new VideoPortObject(probe(source)));
        });
    }

    private static VideoPortObjectSpec probe(final VideoSource source) throws IOException {
        try (Video video = source.open()) {
            return new VideoPortObjectSpec(source, video);
        }
    }
}
