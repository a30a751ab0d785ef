package org.lptem.core;

/**
 * One particle found in one frame. Positions are in pixels with the origin at the centre of the top-left pixel,
 * x to the right and y down (the SAM-EM and ImageJ convention). Orientation is the major axis angle in degrees in
 * (-90, 90], measured from +x towards +y (so clockwise on screen), with the 180 degree ambiguity of an ellipse.
 *
 * @param frame 0-based frame index
 * @param x centroid column, px
 * @param y centroid row, px
 * @param area region area, px^2 (number of pixels)
 * @param orientationDeg major axis angle, degrees
 * @param majorAxis full length of the major axis of the equivalent ellipse, px
 * @param minorAxis full length of the minor axis of the equivalent ellipse, px
 * @param meanIntensity mean raw pixel value inside the region
 * @param score detector confidence in [0, 1] (contrast-based for the classical detector)
 * @param label label value of the region in that frame's label image (1-based; 0 means none)
 */
public record Detection(int frame, double x, double y, double area, double orientationDeg, double majorAxis,
        double minorAxis, double meanIntensity, double score, int label) {

    /**
     * Regions less elongated than this (major / minor axis) have no orientation worth measuring: the axis of a round
     * region is set by pixel noise.
     */
    public static final double MIN_AXIS_RATIO_FOR_ORIENTATION = 1.2;

    /**
     * Whether the orientation means something: it is known and, where the axes are known, the region is elongated
     * (a one-pixel-wide line has an exact axis; a single pixel, both axes 0, has none). Without axes (a table with
     * an orientation column only) the orientation is taken as given.
     */
    public boolean hasOrientation() {
        if (!Double.isFinite(orientationDeg)) {
            return false;
        }
        if (Double.isNaN(majorAxis) || Double.isNaN(minorAxis)) {
            return true;
        }
        return majorAxis > 0 && majorAxis >= MIN_AXIS_RATIO_FOR_ORIENTATION * minorAxis;
    }

    /** A detection with only a position, for linkers and statistics fed from a plain table. */
    public static Detection at(int frame, double x, double y) {
        return new Detection(frame, x, y, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
    }
}
