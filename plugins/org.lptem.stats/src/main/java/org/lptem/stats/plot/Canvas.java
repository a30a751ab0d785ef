package org.lptem.stats.plot;

import java.awt.Color;

/**
 * The drawing operations the figures need, implemented once for raster output (Java2D, PNG) and once for vector
 * output (SVG), so that both files come from the same drawing code. Coordinates are pixels, y down.
 */
public interface Canvas {

    /** Where a text's reference point sits. */
    enum Anchor {
        START, MIDDLE, END
    }

    void color(Color c);

    /** Line width in px and an optional dash pattern (null for solid). */
    void stroke(double width, double[] dash);

    void line(double x1, double y1, double x2, double y2);

    void polyline(double[] x, double[] y, int n);

    void polygon(double[] x, double[] y, int n);

    void fillRect(double x, double y, double w, double h);

    void strokeRect(double x, double y, double w, double h);

    void fillCircle(double cx, double cy, double r);

    /** Text with its baseline at y; rotated by -90 degrees (reading upwards) when {@code vertical}. */
    void text(String s, double x, double y, double size, Anchor anchor, boolean vertical);

    /** Width of a text, px (estimated where the output has no font metrics). */
    double textWidth(String s, double size);

    /** Restricts drawing to a rectangle until {@link #unclip()}. */
    void clip(double x, double y, double w, double h);

    void unclip();
}
