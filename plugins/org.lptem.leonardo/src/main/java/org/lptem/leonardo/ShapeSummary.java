package org.lptem.leonardo;

/**
 * What a trajectory's shape says about its size, measured at unit extent (its larger axis range brought to 1): the
 * log10 kurtosis of its frame-to-frame steps (both axes pooled) and the log10 of their mean square. In the
 * acceptance mix these two explain 95 % of the variance of the windows' log extents (the lag-1 kurtosis alone 88 %:
 * waiting, jumping windows are small, diffusing ones large), where the trajectory latent explains 23 % (bundle
 * README, "Sizes that follow shapes"). The generator of a per-frame model draws each trajectory's extent given its
 * latent and this summary of its decoded shape ({@link LeonardoModel#shapeExtentPrior()}).
 */
final class ShapeSummary {
    /** Values per trajectory. */
    static final int SIZE = 2;
    /** The mean square step given to a trajectory that does not move (its log is finite; such shapes are rare). */
    static final double STILL_MEAN_SQUARE = 1e-12;

    private ShapeSummary() {
    }

    /**
     * The summary of the trajectory at {@code base} of {@code xy} (interleaved x, y, {@code length} frames) written to
     * {@code out} from {@code at}: log10 kurtosis (1, its least value, for a trajectory that does not move) and
     * log10 mean square of the steps at unit extent.
     */
    static void of(float[] xy, int base, int length, float[] out, int at) {
        double extent = Generator.extent(xy, base, length);
        double m2 = 0;
        double m4 = 0;
        for (int t = 1; t < length; t++) {
            for (int axis = 0; axis < 2; axis++) {
                double d = (xy[base + 2 * t + axis] - xy[base + 2 * (t - 1) + axis]) / extent;
                double d2 = d * d;
                m2 += d2;
                m4 += d2 * d2;
            }
        }
        int steps = 2 * (length - 1);
        m2 /= steps;
        m4 /= steps;
        boolean still = !(m2 > 0);
        out[at] = (float) (still ? 0 : Math.log10(m4 / (m2 * m2)));
        out[at + 1] = (float) Math.log10(still ? STILL_MEAN_SQUARE : m2);
    }

    /**
     * What the shape extent prior conditions on for {@code n} codes {@code (n, codeSize)} and their decoded
     * trajectories {@code (n, length, 2)}: per trajectory its {@code latent} trajectory-latent values, then its
     * summary; {@code (n, latent + SIZE)} row-major.
     */
    static float[] conditioning(float[] codes, int codeSize, int latent, float[] decoded, int length, int n) {
        int k = latent + SIZE;
        float[] out = new float[n * k];
        for (int i = 0; i < n; i++) {
            System.arraycopy(codes, i * codeSize, out, i * k, latent);
            of(decoded, i * length * 2, length, out, i * k + latent);
        }
        return out;
    }
}
