package org.lptem.simulate;

/**
 * A particle as the beam sees it: a projected thickness map around its centre, in pixel units. Rods, prisms and
 * cubes will implement this too; everything about rendering and ground truth goes through it.
 */
interface ParticleShape {

    /** No part of the particle lies farther than this from its centre, px. */
    double boundingRadiusPx();

    /** Projected thickness along the beam at offset (dx, dy) px from the centre, px (0 outside). */
    double thicknessPx(double dx, double dy);

    /**
     * Signed distance from (dx, dy) to the projected outline, px: negative inside. Rendering supersamples pixels
     * within a pixel's half-diagonal of the outline, where the thickness is not smooth.
     */
    double signedDistancePx(double dx, double dy);

    /** True projected area, px^2. */
    double areaPx2();

    /** Full length of the major axis of the projected outline, px. */
    double majorAxisPx();

    /** Full length of the minor axis of the projected outline, px. */
    double minorAxisPx();

    /** Major axis angle in degrees, (-90, 90], or NaN when the outline has no orientation (a disk). */
    double orientationDeg();

    default boolean covers(double dx, double dy) {
        return signedDistancePx(dx, dy) <= 0;
    }
}
