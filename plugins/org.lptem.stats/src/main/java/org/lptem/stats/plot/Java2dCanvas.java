package org.lptem.stats.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/** {@link Canvas} on a Java2D graphics context (antialiased). */
final class Java2dCanvas implements Canvas {
    private final Graphics2D g;

    Java2dCanvas(Graphics2D g) {
        this.g = g;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    @Override
    public void color(Color c) {
        g.setColor(c);
    }

    @Override
    public void stroke(double width, double[] dash) {
        float[] d = null;
        if (dash != null) {
            d = new float[dash.length];
            for (int i = 0; i < dash.length; i++) {
                d[i] = (float) dash[i];
            }
        }
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, d, 0));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2) {
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void polyline(double[] x, double[] y, int n) {
        if (n < 2) {
            return;
        }
        g.draw(path(x, y, n, false));
    }

    @Override
    public void polygon(double[] x, double[] y, int n) {
        if (n >= 3) {
            g.fill(path(x, y, n, true));
        }
    }

    private static Path2D path(double[] x, double[] y, int n, boolean close) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x[0], y[0]);
        for (int i = 1; i < n; i++) {
            p.lineTo(x[i], y[i]);
        }
        if (close) {
            p.closePath();
        }
        return p;
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        g.fill(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        g.draw(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void fillCircle(double cx, double cy, double r) {
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
    }

    @Override
    public void text(String s, double x, double y, double size, Anchor anchor, boolean vertical) {
        g.setFont(font(size));
        double w = g.getFontMetrics().stringWidth(s);
        double shift = switch (anchor) {
            case START -> 0;
            case MIDDLE -> -w / 2;
            case END -> -w;
        };
        if (vertical) {
            AffineTransform saved = g.getTransform();
            g.translate(x, y);
            g.rotate(-Math.PI / 2);
            g.drawString(s, (float) shift, 0f);
            g.setTransform(saved);
        } else {
            g.drawString(s, (float) (x + shift), (float) y);
        }
    }

    @Override
    public double textWidth(String s, double size) {
        return g.getFontMetrics(font(size)).stringWidth(s);
    }

    private static Font font(double size) {
        return new Font(Font.SANS_SERIF, Font.PLAIN, (int) Math.round(size));
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        g.setClip(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void unclip() {
        g.setClip(null);
    }
}
