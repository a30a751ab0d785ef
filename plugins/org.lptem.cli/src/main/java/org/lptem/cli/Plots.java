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
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.lptem.core.Calibration;
import org.lptem.core.Detection;
import org.lptem.core.Frame;
import org.lptem.core.Track;
import org.lptem.stats.MsdCurve;
import org.lptem.stats.MsdFit;

/** The two PNG figures of an analysis. */
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

    /** The ensemble MSD on log-log axes, in nm^2 and s when calibrated, with the linear fit used for D. */
    static void msdLogLog(MsdCurve msd, MsdFit fit, Calibration cal, Path png) {
        boolean physical = cal.hasPixelSize() && cal.hasFrameInterval();
        double[] t = physical ? msd.lagSeconds(cal) : toDouble(msd.lagFrames());
        double[] y = physical ? msd.msdNm2(cal) : msd.msdPx2();
        XYChart chart = new XYChartBuilder().width(640).height(480).title("Ensemble mean squared displacement")
                .xAxisTitle(physical ? "lag (s)" : "lag (frames)").yAxisTitle(physical ? "MSD (nm^2)" : "MSD (px^2)")
                .build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        double[][] positive = positive(t, y);
        if (positive[0].length > 0) {
            XYSeries data = chart.addSeries("ensemble MSD", positive[0], positive[1]);
            data.setMarker(SeriesMarkers.CIRCLE);
            data.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        }
        if (fit != null) {
            double scaleY = physical ? Math.pow(cal.nmPerPixel().getAsDouble(), 2) : 1;
            double[] fy = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                fy[i] = (4 * fit.diffusionPx2PerFrame() * msd.lagFrames()[i] + fit.offsetPx2()) * scaleY;
            }
            double[][] line = positive(t, fy);
            if (line[0].length > 1) {
                XYSeries s = chart.addSeries("fit 4 D t + 4 sigma^2 (first " + fit.points() + " lags)", line[0],
                        line[1]);
                s.setMarker(SeriesMarkers.NONE);
            }
        }
        try {
            BitmapEncoder.saveBitmap(chart, png.toString().replaceFirst("\\.png$", ""),
                    BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + png, e);
        }
    }

    private static double[] toDouble(int[] v) {
        return Arrays.stream(v).asDoubleStream().toArray();
    }

    /** Log axes cannot show values <= 0 (a short noisy MSD can have them at small lags). */
    private static double[][] positive(double[] x, double[] y) {
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0 && y[i] > 0) {
                n++;
            }
        }
        double[][] out = new double[2][n];
        for (int i = 0, j = 0; i < x.length; i++) {
            if (x[i] > 0 && y[i] > 0) {
                out[0][j] = x[i];
                out[1][j++] = y[i];
            }
        }
        return out;
    }
}
