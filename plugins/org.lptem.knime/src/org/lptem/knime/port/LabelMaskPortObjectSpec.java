package org.lptem.knime.port;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;
import org.lptem.core.Calibration;
import org.lptem.core.LptemException;
import org.lptem.core.Video;
import org.lptem.io.VideoIO;

/**
 * Spec of the label-mask port: where the 16-bit label TIFF stack is (0 = liquid, k = particle k of that frame), its
 * frame count, size and calibration, and, when the masks were made from a video, that video's {@link VideoSource}
 * so a view can draw the outlines over it. Like the video port, it references files and never holds pixels.
 */
public final class LabelMaskPortObjectSpec extends AbstractSimplePortObjectSpec {

    /** Registered in plugin.xml (extension point org.knime.core.PortType). */
    public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<LabelMaskPortObjectSpec> {
    }

    private static final String VIDEO = "video";

    private String m_file;
    private int m_frames;
    private int m_width;
    private int m_height;
    private Calibration m_calibration;
    private VideoSource m_video;

    /** For the serializer only, which calls {@link #load}. */
    public LabelMaskPortObjectSpec() {
    }

    /**
     * @param file absolute path of the label TIFF stack
     * @param video the video the masks belong to, or null if unknown
     */
    public LabelMaskPortObjectSpec(final String file, final int frames, final int width, final int height,
        final Calibration calibration, final VideoSource video) {
        m_file = file;
        m_frames = frames;
        m_width = width;
        m_height = height;
        m_calibration = calibration;
        m_video = video;
    }

    /** Describes the label stack {@code labels}, read from {@code file}, made from {@code video} (or null). */
    public static LabelMaskPortObjectSpec of(final String file, final Video labels, final VideoSource video) {
        return new LabelMaskPortObjectSpec(file, labels.frameCount(), labels.width(), labels.height(),
            labels.calibration(), video);
    }

    public String file() {
        return m_file;
    }

    public int frameCount() {
        return m_frames;
    }

    public int width() {
        return m_width;
    }

    public int height() {
        return m_height;
    }

    public Calibration calibration() {
        return m_calibration;
    }

    /** The video the masks were made from, if known. */
    public Optional<VideoSource> video() {
        return Optional.ofNullable(m_video);
    }

    /** Opens the label stack; the caller closes it. */
    public Video open() {
        Path path;
        try {
            path = Path.of(m_file);
        } catch (InvalidPathException e) {
            throw new LptemException(m_file, -1, "not a valid path: " + e.getReason(), e);
        }
        return VideoIO.open(path);
    }

    /** One line for port tooltips and summaries. */
    public String describe() {
        return m_file + ": label masks, " + m_frames + " frames of " + m_width + " x " + m_height + ", "
            + m_calibration + (m_video == null ? "" : "; of " + m_video.file());
    }

    @Override
    protected void save(final ModelContentWO model) {
        model.addString("file", m_file);
        model.addInt("frames", m_frames);
        model.addInt("width", m_width);
        model.addInt("height", m_height);
        model.addDouble("nm_per_px", m_calibration.nmPerPixel().orElse(0));
        model.addDouble("s_per_frame", m_calibration.secondsPerFrame().orElse(0));
        model.addBoolean("has_video", m_video != null);
        if (m_video != null) {
            m_video.saveTo(model.addModelContent(VIDEO));
        }
    }

    @Override
    protected void load(final ModelContentRO model) throws InvalidSettingsException {
        m_file = model.getString("file");
        m_frames = model.getInt("frames");
        m_width = model.getInt("width");
        m_height = model.getInt("height");
        m_calibration = VideoSource.calibration(model.getDouble("nm_per_px"), model.getDouble("s_per_frame"));
        m_video = model.getBoolean("has_video") ? VideoSource.loadFrom(model.getModelContent(VIDEO)) : null;
    }
}
