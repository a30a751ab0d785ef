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

    private long state;
    private double spareGaussian;
    private boolean hasSpare;

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

    /** Standard normal by Marsaglia's polar method (exact, no tables). */
    double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = Math.sqrt(-2 * Math.log(s) / s);
        spareGaussian = v * f;
        hasSpare = true;
        return u * f;
    }
}
