package org.lptem.io;

/** A TIFF RATIONAL: two unsigned 32-bit integers. */
record Rational(long numerator, long denominator) {
    static final long MAX = 0xFFFFFFFFL;

    /**
     * The continued-fraction convergent of {@code x} with the smallest terms that still divides back to exactly
     * {@code x} as a double, or the closest one that fits 32 bits. Decimal scales such as 0.193 come out as
     * 193/1000, so a pixel size written this way reads back bit for bit.
     */
    static Rational approximate(double x) {
        if (!(x > 0) || Double.isInfinite(x)) {
            throw new IllegalArgumentException("need a positive finite number, got " + x);
        }
        if (x >= MAX) {
            return new Rational(MAX, 1);
        }
        long p0 = 0;
        long q0 = 1;
        long p1 = 1;
        long q1 = 0;
        Rational best = null;
        double r = x;
        for (int i = 0; i < 64; i++) {
            double a = Math.floor(r);
            if (a > MAX) {
                break;
            }
            long ai = (long) a;
            if (ai > 0 && (p1 > (MAX - p0) / ai || q1 > (MAX - q0) / ai)) {
                break;
            }
            long p2 = ai * p1 + p0;
            long q2 = ai * q1 + q0;
            p0 = p1;
            q0 = q1;
            p1 = p2;
            q1 = q2;
            if (p2 > 0) {
                best = new Rational(p2, q2);
                if ((double) p2 / q2 == x) {
                    break;
                }
            }
            double frac = r - a;
            if (frac <= 0) {
                break;
            }
            r = 1 / frac;
        }
        if (best == null) {
            return new Rational(1, MAX); // below 1 / 2^32: the closest representable
        }
        return best;
    }

    Rational inverse() {
        return new Rational(denominator, numerator);
    }
}
