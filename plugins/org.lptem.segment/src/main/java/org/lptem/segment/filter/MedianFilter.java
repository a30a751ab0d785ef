package org.lptem.segment.filter;

import org.lptem.core.image.GaussianBlur;
import org.lptem.core.math.OrderStatistics;

/**
 * Median over a square window with reflecting borders (as {@link GaussianBlur}). It removes isolated hot or dead
 * pixels and keeps step edges where a blur would spread them. Cost grows with the window area: meant for radii of
 * 1 to 3 px.
 */
public final class MedianFilter {
    private MedianFilter() {
    }

    /** The median of the {@code (2 radius + 1)^2} window around every pixel; radius 0 returns a copy. */
    public static float[] filter(float[] image, int width, int height, int radius) {
        DistanceTransform.checkSize(image.length, width, height);
        if (radius < 0) {
            throw new IllegalArgumentException("median radius must be >= 0, got " + radius);
        }
        if (radius == 0) {
            return image.clone();
        }
        int side = 2 * radius + 1;
        int[] columns = new int[width + 2 * radius];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = GaussianBlur.reflect(i - radius, width);
        }
        double[] window = new double[side * side];
        float[] out = new float[image.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int n = 0;
                for (int dy = -radius; dy <= radius; dy++) {
                    int row = GaussianBlur.reflect(y + dy, height) * width;
                    for (int j = 0; j < side; j++) {
                        window[n++] = image[row + columns[x + j]];
                    }
                }
                out[y * width + x] = (float) OrderStatistics.rank(window, n, n / 2);
            }
        }
        return out;
    }
}
