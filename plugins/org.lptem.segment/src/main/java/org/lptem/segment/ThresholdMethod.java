package org.lptem.segment;

/**
 * Automatic threshold methods, all computed on a {@link Histogram}.
 *
 * <ul>
 * <li>{@link #OTSU}: maximises the between-class variance (Otsu 1979); good when particles cover a fair part of the
 * field.</li>
 * <li>{@link #LI}: minimum cross-entropy, iterated to a fixed point (Li and Tam 1998).</li>
 * <li>{@link #TRIANGLE}: the point of the histogram farthest below the line from its peak to the end of a tail
 * (Zack et al. 1977); suited to few small particles on a large background.</li>
 * </ul>
 */
public enum ThresholdMethod {
    OTSU,
    LI,
    TRIANGLE;

    /**
     * Threshold in bin coordinates (bin {@code i} covers {@code [i, i+1)}): the lower class lies below it. NaN when
     * the histogram cannot be split (fewer than two occupied bins). TRIANGLE uses the longer tail, as classically.
     */
    public double binPosition(long[] counts) {
        return binPosition(counts, 0);
    }

    /**
     * As {@link #binPosition(long[])}, but TRIANGLE measures the tail on the particles' side of the background
     * peak, so a few bright outliers cannot turn a dark-particle threshold around.
     */
    public double binPosition(long[] counts, Polarity particles) {
        return binPosition(counts, particles == Polarity.DARK ? -1 : 1);
    }

    private double binPosition(long[] counts, int tailSide) {
        return switch (this) {
            case OTSU -> Thresholds.otsu(counts);
            case LI -> Thresholds.li(counts);
            case TRIANGLE -> Thresholds.triangle(counts, tailSide);
        };
    }

    /** Threshold as an intensity, or NaN when the histogram cannot be split. */
    public double apply(Histogram histogram) {
        return histogram.toValue(binPosition(histogram.countsView()));
    }

    /** Threshold as an intensity for particles of the given polarity, or NaN when the histogram cannot be split. */
    public double apply(Histogram histogram, Polarity particles) {
        return histogram.toValue(binPosition(histogram.countsView(), particles));
    }
}
