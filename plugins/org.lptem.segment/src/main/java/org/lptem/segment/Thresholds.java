package org.lptem.segment;

/** The threshold algorithms behind {@link ThresholdMethod}, on raw bin counts; results in bin coordinates. */
final class Thresholds {
    /** Li's iteration converges in a handful of steps; the cap only guards against a two-cycle. */
    private static final int LI_MAX_ITERATIONS = 1000;

    private Thresholds() {
    }

    static double otsu(long[] counts) {
        if (occupiedBins(counts) < 2) {
            return Double.NaN;
        }
        double total = 0;
        double sum = 0;
        for (int i = 0; i < counts.length; i++) {
            total += counts[i];
            sum += (double) i * counts[i];
        }
        double w0 = 0;
        double s0 = 0;
        double best = -1;
        int bestK = -1;
        for (int k = 0; k < counts.length - 1; k++) {
            w0 += counts[k];
            s0 += (double) k * counts[k];
            double w1 = total - w0;
            if (w0 == 0 || w1 == 0) {
                continue;
            }
            double diff = s0 / w0 - (sum - s0) / w1;
            // between-class variance times total^2; the constant factor does not move the maximum
            double between = w0 * w1 * diff * diff;
            if (between > best) {
                best = between;
                bestK = k;
            }
        }
        // Empty bins after the best split leave both classes unchanged, so every edge across that gap is equally
        // good; the middle of the gap is the least arbitrary choice (and the most robust to new data).
        int end = bestK;
        while (end + 1 < counts.length && counts[end + 1] == 0) {
            end++;
        }
        return (bestK + end) / 2.0 + 1;
    }

    static double li(long[] counts) {
        if (occupiedBins(counts) < 2) {
            return Double.NaN;
        }
        // Bin centres (i + 0.5) keep both class means strictly positive, as the logarithms need.
        double total = 0;
        double sum = 0;
        for (int i = 0; i < counts.length; i++) {
            total += counts[i];
            sum += (i + 0.5) * counts[i];
        }
        double t = sum / total;
        for (int iteration = 0; iteration < LI_MAX_ITERATIONS; iteration++) {
            int lastLow = lastBinAtOrBelow(t, counts.length);
            double wLow = 0;
            double sLow = 0;
            for (int i = 0; i <= lastLow; i++) {
                wLow += counts[i];
                sLow += (i + 0.5) * counts[i];
            }
            double wHigh = total - wLow;
            if (wLow == 0 || wHigh == 0) {
                return t;
            }
            double meanLow = sLow / wLow;
            double meanHigh = (sum - sLow) / wHigh;
            double next = (meanHigh - meanLow) / (Math.log(meanHigh) - Math.log(meanLow));
            // The class means, hence the next value, depend only on the split: same split means a fixed point.
            if (next == t || lastBinAtOrBelow(next, counts.length) == lastLow) {
                return next;
            }
            t = next;
        }
        return t;
    }

    private static int lastBinAtOrBelow(double t, int bins) {
        return (int) Math.max(-1, Math.min(bins - 1, Math.floor(t - 0.5)));
    }

    /**
     * @param side -1 to measure the tail on the low side of the peak, +1 for the high side, 0 for the longer tail
     *     (the classic rule)
     */
    static double triangle(long[] counts, int side) {
        if (occupiedBins(counts) < 2) {
            return Double.NaN;
        }
        int lo = 0;
        while (counts[lo] == 0) {
            lo++;
        }
        int hi = counts.length - 1;
        while (counts[hi] == 0) {
            hi--;
        }
        int peak = lo;
        for (int i = lo; i <= hi; i++) {
            if (counts[i] > counts[peak]) {
                peak = i;
            }
        }
        boolean lowTail = side < 0 || (side == 0 && peak - lo >= hi - peak);
        if (lowTail) {
            return lowTailSplit(counts, lo, peak);
        }
        long[] mirrored = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            mirrored[counts.length - 1 - i] = counts[i];
        }
        // bins below edge e in the mirror are bins at or above (length - e) here
        return counts.length - lowTailSplit(mirrored, counts.length - 1 - hi, counts.length - 1 - peak);
    }

    /** Edge after the bin farthest below the line from (lo - 1, 0) to the peak; the tail keeps that bin. */
    private static double lowTailSplit(long[] counts, int lo, int peak) {
        if (peak == lo) {
            // no tail at all on the requested side: nothing there to separate
            return Double.NaN;
        }
        // Starting the line at the empty bin just outside the data (as ImageJ does) makes it reach zero.
        double start = lo - 1;
        double slope = counts[peak] / (peak - start);
        double best = Double.NEGATIVE_INFINITY;
        int split = lo;
        for (int i = lo; i < peak; i++) {
            // The vertical gap is proportional to the perpendicular distance for a fixed line.
            double gap = slope * (i - start) - counts[i];
            if (gap > best) {
                best = gap;
                split = i;
            }
        }
        return split + 1;
    }

    private static int occupiedBins(long[] counts) {
        int n = 0;
        for (long c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("histogram counts must be >= 0, got " + c);
            }
            if (c > 0) {
                n++;
            }
        }
        return n;
    }
}
