package org.lptem.io;

/** Scales that microscope formats store as float32. */
final class Floats {
    private Floats() {
    }

    /**
     * The shortest decimal that rounds to {@code f}: a scale typed as 0.193 is stored as the float nearest to it and
     * should read back as 0.193, not as 0.19300000369548798.
     */
    static double decimal(float f) {
        return Double.parseDouble(Float.toString(f));
    }
}
