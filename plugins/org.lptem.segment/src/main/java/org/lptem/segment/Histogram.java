package org.lptem.segment;

/**
 * Counts of pixel values in equal bins spanning [min, max] of an image. Thresholds are computed in bin
 * coordinates, where bin {@code i} covers {@code [i, i + 1)}; {@link #toValue(double)} maps such a coordinate back
 * to an intensity.
 */
public final class Histogram {
    /** As in ImageJ and scikit-image: enough resolution for the thresholds, few enough bins for stable counts. */
    public static final int DEFAULT_BINS = 256;

    private final long[] counts;
    private final double min;
    private final double binWidth;

    private Histogram(long[] counts, double min, double binWidth) {
        this.counts = counts;
        this.min = min;
        this.binWidth = binWidth;
    }

    /** Histogram of the finite values; NaN and infinite samples are left out. */
    public static Histogram of(float[] values, int bins) {
        if (bins < 2) {
            throw new IllegalArgumentException("a histogram needs at least 2 bins, got " + bins);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            if (Float.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        long[] counts = new long[bins];
        if (!(hi > lo)) {
            // Constant (or empty) image: everything in one bin, so no method can split it.
            for (float v : values) {
                if (Float.isFinite(v)) {
                    counts[0]++;
                }
            }
            return new Histogram(counts, Double.isFinite(lo) ? lo : 0, 0);
        }
        double width = (hi - lo) / bins;
        double scale = 1 / width;
        for (float v : values) {
            if (Float.isFinite(v)) {
                int b = (int) ((v - lo) * scale);
                counts[Math.min(b, bins - 1)]++;
            }
        }
        return new Histogram(counts, lo, width);
    }

    public long[] counts() {
        return counts.clone();
    }

    long[] countsView() {
        return counts;
    }

    public int bins() {
        return counts.length;
    }

    public double min() {
        return min;
    }

    public double binWidth() {
        return binWidth;
    }

    /** The intensity at bin coordinate {@code position} (NaN stays NaN). */
    public double toValue(double position) {
        return min + position * binWidth;
    }
}
