package org.lptem.segment.filter;

/**
 * Exact Euclidean distance transform in linear time: the paraboloid lower envelope applied along columns, then
 * rows. Pixels outside the image are never sites.
 */
public final class DistanceTransform {
    private DistanceTransform() {
    }

    /**
     * Squared distance from every pixel to the nearest {@code true} pixel of {@code sites} (0 on the sites; infinite
     * everywhere when there is no site). Squared distances of a pixel grid are integers, so float holds them exactly
     * up to 2^24.
     */
    public static float[] squaredToNearest(boolean[] sites, int width, int height) {
        checkSize(sites.length, width, height);
        float[] d = new float[sites.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = sites[i] ? 0 : Float.POSITIVE_INFINITY;
        }
        ParabolicEnvelope.apply2d(d, width, height, 1);
        return d;
    }

    /**
     * Distance from every foreground pixel to the nearest background pixel (0 on the background), the depth map
     * whose maxima mark the centres of touching round particles.
     */
    public static float[] insideDistance(boolean[] foreground, int width, int height) {
        checkSize(foreground.length, width, height);
        boolean[] background = new boolean[foreground.length];
        for (int i = 0; i < background.length; i++) {
            background[i] = !foreground[i];
        }
        float[] d = squaredToNearest(background, width, height);
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) Math.sqrt(d[i]);
        }
        return d;
    }

    static void checkSize(int length, int width, int height) {
        if (width <= 0 || height <= 0 || (long) width * height != length) {
            throw new IllegalArgumentException("image of " + width + " x " + height + " cannot hold " + length
                    + " pixels");
        }
    }
}
