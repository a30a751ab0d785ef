package org.lptem.stats.plot;

import java.awt.Color;
import java.util.Locale;

/**
 * {@link Canvas} writing SVG 1.1 elements. Texts use the viewer's sans-serif font; their widths, needed only to
 * size legends, are estimated at 0.55 em per character.
 */
final class SvgCanvas implements Canvas {
    private final StringBuilder body = new StringBuilder();
    private final int width;
    private final int height;
    private String color = "#000000";
    private String opacity = "";
    private String strokeAttributes = " stroke-width=\"1\"";
    private int clips;
    private boolean clipped;

    SvgCanvas(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** The complete document. */
    String document() {
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" font-family=\"DejaVu Sans, Arial, Helvetica, sans-serif\">\n");
        sb.append(body);
        if (clipped) {
            sb.append("</g>\n");
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    private static String n(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    @Override
    public void color(Color c) {
        color = String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
        opacity = c.getAlpha() == 255 ? "" : String.format(Locale.ROOT, " opacity=\"%.3f\"", c.getAlpha() / 255.0);
    }

    @Override
    public void stroke(double w, double[] dash) {
        StringBuilder sb = new StringBuilder(" stroke-width=\"").append(n(w)).append('"');
        if (dash != null) {
            sb.append(" stroke-dasharray=\"");
            for (int i = 0; i < dash.length; i++) {
                sb.append(i > 0 ? "," : "").append(n(dash[i]));
            }
            sb.append('"');
        }
        strokeAttributes = sb.toString();
    }

    private String strokeStyle() {
        return " fill=\"none\" stroke=\"" + color + "\"" + strokeAttributes + opacity
                + " stroke-linejoin=\"round\"";
    }

    private String fillStyle() {
        return " fill=\"" + color + "\"" + opacity;
    }

    @Override
    public void line(double x1, double y1, double x2, double y2) {
        body.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append('"').append(strokeStyle()).append("/>\n");
    }

    @Override
    public void polyline(double[] x, double[] y, int count) {
        if (count < 2) {
            return;
        }
        body.append("<polyline points=\"").append(points(x, y, count)).append('"').append(strokeStyle())
                .append("/>\n");
    }

    @Override
    public void polygon(double[] x, double[] y, int count) {
        if (count < 3) {
            return;
        }
        body.append("<polygon points=\"").append(points(x, y, count)).append('"').append(fillStyle())
                .append("/>\n");
    }

    private static String points(double[] x, double[] y, int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.append(i > 0 ? " " : "").append(n(x[i])).append(',').append(n(y[i]));
        }
        return sb.toString();
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        body.append(rect(x, y, w, h)).append(fillStyle()).append("/>\n");
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        body.append(rect(x, y, w, h)).append(strokeStyle()).append("/>\n");
    }

    private static String rect(double x, double y, double w, double h) {
        return "<rect x=\"" + n(x) + "\" y=\"" + n(y) + "\" width=\"" + n(w) + "\" height=\"" + n(h) + "\"";
    }

    @Override
    public void fillCircle(double cx, double cy, double r) {
        body.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                .append('"').append(fillStyle()).append("/>\n");
    }

    @Override
    public void text(String s, double x, double y, double size, Anchor anchor, boolean vertical) {
        String a = switch (anchor) {
            case START -> "start";
            case MIDDLE -> "middle";
            case END -> "end";
        };
        body.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"")
                .append(n(size)).append("\" text-anchor=\"").append(a).append('"').append(fillStyle());
        if (vertical) {
            body.append(" transform=\"rotate(-90 ").append(n(x)).append(' ').append(n(y)).append(")\"");
        }
        body.append('>').append(escape(s)).append("</text>\n");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public double textWidth(String s, double size) {
        return 0.55 * size * s.length();
    }

    @Override
    public void clip(double x, double y, double w, double h) {
        unclip();
        String id = "clip" + (++clips);
        body.append("<clipPath id=\"").append(id).append("\">").append(rect(x, y, w, h)).append("/></clipPath>\n");
        body.append("<g clip-path=\"url(#").append(id).append(")\">\n");
        clipped = true;
    }

    @Override
    public void unclip() {
        if (clipped) {
            body.append("</g>\n");
            clipped = false;
        }
    }
}
