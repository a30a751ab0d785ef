package org.lptem.stats.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A linear or logarithmic axis: data range, mapping to pixels, and round tick values. */
final class Axis {
    final boolean log;
    final double min;
    final double max;

    Axis(boolean log, double min, double max) {
        this.log = log;
        this.min = min;
        this.max = max;
    }

    /** The range of the finite (and, for log axes, positive) values, padded by 4% of the span on both sides. */
    static Axis fit(boolean log, double lo, double hi) {
        if (!(lo <= hi)) {
            return log ? new Axis(true, 1, 10) : new Axis(false, 0, 1);
        }
        if (log) {
            double a = Math.log10(lo);
            double b = Math.log10(hi);
            double pad = b > a ? 0.04 * (b - a) : 0.5;
            return new Axis(true, Math.pow(10, a - pad), Math.pow(10, b + pad));
        }
        double pad = hi > lo ? 0.04 * (hi - lo) : Math.max(Math.abs(lo) * 0.1, 1);
        return new Axis(false, lo - pad, hi + pad);
    }

    /** Whether a value can be drawn on this axis. */
    boolean accepts(double v) {
        return Double.isFinite(v) && (!log || v > 0);
    }

    /** Fraction 0..1 of the way from min to max. */
    double fraction(double v) {
        return log ? (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))
                : (v - min) / (max - min);
    }

    List<Double> ticks() {
        List<Double> out = new ArrayList<>();
        if (log) {
            int a = (int) Math.ceil(Math.log10(min) - 1e-9);
            int b = (int) Math.floor(Math.log10(max) + 1e-9);
            int[] mantissas = b - a < 2 ? new int[] {1, 2, 5} : new int[] {1};
            int stride = Math.max(1, (b - a + 1) / 8);
            for (int e = a - 1; e <= b; e++) {
                if ((e - a) % stride != 0 && mantissas.length == 1) {
                    continue;
                }
                for (int m : mantissas) {
                    double v = m * Math.pow(10, e);
                    if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9)) {
                        out.add(v);
                    }
                }
            }
            return out;
        }
        double step = niceStep((max - min) / 6);
        // multiples of the step rather than a running sum, which would drift (0.6000000000000001)
        for (long k = (long) Math.ceil(min / step - 1e-9); k * step <= max + 1e-9 * step; k++) {
            out.add(k * step);
        }
        return out;
    }

    private static double niceStep(double raw) {
        double e = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / e;
        return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * e;
    }

    /** A compact label: 0.001, 25, 1.5e+06. */
    static String label(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e5 || a < 1e-3) {
            int exponent = (int) Math.floor(Math.log10(a));
            double mantissa = v / Math.pow(10, exponent);
            if (Math.abs(mantissa) >= 9.995) {
                mantissa /= 10;
                exponent++;
            }
            return trim(String.format(Locale.ROOT, "%.2f", mantissa)) + "e" + exponent;
        }
        return trim(String.format(Locale.ROOT, "%.4f", v));
    }

    private static String trim(String s) {
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
