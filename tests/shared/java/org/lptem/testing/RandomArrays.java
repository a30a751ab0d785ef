package org.lptem.testing;

import java.util.Random;

/** Seeded test inputs. Compiled into the tests of each module that needs it (tests/shared). */
public final class RandomArrays {
    private RandomArrays() {
    }

    /** {@code n} standard normal floats from {@code java.util.Random(seed)}. */
    public static float[] gaussian(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }
}
