package org.lptem.knime.port;

import java.awt.image.BufferedImage;
import java.io.IOException;

import org.lptem.core.Frame;
import org.lptem.core.LptemException;
import org.lptem.core.Video;
import org.lptem.io.FrameImages;

/**
 * The frames of a label-mask port for a {@link FrameBrowser}: each particle's outline in its own colour, drawn over
 * the video the masks were made from when that video can still be opened, else over black.
 */
final class LabelFrames implements FrameBrowser.Frames {
    private final LabelMaskPortObjectSpec m_spec;
    private final VideoFrames m_video;
    private Video m_labels;
    private String m_videoProblem;

    LabelFrames(final LabelMaskPortObjectSpec spec) {
        m_spec = spec;
        m_video = spec.video().map(v -> new VideoFrames(v, spec.frameCount())).orElse(null);
    }

    @Override
    public int count() {
        return m_spec.frameCount();
    }

    @Override
    public FrameBrowser.Rendered render(final int frame) {
        if (m_labels == null) {
            m_labels = m_spec.open();
        }
        Frame labels = m_labels.frame(frame);
        BufferedImage image = background(frame, labels.width(), labels.height());
        int particles = FrameImages.drawOutlines(image, labels);
        String caption = "Frame " + frame + " of " + m_spec.frameCount() + ": " + particles + " particle"
            + (particles == 1 ? "" : "s");
        if (m_videoProblem != null) {
            caption += " (outlines only: " + m_videoProblem + ")";
        }
        return new FrameBrowser.Rendered(image, caption);
    }

    /** The video frame in grey, or black when there is no usable video. */
    private BufferedImage background(final int frame, final int width, final int height) {
        if (m_video != null && m_videoProblem == null) {
            try {
                Video v = m_video.video();
                if (v.width() == width && v.height() == height && frame < v.frameCount()) {
                    return FrameImages.grey(v.frame(frame), m_video.range());
                }
                m_videoProblem = "the video is " + v.width() + " x " + v.height() + " with " + v.frameCount()
                    + " frames";
            } catch (LptemException e) {
                // the video may have been moved since segmentation; the masks alone are still worth showing
                m_videoProblem = e.getMessage();
            }
        }
        return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    @Override
    public void close() {
        if (m_video != null) {
            m_video.close();
        }
        if (m_labels != null) {
            try {
                m_labels.close();
            } catch (IOException e) {
                // read-only; nothing is lost, the next render reopens it
            }
            m_labels = null;
        }
    }
}
