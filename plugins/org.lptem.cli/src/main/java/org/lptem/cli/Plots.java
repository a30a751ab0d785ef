package org.lptem.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.lptem.core.Detection;
import org.lptem.core.Frame;
import org.lptem.core.Track;

/** The tracks-over-the-first-frame figure of an analysis (the MSD figures come from the stats report). */
final class Plots {
    private Plots() {
    }

    /** Tracks drawn over the frame, which is contrast-stretched between its 1st and 99th percentiles. */
    static void tracksOverFrame(Frame frame, List<Track> tracks, Path png) {
        int w = frame.width();
        int h = frame.height();
        // Small frames are enlarged so the lines stay readable.
        int scale = Math.max(1, 512 / Math.max(w, h));
        BufferedImage img = new BufferedImage(w * scale, h * scale, BufferedImage.TYPE_INT_RGB);
        float[] v = frame.toFloat();
        float[] sorted = v.clone();
        Arrays.sort(sorted);
        double lo = sorted[(int) (0.01 * (sorted.length - 1))];
        double hi = sorted[(int) (0.99 * (sorted.length - 1))];
        double range = hi > lo ? hi - lo : 1;
        for (int y = 0; y < h * scale; y++) {
            for (int x = 0; x < w * scale; x++) {
                double g = (v[(y / scale) * w + x / scale] - lo) / range;
                int c = (int) Math.round(255 * Math.max(0, Math.min(1, g)));
                img.setRGB(x, y, (c << 16) | (c << 8) | c);
            }
        }
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setStroke(new BasicStroke(Math.max(1.5f, scale * 0.75f)));
        for (Track t : tracks) {
            g.setColor(colour(t.particle()));
            Path2D path = new Path2D.Double();
            boolean first = true;
            for (Detection d : t.points()) {
                // Pixel centres sit at integer coordinates, so +0.5 maps them to the middle of the drawn pixel.
                double x = (d.x() + 0.5) * scale;
                double y = (d.y() + 0.5) * scale;
                if (first) {
                    path.moveTo(x, y);
                    first = false;
                } else {
                    path.lineTo(x, y);
                }
            }
            g.draw(path);
            Detection start = t.points().get(0);
            g.drawString(Integer.toString(t.particle()), (float) ((start.x() + 0.5) * scale + 4),
                    (float) ((start.y() + 0.5) * scale - 4));
        }
        g.dispose();
        try {
            ImageIO.write(img, "png", png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + png, e);
        }
    }

    /** Distinct, saturated colours by golden-angle hue steps, stable for a given track id. */
    static Color colour(int id) {
        float hue = (float) ((id * 0.6180339887498949) % 1.0);
        return Color.getHSBColor(hue, 0.85f, 1f);
    }
}
