package org.lptem.simulate;

/**
 * Steele, Lea and Flood's SplitMix64 generator, written out here rather than taken from the JDK so that a seed
 * gives the same video on every Java version (the JDK documents no algorithm for {@code Random} subclasses'
 * future behaviour, and {@code SplittableRandom}'s split order is an implementation detail).
 *
 * <p>Every independent random quantity of the simulation draws from its own stream, keyed by what it is for
 * (placement, motion of particle k, shot noise of row y of frame i, ...). That is what makes frame i a function of
 * (seed, i) alone, whatever order frames are requested in, and lets a longer video share its first frames with a
 * shorter one.
 */
final class SplitMix64 {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    /** Stream keys: distinct constants so that, e.g., radii and shot noise never share numbers. */
    static final long RADII = 1;
    static final long PLACEMENT = 2;
    static final long MOTION = 3;
    static final long SHOT_NOISE = 4;
    static final long READ_NOISE = 5;
    static final long ORIENTATION = 6;
    static final long ROTATION = 7;
    static final long DOSE = 8;
    static final long DISTRACTOR_PLACEMENT = 9;
    static final long DISTRACTOR_MOTION = 10;

    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    /** A generator for the stream named by {@code keys} under the user's {@code seed}. */
    static SplitMix64 stream(long seed, long... keys) {
        long h = mix64(seed + GOLDEN_GAMMA);
        for (long k : keys) {
            // Mixing the running hash with each key (not summing keys) keeps (1, 2) and (2, 1) apart.
            h = mix64(h ^ mix64(k * GOLDEN_GAMMA + 0x632BE59BD9B4E019L));
        }
        return new SplitMix64(h);
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix64(state);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * Standard normal by Marsaglia and Tsang's ziggurat (J. Stat. Softw. 5(8), 2000), 128 layers: exact (rejection
     * under the density, with the tail beyond R sampled by Marsaglia's exponential method), and about three times
     * faster than the polar method, which matters where every pixel of a frame draws one (read noise).
     */
    double nextGaussian() {
        while (true) {
            long bits = nextLong();
            int layer = (int) (bits & Ziggurat.LAST);
            // The low 7 bits that pick the layer move the value by under 2^-56 of itself: no usable correlation.
            if (Math.abs(bits) < Ziggurat.K[layer]) {
                return bits * Ziggurat.W[layer];
            }
            double x = bits * Ziggurat.W[layer];
            if (layer == 0) {
                double tail;
                double y;
                do {
                    tail = -Math.log(1 - nextDouble()) / Ziggurat.R;
                    y = -Math.log(1 - nextDouble());
                } while (y + y < tail * tail);
                return bits > 0 ? Ziggurat.R + tail : -(Ziggurat.R + tail);
            }
            if (Ziggurat.F[layer] + nextDouble() * (Ziggurat.F[layer - 1] - Ziggurat.F[layer]) < Math.exp(-0.5 * x * x)) {
                return x;
            }
        }
    }

    /**
     * Tables of the 128-layer ziggurat under exp(-x^2/2): layer i > 0 is the strip [0, x_i] x [f(x_i), f(x_(i-1))];
     * layer 0 the base strip of area V including the tail beyond R. K holds the fraction of each strip's width that
     * lies wholly under the curve, scaled to 2^63, W the width per unit of a 64-bit integer.
     */
    private static final class Ziggurat {
        static final double R = 3.442619855899;
        static final double V = 9.91256303526217e-3;
        static final int LAYERS = 128;
        static final int LAST = LAYERS - 1;
        static final long[] K = new long[LAYERS];
        static final double[] W = new double[LAYERS];
        static final double[] F = new double[LAYERS];

        static {
            double max = 0x1p63;
            double d = R;
            double t = d;
            double fd = Math.exp(-0.5 * d * d);
            double q = V / fd;
            K[0] = (long) ((d / q) * max);
            K[1] = 0;
            W[0] = q / max;
            W[LAST] = d / max;
            F[0] = 1;
            F[LAST] = fd;
            for (int i = LAST - 1; i >= 1; i--) {
                d = Math.sqrt(-2 * Math.log(V / d + fd));
                fd = Math.exp(-0.5 * d * d);
                K[i + 1] = (long) ((d / t) * max);
                t = d;
                F[i] = fd;
                W[i] = d / max;
            }
        }
    }
}
