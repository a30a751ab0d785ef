package org.lptem.stats.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lptem.stats.AnomalousFit;
import org.lptem.stats.DisplacementMoments;
import org.lptem.stats.Interval;
import org.lptem.stats.MsdCurve;
import org.lptem.stats.MsdParameters;
import org.lptem.stats.MsdResult;
import org.lptem.stats.TrackMsd;
import org.lptem.stats.TrackSeries;
import org.lptem.stats.TurningAngles;
import org.lptem.stats.VanHove;
import org.lptem.stats.VelocityAutocorrelation;
import org.lptem.stats.table.Units;

/**
 * The figures of the statistics, in calibrated units where the calibration is known. Each returns a {@link Figure}
 * for PNG and SVG; the KNIME nodes use the same ones for their image ports.
 */
public final class StatsFigures {
    /** Per-track curves drawn behind the ensemble; more only add ink. */
    private static final int MAX_BACKGROUND_TRACKS = 100;
    /** Points of trajectories drawn at most; beyond, the longest tracks are kept. */
    private static final int MAX_TRAJECTORY_POINTS = 200_000;

    private StatsFigures() {
    }

    /**
     * MSD on log-log axes: time-averaged curves of (up to 100) tracks in grey, their Qian-weighted mean with its
     * bootstrap interval, the ensemble fit {@code 2d (K t^alpha + sigma^2)} with its bootstrap band, and the D line.
     */
    public static Figure msd(MsdResult r, Units units, String title) {
        AxisScale x = AxisScale.time(units);
        AxisScale y = AxisScale.of(units, 2, "MSD");
        Chart chart = new Chart(title, x.label, y.label).logX().logY();
        int stride = Math.max(1, r.tracks().size() / MAX_BACKGROUND_TRACKS);
        Color grey = new Color(190, 190, 190);
        for (int i = 0; i < r.tracks().size(); i += stride) {
            TrackMsd t = r.tracks().get(i);
            chart.line(i == 0 ? "tracks" : null, x.lags(t.curve()), y.values(t.curve().msdPx2()), grey, 0.7, null);
        }
        MsdCurve mean = r.timeAveragedMean().curve();
        double[] lo = new double[mean.size()];
        double[] hi = new double[mean.size()];
        for (int i = 0; i < mean.size(); i++) {
            Interval ci = r.timeAveragedMeanCi().get(i);
            lo[i] = y.value(ci.lo());
            hi[i] = y.value(ci.hi());
        }
        Color blue = Colours.categorical(0);
        Color orange = Colours.categorical(1);
        MsdParameters e = r.ensemble();
        AnomalousFit a = e.anomalous();
        int fitted = a.ok() ? Math.min(mean.size(), Math.max(a.points(), 1)) : 0;
        double[] lags = Arrays.stream(mean.lagFrames()).asDoubleStream().toArray();
        if (a.ok() && !r.ensembleReplicates().isEmpty()) {
            double[] bandLo = new double[lags.length];
            double[] bandHi = new double[lags.length];
            for (int i = 0; i < lags.length; i++) {
                double[] v = new double[r.ensembleReplicates().size()];
                for (int b = 0; b < v.length; b++) {
                    AnomalousFit f = r.ensembleReplicates().get(b);
                    v[b] = f.ok() ? r.model().msd(f.coefficient(), f.alpha(), f.sigma2(), lags[i]) : Double.NaN;
                }
                Interval band = Interval.percentile(v, r.settings().confidenceLevel());
                bandLo[i] = y.value(band.lo());
                bandHi[i] = y.value(band.hi());
            }
            chart.band(percent(r) + " band of the fit", x.lags(mean), bandLo, bandHi, orange);
        }
        chart.markers("mean of time-averaged MSDs" + (r.timeAveragedMeanCi().stream().anyMatch(Interval::known)
                ? " (" + percent(r) + " CI)" : ""), x.lags(mean), y.values(mean.msdPx2()), lo, hi, blue);
        if (a.ok()) {
            double[] model = new double[lags.length];
            for (int i = 0; i < lags.length; i++) {
                model[i] = y.value(r.model().msd(a.coefficient(), a.alpha(), a.sigma2(), lags[i]));
            }
            chart.line(String.format(java.util.Locale.ROOT, "fit: alpha = %.3f, sigma = %s %s (first %d lags)",
                    a.alpha(), Axis.label(y.lengthValue(Math.sqrt(a.sigma2()))), y.lengthUnit, fitted),
                    x.lags(mean), model, orange, 2, null);
        }
        if (e.diffusion().ok()) {
            int n = Math.min(mean.size(), Math.max(2 * e.diffusion().points(), 4));
            double[] line = new double[n];
            double d = e.diffusion().diffusion();
            double offset = r.model().axesFactor() * (e.diffusion().sigma2() - d * r.model().exposureFraction() / 3);
            for (int i = 0; i < n; i++) {
                line[i] = y.value(r.model().axesFactor() * d * lags[i] + offset);
            }
            chart.line("D line (" + e.diffusion().points() + " lags)", Arrays.copyOf(x.lags(mean), n), line,
                    Colours.categorical(2), 1.5, new double[] {6, 4});
        }
        return chart;
    }

    private static String percent(MsdResult r) {
        return Math.round(100 * r.settings().confidenceLevel()) + "%";
    }

    /** Van Hove functions, one colour per lag: histogram (dots), kernel density (line), Gaussian (dashed). */
    public static Figure vanHove(List<VanHove> distributions, Units units) {
        AxisScale x = AxisScale.of(units, 1, "displacement");
        String density = "probability density (1/" + x.lengthUnit + ")";
        Chart chart = new Chart("Van Hove functions (x and y pooled)", x.label, density).logY();
        for (int k = 0; k < distributions.size(); k++) {
            VanHove v = distributions.get(k);
            Color c = Colours.categorical(k);
            double[] centres = x.values(v.centres());
            double perUnit = x.lengthValue(1);
            String lag = "lag " + v.lag() + (units.hasTime() ? " (" + Axis.label(units.convert(v.lag(), 0, -1))
                    + " s)" : " frames");
            chart.markers(lag, centres, scale(v.histogram(), 1 / perUnit), null, null, c);
            chart.line(null, centres, scale(v.kde(), 1 / perUnit), c, 1.8, null);
            chart.line(k == 0 ? "Gaussian reference (dashed)" : null, centres, scale(v.gaussian(), 1 / perUnit), c,
                    1.2, new double[] {5, 4});
        }
        return chart;
    }

    /** Normalised velocity autocorrelation against lag, with the zero line. */
    public static Figure vacf(VelocityAutocorrelation v, Units units) {
        AxisScale x = AxisScale.time(units);
        Chart chart = new Chart("Velocity autocorrelation (step " + v.deltaFrames() + " frame"
                + (v.deltaFrames() == 1 ? "" : "s") + ")", x.label, "C(lag) / C(0)");
        double[] lags = new double[v.size()];
        for (int i = 0; i < v.size(); i++) {
            lags[i] = x.lag(v.lagFrames()[i]);
        }
        chart.horizontal(0, Color.GRAY);
        chart.line(null, lags, v.normalized(), Colours.categorical(0), 1.2, null);
        chart.markers("ensemble VACF", lags, v.normalized(), null, null, Colours.categorical(0));
        return chart;
    }

    /** Non-Gaussian parameter against lag. */
    public static Figure nonGaussian(List<DisplacementMoments> moments, Units units) {
        AxisScale x = AxisScale.time(units);
        double[] lags = moments.stream().mapToDouble(m -> x.lag(m.lag())).toArray();
        double[] a2 = moments.stream().mapToDouble(DisplacementMoments::alpha2).toArray();
        Chart chart = new Chart("Non-Gaussian parameter", x.label, "alpha2 = <r^4>/(2<r^2>^2) - 1");
        chart.horizontal(0, Color.GRAY);
        chart.line(null, lags, a2, Colours.categorical(3), 1.2, null);
        chart.markers("alpha2", lags, a2, null, null, Colours.categorical(3));
        return chart;
    }

    /** Turning angle density with the uniform density of Brownian motion. */
    public static Figure turningAngles(TurningAngles t) {
        Chart chart = new Chart(String.format(java.util.Locale.ROOT, "Turning angles (step %d, <cos> = %.3f)",
                t.stepFrames(), t.meanCosine()), "turning angle (deg)", "density (1/deg)");
        chart.horizontal(1 / 360.0, Color.GRAY);
        chart.line(null, t.centresDeg(), t.density(), Colours.categorical(4), 1.2, null);
        chart.markers("turns", t.centresDeg(), t.density(), null, null, Colours.categorical(4));
        return chart;
    }

    /** Trajectories coloured by time (viridis over the frame range), in image orientation (y down). */
    public static Figure trajectories(List<TrackSeries> tracks, Units units) {
        AxisScale axis = AxisScale.of(units, 1, "");
        List<TrackSeries> shown = new ArrayList<>(tracks);
        long points = shown.stream().mapToLong(TrackSeries::size).sum();
        String title = "Trajectories coloured by time";
        if (points > MAX_TRAJECTORY_POINTS) {
            shown.sort((a, b) -> Integer.compare(b.size(), a.size()));
            long kept = 0;
            int n = 0;
            while (n < shown.size() && kept + shown.get(n).size() <= MAX_TRAJECTORY_POINTS) {
                kept += shown.get(n++).size();
            }
            shown = shown.subList(0, Math.max(1, n));
            title += " (the " + shown.size() + " longest of " + tracks.size() + " tracks)";
        }
        int first = tracks.stream().mapToInt(TrackSeries::firstFrame).min().orElse(0);
        int last = tracks.stream().mapToInt(TrackSeries::lastFrame).max().orElse(1);
        double range = Math.max(1, last - first);
        Chart chart = new Chart(title, "x (" + axis.lengthUnit + ")", "y (" + axis.lengthUnit + ")").imageAxes()
                .size(760, 680);
        for (TrackSeries t : shown) {
            double[] tt = new double[t.size()];
            for (int i = 0; i < tt.length; i++) {
                tt[i] = (t.frame(i) - first) / range;
            }
            chart.colouredPath(axis.values(t.x()), axis.values(t.y()), tt);
        }
        if (units.hasTime()) {
            chart.colourBar("time (s)", units.convert(first, 0, -1), units.convert(last, 0, -1));
        } else {
            chart.colourBar("frame", first, last);
        }
        return chart;
    }

    private static double[] scale(double[] v, double f) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * f;
        }
        return out;
    }

    /** Unit conversion and axis label of one axis. */
    private static final class AxisScale {
        final String label;
        final String lengthUnit;
        private final Units units;
        private final int lengthPower;
        private final boolean time;

        private AxisScale(String label, String lengthUnit, Units units, int lengthPower, boolean time) {
            this.label = label;
            this.lengthUnit = lengthUnit;
            this.units = units;
            this.lengthPower = lengthPower;
            this.time = time;
        }

        static AxisScale time(Units u) {
            return new AxisScale(u.hasTime() ? "lag (s)" : "lag (frames)", null, u, 0, true);
        }

        static AxisScale of(Units u, int power, String quantity) {
            String unit = u.hasLength() ? u.length() : u.rawLength();
            String label = quantity + " (" + unit + (power == 1 ? "" : "^" + power) + ")";
            return new AxisScale(label, unit, u, power, false);
        }

        double lag(int frames) {
            return units.hasTime() ? units.convert(frames, 0, -1) : frames;
        }

        double[] lags(MsdCurve c) {
            double[] out = new double[c.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = lag(c.lag(i));
            }
            return out;
        }

        double value(double raw) {
            if (time) {
                return raw;
            }
            return units.hasLength() ? units.convert(raw, lengthPower, 0) : raw;
        }

        double lengthValue(double raw) {
            return units.hasLength() ? units.convert(raw, 1, 0) : raw;
        }

        double[] values(double[] raw) {
            double[] out = new double[raw.length];
            for (int i = 0; i < raw.length; i++) {
                out[i] = value(raw[i]);
            }
            return out;
        }
    }
}
