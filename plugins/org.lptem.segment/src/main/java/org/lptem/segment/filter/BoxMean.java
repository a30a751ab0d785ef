package org.lptem.segment.filter;

/**
 * Mean over the {@code (2 radius + 1)^2} window around every pixel, from a summed-area table, so the cost does not
 * grow with the radius. Near the borders the window is cut to the image and the mean taken over what is left, so
 * no reflected copy of a particle can darken the border.
 */
public final class BoxMean {
    private BoxMean() {
    }

    public static float[] filter(float[] image, int width, int height, int radius) {
        DistanceTransform.checkSize(image.length, width, height);
        if (radius < 0) {
            throw new IllegalArgumentException("box radius must be >= 0, got " + radius);
        }
        // Sums in double: a million 16-bit values would lose the low digits in float.
        int w1 = width + 1;
        double[] table = new double[w1 * (height + 1)];
        for (int y = 0; y < height; y++) {
            double rowSum = 0;
            for (int x = 0; x < width; x++) {
                rowSum += image[y * width + x];
                table[(y + 1) * w1 + x + 1] = table[y * w1 + x + 1] + rowSum;
            }
        }
        float[] out = new float[image.length];
        for (int y = 0; y < height; y++) {
            int y0 = Math.max(0, y - radius);
            int y1 = Math.min(height, y + radius + 1);
            for (int x = 0; x < width; x++) {
                int x0 = Math.max(0, x - radius);
                int x1 = Math.min(width, x + radius + 1);
                double sum = table[y1 * w1 + x1] - table[y0 * w1 + x1] - table[y1 * w1 + x0] + table[y0 * w1 + x0];
                out[y * width + x] = (float) (sum / ((long) (x1 - x0) * (y1 - y0)));
            }
        }
        return out;
    }
}
