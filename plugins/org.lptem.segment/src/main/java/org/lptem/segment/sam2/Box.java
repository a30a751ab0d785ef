package org.lptem.segment.sam2;

import org.lptem.core.LptemException;

/**
 * A box around a particle in the original frame, by the pixels it spans: columns {@code x0..x1} and rows
 * {@code y0..y1}, inclusive, in the convention of {@link org.lptem.core.Detection} (integer coordinates at pixel
 * centres). Its outer edges are therefore at {@code x0 - 0.5} and {@code x1 + 0.5}.
 */
public record Box(double x0, double y0, double x1, double y1) {
    public Box {
        if (!(Double.isFinite(x0) && Double.isFinite(y0) && Double.isFinite(x1) && Double.isFinite(y1))) {
            throw new LptemException("box corners must be finite numbers, got (" + x0 + ", " + y0 + ", " + x1 + ", "
                    + y1 + ")");
        }
        if (x1 < x0 || y1 < y0) {
            throw new LptemException("box (" + x0 + ", " + y0 + ", " + x1 + ", " + y1
                    + ") has its right or bottom edge before its left or top edge");
        }
    }

    /** This box grown by {@code fraction} of its size on every side (at least {@code minPx}). */
    public Box grown(double fraction, double minPx) {
        double dx = Math.max(minPx, fraction * (x1 - x0 + 1));
        double dy = Math.max(minPx, fraction * (y1 - y0 + 1));
        return new Box(x0 - dx, y0 - dy, x1 + dx, y1 + dy);
    }

    public double centreX() {
        return 0.5 * (x0 + x1);
    }

    public double centreY() {
        return 0.5 * (y0 + y1);
    }
}
