package org.lptem.knime.port;

import java.util.OptionalDouble;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;
import org.lptem.core.Calibration;
import org.lptem.core.PixelType;
import org.lptem.core.Video;

/**
 * Spec of the video port: where the video is ({@link VideoSource}) and what it looks like after the frame range and
 * calibration override (frames, size, pixel type, calibration, format). Known at configure time, because the Video
 * Reader reads the file header then, so downstream nodes can build their output specs (e.g. calibrated columns).
 */
public final class VideoPortObjectSpec extends AbstractSimplePortObjectSpec {

    /** Registered in plugin.xml (extension point org.knime.core.PortType). */
    public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<VideoPortObjectSpec> {
    }

    private VideoSource m_source;
    private int m_frames;
    private int m_width;
    private int m_height;
    private PixelType m_pixelType;
    private Calibration m_calibration;
    private String m_format;

    /** For the serializer only, which calls {@link #load}. */
    public VideoPortObjectSpec() {
    }

    /** Describes {@code video}, opened from {@code source}. */
    public VideoPortObjectSpec(final VideoSource source, final Video video) {
        m_source = source;
        m_frames = video.frameCount();
        m_width = video.width();
        m_height = video.height();
        m_pixelType = video.pixelType();
        m_calibration = video.calibration();
        m_format = video.format();
    }

    public VideoSource source() {
        return m_source;
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

    public PixelType pixelType() {
        return m_pixelType;
    }

    /** Effective calibration: file metadata, then the user's override, then stretched by the frame step. */
    public Calibration calibration() {
        return m_calibration;
    }

    public String format() {
        return m_format;
    }

    /** One line for port tooltips and summaries. */
    public String describe() {
        return m_source.file() + ": " + m_frames + " frames of " + m_width + " x " + m_height + " "
            + m_pixelType.label() + " (" + m_format + "), " + m_calibration;
    }

    @Override
    protected void save(final ModelContentWO model) {
        m_source.saveTo(model);
        model.addInt("frames", m_frames);
        model.addInt("width", m_width);
        model.addInt("height", m_height);
        model.addString("pixel_type", m_pixelType.name());
        model.addDouble("nm_per_px", orZero(m_calibration.nmPerPixel()));
        model.addDouble("s_per_frame", orZero(m_calibration.secondsPerFrame()));
        model.addString("format", m_format);
    }

    @Override
    protected void load(final ModelContentRO model) throws InvalidSettingsException {
        m_source = VideoSource.loadFrom(model);
        m_frames = model.getInt("frames");
        m_width = model.getInt("width");
        m_height = model.getInt("height");
        try {
            m_pixelType = PixelType.valueOf(model.getString("pixel_type"));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("unknown pixel type " + model.getString("pixel_type"), e);
        }
        m_calibration = VideoSource.calibration(model.getDouble("nm_per_px"), model.getDouble("s_per_frame"));
        m_format = model.getString("format");
    }

    private static double orZero(final OptionalDouble v) {
        return v.orElse(0);
    }
}
