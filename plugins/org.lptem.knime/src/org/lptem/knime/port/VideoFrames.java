package org.lptem.knime.port;

import java.io.IOException;
import java.util.Locale;

import org.lptem.core.Calibration;
import org.lptem.core.Video;
import org.lptem.io.FrameImages;
import org.lptem.io.FrameImages.DisplayRange;

/**
 * The frames of a referenced video for a {@link FrameBrowser}: grey, with one display range for the whole video
 * (as {@link org.lptem.io.VideoExport} uses for movies), so brightness changes between frames stay visible.
 */
final class VideoFrames implements FrameBrowser.Frames {
    /** Frames the display range is taken from. */
    private static final int RANGE_FRAMES = 8;

    private final VideoSource m_source;
    private final int m_count;
    private Video m_video;
    private DisplayRange m_range;

    VideoFrames(final VideoSource source, final int count) {
        m_source = source;
        m_count = count;
    }

    @Override
    public int count() {
        return m_count;
    }

    /** The video, opened on first use. */
    Video video() {
        if (m_video == null) {
            m_video = m_source.open();
            m_range = DisplayRange.of(m_video, RANGE_FRAMES);
        }
        return m_video;
    }

    /** The display range of the whole video. */
    DisplayRange range() {
        video();
        return m_range;
    }

    @Override
    public FrameBrowser.Rendered render(final int frame) {
        Video v = video();
        return new FrameBrowser.Rendered(FrameImages.grey(v.frame(frame), m_range), caption(frame, v.calibration()));
    }

    /** "Frame 3 of 100 (t = 0.150 s)", the time only when the frame interval is known. */
    String caption(final int frame, final Calibration calibration) {
        String s = "Frame " + frame + " of " + m_count;
        if (calibration.hasFrameInterval()) {
            s += String.format(Locale.ROOT, " (t = %.3f s)", calibration.toSeconds(frame));
        }
        return s;
    }

    @Override
    public void close() {
        if (m_video != null) {
            try {
                m_video.close();
            } catch (IOException e) {
                // a read-only file that fails to close loses nothing; the next render reopens it
            }
            m_video = null;
        }
    }
}
