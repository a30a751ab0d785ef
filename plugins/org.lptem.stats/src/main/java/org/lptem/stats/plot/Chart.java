package org.lptem.stats.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * An x-y chart: lines, markers with error bars, shaded bands and paths coloured by a parameter, on linear or
 * logarithmic axes, with a legend and an optional colour bar. Ranges follow the data. Values a log axis cannot show
 * (zero, negative) are skipped and break lines.
 */
public final class Chart implements Figure {
    private static final double FONT = 13;
    private static final Color GRID = new Color(225, 225, 225);

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private boolean xLog;
    private boolean yLog;
    private boolean equalAspect;
    private boolean invertY;
    private int width = 800;
    private int height = 560;
    private final List<Layer> layers = new ArrayList<>();
    private final List<Legend> legend = new ArrayList<>();
    private String colourBarLabel;
    private double colourBarMin;
    private double colourBarMax;

    public Chart(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public Chart logX() {
        xLog = true;
        return this;
    }

    public Chart logY() {
        yLog = true;
        return this;
    }

    /** Same scale on both axes (trajectories), and y growing downwards as in images. */
    public Chart imageAxes() {
        equalAspect = true;
        invertY = true;
        return this;
    }

    public Chart size(int w, int h) {
        width = w;
        height = h;
        return this;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    public Chart line(String name, double[] x, double[] y, Color colour, double lineWidth, double[] dash) {
        layers.add(new Line(x, y, colour, lineWidth, dash));
        legendEntry(name, colour, Legend.Kind.LINE, dash);
        return this;
    }

    /** Markers, with vertical error bars from lo to hi when those are non-null (NaN ends are skipped). */
    public Chart markers(String name, double[] x, double[] y, double[] lo, double[] hi, Color colour) {
        layers.add(new Markers(x, y, lo, hi, colour));
        legendEntry(name, colour, Legend.Kind.MARKER, null);
        return this;
    }

    /** A shaded band between lo and hi (confidence intervals of fitted curves). */
    public Chart band(String name, double[] x, double[] lo, double[] hi, Color colour) {
        layers.add(new Band(x, lo, hi, Colours.withAlpha(colour, 0.25)));
        legendEntry(name, Colours.withAlpha(colour, 0.25), Legend.Kind.BOX, null);
        return this;
    }

    /** A path whose segments take the viridis colour of {@code t} (0..1) at their start. */
    public Chart colouredPath(double[] x, double[] y, double[] t) {
        layers.add(new Path(x, y, t));
        return this;
    }

    /** A horizontal reference line across the whole plot (not in the legend). */
    public Chart horizontal(double y, Color colour) {
        layers.add(new Horizontal(y, colour));
        return this;
    }

    /** A viridis colour bar at the right for the parameter of coloured paths. */
    public Chart colourBar(String label, double min, double max) {
        colourBarLabel = label;
        colourBarMin = min;
        colourBarMax = max;
        return this;
    }

    private void legendEntry(String name, Color colour, Legend.Kind kind, double[] dash) {
        if (name != null) {
            legend.add(new Legend(name, colour, kind, dash));
        }
    }

    @Override
    public void draw(Canvas c) {
        double left = 82;
        double right = colourBarLabel != null ? 110 : 24;
        double top = 44;
        double bottom = 58;
        double pw = width - left - right;
        double ph = height - top - bottom;
        Extent e = new Extent(xLog, yLog);
        for (Layer l : layers) {
            l.extent(e);
        }
        Axis x = Axis.fit(xLog, e.xMin, e.xMax);
        Axis y = Axis.fit(yLog, e.yMin, e.yMax);
        if (equalAspect && !xLog && !yLog) {
            double scale = Math.max((x.max - x.min) / pw, (y.max - y.min) / ph);
            double cx = (x.max + x.min) / 2;
            double cy = (y.max + y.min) / 2;
            x = new Axis(false, cx - scale * pw / 2, cx + scale * pw / 2);
            y = new Axis(false, cy - scale * ph / 2, cy + scale * ph / 2);
        }
        Frame f = new Frame(left, top, pw, ph, x, y, invertY);
        drawAxes(c, f);
        c.clip(left, top, pw, ph);
        for (Layer l : layers) {
            l.draw(c, f);
        }
        c.unclip();
        c.color(Color.BLACK);
        c.stroke(1, null);
        c.strokeRect(left, top, pw, ph);
        drawLegend(c, f);
        if (colourBarLabel != null) {
            drawColourBar(c, left + pw + 18, top, ph);
        }
        c.color(Color.BLACK);
        c.text(title, width / 2.0, 26, FONT + 3, Canvas.Anchor.MIDDLE, false);
    }

    private void drawAxes(Canvas c, Frame f) {
        c.stroke(1, null);
        for (double t : f.x.ticks()) {
            double px = f.px(t);
            c.color(GRID);
            c.line(px, f.top, px, f.top + f.h);
            c.color(Color.BLACK);
            c.line(px, f.top + f.h, px, f.top + f.h + 5);
            c.text(Axis.label(t), px, f.top + f.h + 20, FONT, Canvas.Anchor.MIDDLE, false);
        }
        double widest = 0;
        for (double t : f.y.ticks()) {
            double py = f.py(t);
            c.color(GRID);
            c.line(f.left, py, f.left + f.w, py);
            c.color(Color.BLACK);
            c.line(f.left - 5, py, f.left, py);
            c.text(Axis.label(t), f.left - 8, py + FONT / 3, FONT, Canvas.Anchor.END, false);
            widest = Math.max(widest, c.textWidth(Axis.label(t), FONT));
        }
        c.text(xLabel, f.left + f.w / 2, f.top + f.h + 44, FONT + 1, Canvas.Anchor.MIDDLE, false);
        c.text(yLabel, Math.max(FONT + 2, f.left - widest - 16), f.top + f.h / 2, FONT + 1, Canvas.Anchor.MIDDLE,
                true);
    }

    private void drawLegend(Canvas c, Frame f) {
        if (legend.isEmpty()) {
            return;
        }
        double line = FONT + 6;
        double textWidth = 0;
        for (Legend l : legend) {
            textWidth = Math.max(textWidth, c.textWidth(l.name, FONT));
        }
        double w = textWidth + 44;
        double h = legend.size() * line + 8;
        double x0 = f.left + 8;
        double y0 = f.top + 8;
        c.color(Colours.withAlpha(Color.WHITE, 0.85));
        c.fillRect(x0, y0, w, h);
        c.color(Color.GRAY);
        c.stroke(0.8, null);
        c.strokeRect(x0, y0, w, h);
        for (int i = 0; i < legend.size(); i++) {
            Legend l = legend.get(i);
            double cy = y0 + 4 + (i + 0.5) * line;
            c.color(l.colour);
            switch (l.kind) {
                case LINE -> {
                    c.stroke(2, l.dash);
                    c.line(x0 + 6, cy, x0 + 32, cy);
                }
                case MARKER -> c.fillCircle(x0 + 19, cy, 3.5);
                case BOX -> c.fillRect(x0 + 6, cy - 5, 26, 10);
            }
            c.color(Color.BLACK);
            c.text(l.name, x0 + 38, cy + FONT / 3, FONT, Canvas.Anchor.START, false);
        }
    }

    private void drawColourBar(Canvas c, double x, double top, double h) {
        int steps = 64;
        for (int i = 0; i < steps; i++) {
            c.color(Colours.viridis(1 - (i + 0.5) / steps));
            c.fillRect(x, top + h * i / steps, 16, h / steps + 0.5);
        }
        c.color(Color.BLACK);
        c.stroke(1, null);
        c.strokeRect(x, top, 16, h);
        c.text(Axis.label(colourBarMax), x + 20, top + FONT / 2, FONT, Canvas.Anchor.START, false);
        c.text(Axis.label(colourBarMin), x + 20, top + h, FONT, Canvas.Anchor.START, false);
        c.text(colourBarLabel, x + 58, top + h / 2, FONT, Canvas.Anchor.MIDDLE, true);
    }

    /** Plot area and axes: data to pixels. */
    private record Frame(double left, double top, double w, double h, Axis x, Axis y, boolean invertY) {
        double px(double v) {
            return left + w * x.fraction(v);
        }

        double py(double v) {
            double fr = y.fraction(v);
            return invertY ? top + h * fr : top + h * (1 - fr);
        }

        boolean ok(double vx, double vy) {
            return x.accepts(vx) && y.accepts(vy);
        }
    }

    /** Data range over all layers. */
    private static final class Extent {
        final boolean xLog;
        final boolean yLog;
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;

        Extent(boolean xLog, boolean yLog) {
            this.xLog = xLog;
            this.yLog = yLog;
        }

        void add(double x, double y) {
            if (Double.isFinite(x) && (!xLog || x > 0) && Double.isFinite(y) && (!yLog || y > 0)) {
                xMin = Math.min(xMin, x);
                xMax = Math.max(xMax, x);
                yMin = Math.min(yMin, y);
                yMax = Math.max(yMax, y);
            }
        }
    }

    private interface Layer {
        void extent(Extent e);

        void draw(Canvas c, Frame f);
    }

    private record Line(double[] x, double[] y, Color colour, double width, double[] dash) implements Layer {
        @Override
        public void extent(Extent e) {
            for (int i = 0; i < x.length; i++) {
                e.add(x[i], y[i]);
            }
        }

        @Override
        public void draw(Canvas c, Frame f) {
            c.color(colour);
            c.stroke(width, dash);
            drawBroken(c, f, x, y);
        }
    }

    /** Polyline pieces between values the axes cannot show. */
    private static void drawBroken(Canvas c, Frame f, double[] x, double[] y) {
        double[] px = new double[x.length];
        double[] py = new double[x.length];
        int n = 0;
        for (int i = 0; i <= x.length; i++) {
            if (i < x.length && f.ok(x[i], y[i])) {
                px[n] = f.px(x[i]);
                py[n] = f.py(y[i]);
                n++;
            } else {
                c.polyline(px, py, n);
                n = 0;
            }
        }
    }

    private record Markers(double[] x, double[] y, double[] lo, double[] hi, Color colour) implements Layer {
        @Override
        public void extent(Extent e) {
            for (int i = 0; i < x.length; i++) {
                e.add(x[i], y[i]);
                if (lo != null) {
                    e.add(x[i], lo[i]);
                    e.add(x[i], hi[i]);
                }
            }
        }

        @Override
        public void draw(Canvas c, Frame f) {
            c.color(colour);
            c.stroke(1.2, null);
            for (int i = 0; i < x.length; i++) {
                if (lo != null && f.ok(x[i], lo[i]) && f.ok(x[i], hi[i])) {
                    double px = f.px(x[i]);
                    c.line(px, f.py(lo[i]), px, f.py(hi[i]));
                }
                if (f.ok(x[i], y[i])) {
                    c.fillCircle(f.px(x[i]), f.py(y[i]), 3);
                }
            }
        }
    }

    private record Band(double[] x, double[] lo, double[] hi, Color colour) implements Layer {
        @Override
        public void extent(Extent e) {
            for (int i = 0; i < x.length; i++) {
                e.add(x[i], lo[i]);
                e.add(x[i], hi[i]);
            }
        }

        @Override
        public void draw(Canvas c, Frame f) {
            double[] px = new double[2 * x.length];
            double[] py = new double[2 * x.length];
            int n = 0;
            for (int i = 0; i < x.length; i++) {
                if (f.ok(x[i], lo[i]) && f.ok(x[i], hi[i])) {
                    px[n] = f.px(x[i]);
                    py[n] = f.py(hi[i]);
                    n++;
                }
            }
            for (int i = x.length - 1; i >= 0; i--) {
                if (f.ok(x[i], lo[i]) && f.ok(x[i], hi[i])) {
                    px[n] = f.px(x[i]);
                    py[n] = f.py(lo[i]);
                    n++;
                }
            }
            c.color(colour);
            c.polygon(px, py, n);
        }
    }

    private record Path(double[] x, double[] y, double[] t) implements Layer {
        private static final int LEVELS = 32;

        @Override
        public void extent(Extent e) {
            for (int i = 0; i < x.length; i++) {
                e.add(x[i], y[i]);
            }
        }

        /**
         * Consecutive segments of the same colour level go into one polyline (t grows along a track), so a long
         * track is a few dozen SVG elements rather than one per frame.
         */
        @Override
        public void draw(Canvas c, Frame f) {
            c.stroke(1.3, null);
            double[] px = new double[x.length];
            double[] py = new double[x.length];
            int n = 0;
            int level = -1;
            for (int i = 0; i < x.length; i++) {
                boolean ok = f.ok(x[i], y[i]);
                int l = Math.min(LEVELS - 1, (int) Math.floor(Math.max(0, t[i]) * LEVELS));
                if (n > 0 && (!ok || l != level)) {
                    if (ok) {
                        px[n] = f.px(x[i]);
                        py[n] = f.py(y[i]);
                        n++;
                    }
                    c.color(Colours.viridis((level + 0.5) / LEVELS));
                    c.polyline(px, py, n);
                    n = 0;
                }
                if (ok) {
                    px[n] = f.px(x[i]);
                    py[n] = f.py(y[i]);
                    n++;
                    level = l;
                }
            }
            if (n > 1) {
                c.color(Colours.viridis((level + 0.5) / LEVELS));
                c.polyline(px, py, n);
            }
        }
    }

    private record Horizontal(double y, Color colour) implements Layer {
        @Override
        public void extent(Extent e) {
            // spans whatever range the data has
        }

        @Override
        public void draw(Canvas c, Frame f) {
            if (f.y.accepts(y)) {
                c.color(colour);
                c.stroke(1, new double[] {4, 4});
                c.line(f.left, f.py(y), f.left + f.w, f.py(y));
            }
        }
    }

    private record Legend(String name, Color colour, Kind kind, double[] dash) {
        enum Kind {
            LINE, MARKER, BOX
        }
    }
}
