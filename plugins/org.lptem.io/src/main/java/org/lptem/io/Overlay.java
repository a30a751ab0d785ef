package org.lptem.io;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lptem.core.Detection;
import org.lptem.core.LptemException;
import org.lptem.core.Track;
import org.lptem.core.Video;

/**
 * What is drawn over a video's frames for a movie or preview: the outlines of a label video (one label image per
 * frame, as {@code lptem segment} and the simulator write them) and tracks, each as its recent path (a tail) ending
 * in a ring and its id at the current position. Colours follow {@link FrameImages#colour(int)}, so a particle has
 * the same colour in outlines, tails and plots.
 *
 * <p>Frames are addressed in the numbering of the labels and tracks; {@code firstFrame} and {@code frameStep} map a
 * frame index of the (possibly sub-sampled) video being drawn onto it.
 */
public final class Overlay {
    private final Video labels;
    private final Map<Integer, List<Track>> tracksByFrame = new TreeMap<>();
    private final int tail;
    private final int firstFrame;
    private final int frameStep;

    /**
     * @param labels label video with one frame per frame of the drawn numbering, or null
     * @param tracks tracks in pixel coordinates (may be empty)
     * @param tail how many past frames of each track to draw as a line (0 = the current position only)
     */
    public Overlay(Video labels, List<Track> tracks, int tail, int firstFrame, int frameStep) {
        if (tail < 0) {
            throw new LptemException("the track tail must be 0 or more frames, got " + tail);
        }
        if (firstFrame < 0 || frameStep < 1) {
            throw new LptemException("frame mapping needs first >= 0 and step >= 1, got " + firstFrame + ", "
                    + frameStep);
        }
        this.labels = labels;
        this.tail = tail;
        this.firstFrame = firstFrame;
        this.frameStep = frameStep;
        for (Track t : tracks) {
            for (int f = t.firstFrame(); f <= t.lastFrame(); f++) {
                tracksByFrame.computeIfAbsent(f, k -> new ArrayList<>()).add(t);
            }
        }
    }

    /** An overlay of labels and tracks on a video drawn from its first frame, every frame. */
    public static Overlay of(Video labels, List<Track> tracks, int tail) {
        return new Overlay(labels, tracks, tail, 0, 1);
    }

    /** Checks that the labels cover every drawn frame of {@code video} at its size, before anything is written. */
    public void checkFits(Video video) {
        if (labels == null) {
            return;
        }
        if (labels.width() != video.width() || labels.height() != video.height()) {
            throw new LptemException(labels.source(), -1, "labels are " + labels.width() + " x " + labels.height()
                    + " px but the video " + video.source() + " is " + video.width() + " x " + video.height(), null);
        }
        int last = frameOf(video.frameCount() - 1);
        if (last >= labels.frameCount()) {
            throw new LptemException(labels.source(), -1, "has " + labels.frameCount() + " label frames but frame "
                    + last + " of the video is drawn", null);
        }
    }

    /** The frame of the labels' and tracks' numbering that video frame {@code index} shows. */
    public int frameOf(int index) {
        return firstFrame + index * frameStep;
    }

    /** Draws outlines and tracks of video frame {@code index} onto {@code image}. */
    public void paint(BufferedImage image, int index) {
        int frame = frameOf(index);
        if (labels != null) {
            FrameImages.drawOutlines(image, labels.frame(frame));
        }
        List<Track> tracks = tracksByFrame.get(frame);
        if (tracks == null) {
            return;
        }
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            float scale = Math.max(1f, Math.min(image.getWidth(), image.getHeight()) / 512f);
            g.setStroke(new BasicStroke(1.2f * scale));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(11 * scale)));
            for (Track t : tracks) {
                drawTrack(g, t, frame, scale);
            }
        } finally {
            g.dispose();
        }
    }

    private void drawTrack(Graphics2D g, Track t, int frame, float scale) {
        g.setColor(FrameImages.colour(t.particle()));
        Path2D.Double path = new Path2D.Double();
        Detection current = null;
        for (Detection d : t.points()) {
            if (d.frame() < frame - tail || d.frame() > frame) {
                continue;
            }
            // pixel centres sit at integer coordinates; Java2D's pixel (x, y) spans [x, x+1)
            double x = d.x() + 0.5;
            double y = d.y() + 0.5;
            if (path.getCurrentPoint() == null) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
            if (d.frame() == frame) {
                current = d;
            }
        }
        if (tail > 0) {
            g.draw(path);
        }
        if (current != null) {
            double r = 4 * scale;
            g.draw(new Ellipse2D.Double(current.x() + 0.5 - r, current.y() + 0.5 - r, 2 * r, 2 * r));
            g.drawString(Integer.toString(t.particle()), (float) (current.x() + r + 2), (float) (current.y() - r));
        }
    }
}
