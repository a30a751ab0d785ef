package org.lptem.segment.filter;

/**
 * Background under (or over) particles by rolling a ball along the intensity surface: the grey-scale opening (or
 * closing) with the ball's apex paraboloid, as ImageJ's "sliding paraboloid" does. The paraboloid separates over the
 * axes, so the cost per pixel does not grow with the radius, unlike a true ball.
 *
 * <p>A ball mixes pixels and intensities, so its height needs a unit: {@code heightUnit} intensity units per pixel.
 * The segmenter passes the noise sigma of the image it rolls over, which makes the ball's stiffness independent of
 * bit depth and gain.
 */
public final class RollingBall {
    private RollingBall() {
    }

    /**
     * The background of {@code image}.
     *
     * @param radiusPx ball radius: features narrower than about this are removed from the background
     * @param heightUnit intensity units per pixel of ball height (> 0)
     * @param fromAbove true to roll over the surface (dark particles on a bright background: a closing), false to
     *     roll under it (bright particles: an opening)
     */
    public static float[] background(float[] image, int width, int height, double radiusPx, double heightUnit,
            boolean fromAbove) {
        DistanceTransform.checkSize(image.length, width, height);
        if (!(radiusPx > 0) || !(heightUnit > 0) || Double.isInfinite(radiusPx) || Double.isInfinite(heightUnit)) {
            throw new IllegalArgumentException("rolling ball radius and height unit must be finite and > 0, got "
                    + radiusPx + " and " + heightUnit);
        }
        // z = R - r^2 / (2R) near the apex of a ball of radius R, in heightUnit per pixel.
        double c = heightUnit / (2 * radiusPx);
        float[] work = image.clone();
        if (fromAbove) {
            dilate(work, width, height, c);
            erode(work, width, height, c);
        } else {
            erode(work, width, height, c);
            dilate(work, width, height, c);
        }
        return work;
    }

    /** Erosion by the paraboloid: min over q of f(q) + c |p - q|^2. */
    static void erode(float[] image, int width, int height, double c) {
        ParabolicEnvelope.apply2d(image, width, height, c);
    }

    /** Dilation by the paraboloid, max over q of f(q) - c |p - q|^2, as the erosion of the negative. */
    static void dilate(float[] image, int width, int height, double c) {
        negate(image);
        ParabolicEnvelope.apply2d(image, width, height, c);
        negate(image);
    }

    private static void negate(float[] image) {
        for (int i = 0; i < image.length; i++) {
            image[i] = -image[i];
        }
    }
}
