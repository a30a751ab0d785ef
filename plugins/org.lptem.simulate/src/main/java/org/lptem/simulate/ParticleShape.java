package org.lptem.simulate;

/**
 * A particle as the beam sees it: a projected thickness map around its centre, in pixel units, at one in-plane
 * orientation. Everything about rendering and ground truth goes through it.
 */
interface ParticleShape {

    /** No part of the particle lies farther than this from its centre, px. */
    double boundingRadiusPx();

    /** Projected thickness along the beam at offset (dx, dy) px from the centre, px (0 outside). */
    double thicknessPx(double dx, double dy);

    /**
     * Signed distance from (dx, dy) to the projected outline, px: negative inside. Rendering supersamples pixels
     * within a pixel's half-diagonal of the outline, where the thickness is not smooth. Polygons may underestimate
     * the distance outside the outline (never overestimate it), which only costs extra supersampling.
     */
    double signedDistancePx(double dx, double dy);

    /** True projected area, px^2. */
    double areaPx2();

    /** Full length of the outline along its long direction (rod: tip to tip; prism: edge; disk: diameter), px. */
    double majorAxisPx();

    /** Full length of the outline across it (rod: diameter; prism: height of the triangle), px. */
    double minorAxisPx();

    /**
     * In-plane orientation in degrees, reduced by the outline's symmetry: rods (-90, 90] (the long axis, as
     * {@link org.lptem.core.Detection#orientationDeg()}), prisms (-60, 60] (a vertex), cubes (-45, 45] (an edge
     * normal); NaN for disks. Angles run from +x towards +y, clockwise on screen.
     */
    double orientationDeg();

    /** Largest projected thickness, px. */
    double maxThicknessPx();

    /** The same particle turned to {@code angleRad} in the image plane (disks ignore it). */
    ParticleShape rotatedTo(double angleRad);

    /** True when turning the particle changes its image: it then carries an orientation that diffuses. */
    boolean anisotropic();

    default boolean covers(double dx, double dy) {
        return signedDistancePx(dx, dy) <= 0;
    }
}
