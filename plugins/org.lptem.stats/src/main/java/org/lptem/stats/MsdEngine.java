package org.lptem.stats;

/**
 * Sums of squared displacements per exact lag for one series of points (frames, x, y), by the direct double sum
 * or by FFT. Holds work buffers, so one engine serves one thread; reuse it across tracks to avoid allocating two
 * FFT buffers per track.
 *
 * <p>The FFT path (Calandrini et al. 2011, the algorithm behind trackpy's and MDAnalysis' fast MSD) writes
 * {@code sum |r(k+m) - r(k)|^2 = S1(m) - 2 S2(m)} with {@code S2} the autocorrelation of the positions (one complex
 * FFT of {@code x + iy} and the real part of the inverse of its power spectrum, a half-size FFT) and {@code S1} the sum of squared norms over the pairs, from prefix sums.
 * Missing frames are zeros in the FFT input; the pair counts and {@code S1} then lose the pairs that touch a missing
 * frame, which costs O(missing frames) per lag, so a track with 2% missing frames is as fast as a complete one and
 * every lag stays exact.
 *
 * <p>The cancellation in {@code S1 - 2 S2} loses about log10(|r|^2 / MSD) digits; for a drifting track |r|^2 grows
 * as the square of its length. So the positions are first detrended by the line through the first and last point and
 * centred, and the trend's exact contribution ({@code 2 m v . T(m) + n(m) m^2 |v|^2}) is added back per lag. What
 * cancellation remains grows with the track length over the lag (about 1e-12 relative at lag 1 for 2,000-frame
 * Brownian tracks, more for superdiffusive ones); a precision guard recomputes by the direct sum, O(points) each, the
 * few lags (the shortest, and the longest with few pairs) where the FFT's rounding bound exceeds {@value #TARGET_RELATIVE_ERROR} of the value.
 */
final class MsdEngine {
    /**
     * Direct-sum pair operations that cost as much as one point of one FFT stage: timed on Brownian tracks of 100 to
     * 10,000 frames (about 2 ns per pair, 4-5 ns per point and stage); only speed depends on it, not the result.
     */
    private static final double FFT_COST_PER_POINT_AND_STAGE = 2.5;
    /** Relative rounding error the FFT path may leave in a lag before the guard recomputes it directly. */
    static final double TARGET_RELATIVE_ERROR = 1e-13;
    /**
     * Observed worst ratio of the FFT autocorrelation's absolute error to {@code ulp(1) x log2(M) x sum |r|^2}
     * (about 1 over thousands of Brownian, drifting and fBm tracks), with a margin.
     */
    private static final double ROUNDING_BOUND_FACTOR = 4;

    private Fft plan;
    private double[] re = new double[0];
    private double[] im = new double[0];
    /** sum_k r'(k) . r'(k + lag), the autocorrelation of the detrended positions. */
    private double[] acf = new double[0];
    private double[] qv = new double[0];
    private double[] pv = new double[0];
    private double[] qr = new double[0];
    private double[] pr = new double[0];
    private double[] prefixQ = new double[0];
    private double[] prefixP = new double[0];
    private double[] corrQ = new double[0];
    private double[] corrP = new double[0];
    private int[] missing = new int[0];
    private int[] missingBefore = new int[0];
    private long[] bothMissing = new long[0];
    private double[] denseX = new double[0];
    private double[] denseY = new double[0];
    private double[] mask = new double[0];

    /** Which algorithm is cheaper for these points: the direct sum is O(points x maxLag), the FFT O(M log M). */
    static boolean fftIsCheaper(int points, int span, int maxLag) {
        int lags = Math.min(maxLag, span - 1);
        if (lags < 1) {
            return false;
        }
        int m = Fft.sizeFor(span + lags);
        int stages = Integer.numberOfTrailingZeros(m);
        double direct = (double) points * lags;
        double fft = FFT_COST_PER_POINT_AND_STAGE * m * stages + 2.0 * (span - points) * lags + 4.0 * m;
        return fft < direct;
    }

    void accumulate(int[] frames, double[] x, double[] y, int maxLag, LagSums into, boolean useFft) {
        if (useFft) {
            fft(frames, x, y, maxLag, into);
        } else {
            direct(frames, x, y, maxLag, into);
        }
    }

    /** Frames increase strictly, so the inner loop sees at most maxLag points: O(N maxLag). */
    static void direct(int[] frames, double[] x, double[] y, int maxLag, LagSums into) {
        int size = frames.length;
        double[] sum = into.sum;
        long[] count = into.count;
        for (int i = 0; i < size; i++) {
            int fi = frames[i];
            double xi = x[i];
            double yi = y[i];
            for (int j = i + 1; j < size; j++) {
                int lag = frames[j] - fi;
                if (lag > maxLag) {
                    break;
                }
                double dx = x[j] - xi;
                double dy = y[j] - yi;
                sum[lag] += dx * dx + dy * dy;
                count[lag]++;
            }
        }
    }

    void fft(int[] frames, double[] x, double[] y, int maxLag, LagSums into) {
        int size = frames.length;
        int first = frames[0];
        int span = frames[size - 1] - first + 1;
        int lags = Math.min(maxLag, span - 1);
        if (lags < 1) {
            return;
        }
        int m = Fft.sizeFor(span + lags);
        ensureCapacity(m, span);

        double vx = (x[size - 1] - x[0]) / (span - 1);
        double vy = (y[size - 1] - y[0]) / (span - 1);
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < size; i++) {
            int k = frames[i] - first;
            meanX += x[i] - vx * k;
            meanY += y[i] - vy * k;
        }
        meanX /= size;
        meanY /= size;

        java.util.Arrays.fill(re, 0, m, 0);
        java.util.Arrays.fill(im, 0, m, 0);
        for (int i = 0; i < size; i++) {
            int k = frames[i] - first;
            re[k] = x[i] - vx * k - meanX;
            im[k] = y[i] - vy * k - meanY;
        }
        // q = |r'|^2 and p = v . r' per frame (zero where missing), with prefix sums for the pair sums.
        prefixQ[0] = 0;
        prefixP[0] = 0;
        for (int k = 0; k < span; k++) {
            qv[k] = re[k] * re[k] + im[k] * im[k];
            pv[k] = vx * re[k] + vy * im[k];
            prefixQ[k + 1] = prefixQ[k] + qv[k];
            prefixP[k + 1] = prefixP[k] + pv[k];
        }
        int gaps = span - size;
        if (gaps > 0) {
            subtractPairsTouchingGaps(frames, span, lags);
        }

        if (plan == null || plan.size() != m) {
            plan = Fft.of(m);
        }
        Fft transform = plan;
        transform.forward(re, im);
        for (int j = 0; j < m; j++) {
            re[j] = re[j] * re[j] + im[j] * im[j];
        }
        transform.realPartOfInverse(re, acf, im);

        double v2 = vx * vx + vy * vy;
        double roundingBound = ROUNDING_BOUND_FACTOR * Math.ulp(1.0) * Integer.numberOfTrailingZeros(m)
                * prefixQ[span];
        double[] sum = into.sum;
        long[] count = into.count;
        boolean dense = false;
        for (int lag = 1; lag <= lags; lag++) {
            // Over all index pairs (k, k + lag) inside the span; gap corrections follow.
            double s1 = prefixQ[span - lag] + prefixQ[span] - prefixQ[lag];
            double vt = prefixP[span] - prefixP[lag] - prefixP[span - lag];
            long pairs = span - lag;
            if (gaps > 0) {
                s1 -= corrQ[lag];
                vt += corrP[lag];
                pairs -= (gaps - missingBefore[lag]) + missingBefore[span - lag] - bothMissing[lag];
            }
            if (pairs <= 0) {
                continue;
            }
            double total = s1 - 2 * acf[lag] + 2.0 * lag * vt + (double) pairs * lag * lag * v2;
            if (roundingBound > TARGET_RELATIVE_ERROR * total) {
                if (gaps == 0) {
                    total = directAtLag(x, y, lag);
                } else {
                    if (!dense) {
                        fillDense(frames, x, y, span);
                        dense = true;
                    }
                    total = directAtLag(lag, span);
                }
            }
            sum[lag] += Math.max(0, total);
            count[lag] += pairs;
        }
    }

    /**
     * Per lag, what the pairs touching a missing frame g add to the pair sums: corrQ = sum of q over the partner
     * frames g - lag and g + lag, corrP = p(g - lag) - p(g + lag) (the sign of each in {@code v . T}). Looping over
     * gaps outside and lags inside keeps the inner loops branch-free over contiguous memory (the backward partner
     * through a reversed copy), which the JIT vectorises: 2% missing frames then cost little next to the FFT.
     */
    private void subtractPairsTouchingGaps(int[] frames, int span, int lags) {
        java.util.Arrays.fill(corrQ, 0, lags + 1, 0);
        java.util.Arrays.fill(corrP, 0, lags + 1, 0);
        for (int k = 0; k < span; k++) {
            qr[k] = qv[span - 1 - k];
            pr[k] = pv[span - 1 - k];
        }
        int gaps = 0;
        int expected = 0;
        for (int f : frames) {
            int k = f - frames[0];
            while (expected < k) {
                missing[gaps++] = expected++;
            }
            expected = k + 1;
        }
        // Four gaps per pass: one read-modify-write of the correction arrays instead of four. Gaps increase, so
        // within a group the backward reach min(g, lags) grows and the forward reach shrinks; the shared range is
        // done together and the rest gap by gap.
        int i = 0;
        for (; i + 3 < gaps; i += 4) {
            int g0 = missing[i];
            int g1 = missing[i + 1];
            int g2 = missing[i + 2];
            int g3 = missing[i + 3];
            int common = Math.min(g0, lags);
            int b0 = span - 1 - g0;
            int b1 = span - 1 - g1;
            int b2 = span - 1 - g2;
            int b3 = span - 1 - g3;
            for (int lag = 1; lag <= common; lag++) {
                corrQ[lag] += qr[b0 + lag] + qr[b1 + lag] + qr[b2 + lag] + qr[b3 + lag];
                corrP[lag] += pr[b0 + lag] + pr[b1 + lag] + pr[b2 + lag] + pr[b3 + lag];
            }
            for (int k = 1; k < 4; k++) {
                backward(missing[i + k], common + 1, Math.min(missing[i + k], lags), span);
            }
            common = Math.min(span - 1 - g3, lags);
            for (int lag = 1; lag <= common; lag++) {
                corrQ[lag] += qv[g0 + lag] + qv[g1 + lag] + qv[g2 + lag] + qv[g3 + lag];
                corrP[lag] -= pv[g0 + lag] + pv[g1 + lag] + pv[g2 + lag] + pv[g3 + lag];
            }
            for (int k = 0; k < 3; k++) {
                forward(missing[i + k], common + 1, Math.min(span - 1 - missing[i + k], lags));
            }
        }
        for (; i < gaps; i++) {
            backward(missing[i], 1, Math.min(missing[i], lags), span);
            forward(missing[i], 1, Math.min(span - 1 - missing[i], lags));
        }
        // missingBefore[j] = number of missing frames < j; pairs lose those starting or ending on a gap.
        int c = 0;
        int next = 0;
        for (int j = 0; j <= span; j++) {
            missingBefore[j] = c;
            if (next < gaps && missing[next] == j) {
                c++;
                next++;
            }
        }
        java.util.Arrays.fill(bothMissing, 0, lags + 1, 0);
        for (int a = 0; a < gaps; a++) {
            for (int b = a + 1; b < gaps; b++) {
                int d = missing[b] - missing[a];
                if (d > lags) {
                    break;
                }
                bothMissing[d]++;
            }
        }
    }

    /** Pairs ending on the missing frame g, for lags from..to: partners g - lag, via the reversed copies. */
    private void backward(int g, int from, int to, int span) {
        int base = span - 1 - g;
        for (int lag = from; lag <= to; lag++) {
            corrQ[lag] += qr[base + lag];
            corrP[lag] += pr[base + lag];
        }
    }

    /** Pairs starting on the missing frame g, for lags from..to: partners g + lag. */
    private void forward(int g, int from, int to) {
        for (int lag = from; lag <= to; lag++) {
            corrQ[lag] += qv[g + lag];
            corrP[lag] -= pv[g + lag];
        }
    }

    /** Sum of squared displacements over the pairs exactly {@code lag} frames apart, in the order of the direct sum. */
    private static double directAtLag(double[] x, double[] y, int lag) {
        double total = 0;
        for (int i = 0, j = lag; j < x.length; i++, j++) {
            double dx = x[j] - x[i];
            double dy = y[j] - y[i];
            total += dx * dx + dy * dy;
        }
        return total;
    }

    /**
     * The same with missing frames, over frame-indexed copies (zero where missing) and a 0/1 mask: branch-free, so
     * the guard costs about as much as for a complete track. Differences of raw coordinates are exact for close
     * values, as in the direct sum, and the terms come in the same order, so the result matches it.
     */
    private double directAtLag(int lag, int span) {
        double total = 0;
        for (int k = 0, j = lag; j < span; k++, j++) {
            double dx = denseX[j] - denseX[k];
            double dy = denseY[j] - denseY[k];
            total += mask[k] * mask[j] * (dx * dx + dy * dy);
        }
        return total;
    }

    private void fillDense(int[] frames, double[] x, double[] y, int span) {
        java.util.Arrays.fill(denseX, 0, span, 0);
        java.util.Arrays.fill(denseY, 0, span, 0);
        java.util.Arrays.fill(mask, 0, span, 0);
        for (int i = 0; i < frames.length; i++) {
            int k = frames[i] - frames[0];
            denseX[k] = x[i];
            denseY[k] = y[i];
            mask[k] = 1;
        }
    }

    private void ensureCapacity(int m, int span) {
        if (re.length < m) {
            re = new double[m];
            im = new double[m];
            acf = new double[m];
        }
        if (qv.length < span) {
            qv = new double[span];
            pv = new double[span];
            qr = new double[span];
            pr = new double[span];
            prefixQ = new double[span + 1];
            prefixP = new double[span + 1];
            corrQ = new double[span + 1];
            corrP = new double[span + 1];
            missing = new int[span];
            missingBefore = new int[span + 1];
            bothMissing = new long[span + 1];
            denseX = new double[span];
            denseY = new double[span];
            mask = new double[span];
        }
    }
}
