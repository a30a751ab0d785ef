package org.lptem.stats;

import java.util.concurrent.ConcurrentHashMap;

/**
 * In-place radix-2 complex FFT on separate real and imaginary arrays. Commons Math's transformer allocates a
 * {@code Complex} per sample, which alone would cost more than the whole all-lag MSD budget (10,000 tracks x 1,000
 * frames in 1.5 s), so the statistics use this one. Twiddle factors come from {@code Math.cos/sin} for every index
 * (not a recurrence), stage by stage in contiguous tables, so the transform stays accurate to a few ulps times log n:
 * the FFT MSD has to match the direct sum to 1e-12.
 */
final class Fft {
    private static final ConcurrentHashMap<Integer, Fft> CACHE = new ConcurrentHashMap<>();

    private final int n;
    /** Bit-reversal swap pairs, flattened: i0, j0, i1, j1, ... */
    private final int[] swaps;
    /** exp(-2 pi i j / s) for each stage size s = 2, 4, ..., n and j < s/2, stage after stage. */
    private final double[] cos;
    private final double[] sin;
    /** The half-size plan of {@link #realPartOfInverse}, looked up once: map lookups showed in profiles. */
    private Fft halfPlan;

    private Fft(int n) {
        this.n = n;
        int bits = Integer.numberOfTrailingZeros(n);
        int[] pairs = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            int j = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
            if (j > i) {
                pairs[count++] = i;
                pairs[count++] = j;
            }
        }
        swaps = java.util.Arrays.copyOf(pairs, count);
        cos = new double[Math.max(1, n - 1)];
        sin = new double[Math.max(1, n - 1)];
        int offset = 0;
        for (int size = 2; size <= n; size <<= 1) {
            int half = size >> 1;
            for (int j = 0; j < half; j++) {
                double angle = 2 * Math.PI * j / size;
                cos[offset + j] = Math.cos(angle);
                sin[offset + j] = -Math.sin(angle);
            }
            offset += half;
        }
    }

    /** The transform of size {@code n}, a power of two; plans are shared because they are immutable. */
    static Fft of(int n) {
        if (n < 1 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two, got " + n);
        }
        return CACHE.computeIfAbsent(n, Fft::new);
    }

    /** The smallest power of two that is at least {@code length}. */
    static int sizeFor(int length) {
        return length <= 1 ? 1 : Integer.highestOneBit(length - 1) << 1;
    }

    int size() {
        return n;
    }

    /** X_k = sum_j x_j exp(-2 pi i j k / n), unscaled. */
    void forward(double[] re, double[] im) {
        transform(re, im, false);
    }

    /** x_j = (1/n) sum_k X_k exp(+2 pi i j k / n). */
    void inverse(double[] re, double[] im) {
        transform(re, im, true);
        double scale = 1.0 / n;
        for (int i = 0; i < n; i++) {
            re[i] *= scale;
            im[i] *= scale;
        }
    }

    /**
     * The real part of the inverse transform of a real spectrum, {@code x_j = (1/n) sum_k P_k cos(2 pi j k / n)},
     * by one complex FFT of half the size: the real part only depends on the even part of P, whose inverse is real,
     * and a real sequence is the even and odd samples packed into one half-length complex sequence. Saves a quarter
     * of the FFT time of the MSD. {@code p} is overwritten; {@code work} needs n/2 doubles; the result goes to
     * {@code out[0..n)}.
     */
    void realPartOfInverse(double[] p, double[] out, double[] work) {
        if (n < 4) {
            double[] zero = new double[n];
            System.arraycopy(p, 0, out, 0, n);
            inverse(out, zero);
            return;
        }
        int half = n / 2;
        int lastStage = n - 1 - half; // offset of the size-n stage in the twiddle tables
        double[] zr = out;
        double[] zi = work;
        for (int k = 0; k < half; k++) {
            double a = 0.5 * (p[k] + p[(n - k) & (n - 1)]);
            double b = 0.5 * (p[k + half] + p[half - k]);
            double even = 0.5 * (a + b);
            double odd = 0.5 * (a - b);
            double c = cos[lastStage + k];
            double sn = -sin[lastStage + k]; // the table holds -sin for the forward transform
            zr[k] = even - odd * sn;
            zi[k] = odd * c;
        }
        if (halfPlan == null) {
            halfPlan = Fft.of(half);
        }
        halfPlan.inverse(zr, zi);
        // unpack in place from the top, so that no sample is overwritten before it is read
        for (int k = half - 1; k >= 0; k--) {
            double r = zr[k];
            double i = zi[k];
            out[2 * k] = r;
            out[2 * k + 1] = i;
        }
    }

    private void transform(double[] re, double[] im, boolean inverse) {
        for (int k = 0; k < swaps.length; k += 2) {
            int i = swaps[k];
            int j = swaps[k + 1];
            double t = re[i];
            re[i] = re[j];
            re[j] = t;
            t = im[i];
            im[i] = im[j];
            im[j] = t;
        }
        // The first stage has the twiddle 1 only: a plain sum and difference.
        for (int a = 0; a + 1 < n; a += 2) {
            double br = re[a + 1];
            double bi = im[a + 1];
            re[a + 1] = re[a] - br;
            im[a + 1] = im[a] - bi;
            re[a] += br;
            im[a] += bi;
        }
        double sign = inverse ? -1 : 1;
        int offset = 1;
        for (int size = 4; size <= n; size <<= 1) {
            int half = size >> 1;
            for (int start = 0; start < n; start += size) {
                for (int j = 0; j < half; j++) {
                    double wr = cos[offset + j];
                    double wi = sign * sin[offset + j];
                    int a = start + j;
                    int b = a + half;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
            offset += half;
        }
    }
}
