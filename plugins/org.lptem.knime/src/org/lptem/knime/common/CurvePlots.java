package org.lptem.knime.common;

import java.util.List;

import org.knime.core.node.port.image.ImagePortObject;
import org.lptem.stats.plot.Chart;
import org.lptem.stats.plot.Colours;

/** Training curves (a value per epoch) as an image port: the plots of the U-Net and LEONARDO Learners. */
public final class CurvePlots {
    private static final double[] DASHED = {6, 4};

    private CurvePlots() {
    }

    /** One curve; {@code dashed} sets it apart (validation against training). */
    public record Series(String name, double[] values, boolean dashed) {
    }

    /**
     * The curves over {@code epochs}, colours in turn, on a log axis when {@code logY} (losses spanning decades).
     * With no epoch the port says so instead of drawing empty axes.
     */
    public static ImagePortObject plot(final String title, final String yLabel, final boolean logY,
        final double[] epochs, final List<Series> series) {
        if (epochs.length == 0) {
            return Figures.placeholder("No epoch was trained.");
        }
        Chart chart = new Chart(title, "epoch", yLabel);
        if (logY) {
            chart.logY();
        }
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            chart.line(s.name(), epochs, s.values(), Colours.categorical(i), 1.5, s.dashed() ? DASHED : null);
        }
        return Figures.port(chart);
    }
}
