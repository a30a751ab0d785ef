package org.lptem.segment.filter;

import org.lptem.core.image.GaussianBlur;

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
        float[] window = new float[side * side];
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
                out[y * width + x] = select(window, n / 2);
            }
        }
        return out;
    }

    /** The k-th smallest of {@code a} (Hoare's quickselect; reorders a). */
    static float select(float[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        while (lo < hi) {
            float pivot = a[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    float t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }
}
