package org.lptem.segment;

import org.lptem.core.Detection;

/**
 * Shape and intensity of one labelled region. Coordinates in pixels, origin at the centre of the top-left pixel,
 * x to the right, y down; the orientation follows the SAM-EM convention {@code degrees(0.5 atan2(2 mu11, mu20 -
 * mu02))} in (-90, 90].
 *
 * @param label the region's label
 * @param area number of pixels
 * @param x centroid column
 * @param y centroid row
 * @param orientationDeg major axis angle from +x towards +y, degrees
 * @param majorAxis full major axis of the ellipse with the same second moments, px
 * @param minorAxis full minor axis of that ellipse, px
 * @param eccentricity sqrt(1 - minor^2 / major^2) of that ellipse: 0 for a disc, towards 1 for a line
 * @param perimeter length of the outline, px, weighted by local configuration (scikit-image's estimator: straight
 *     steps 1, diagonal sqrt 2, corners (1 + sqrt 2) / 2); 0 for a single pixel
 * @param solidity area / area of the convex hull of the pixel squares: 1 for convex shapes, less for concave
 * @param minX left column of the bounding box (inclusive)
 * @param minY top row of the bounding box (inclusive)
 * @param maxX right column (inclusive)
 * @param maxY bottom row (inclusive)
 * @param meanIntensity mean of the measured image over the region
 */
public record Region(int label, long area, double x, double y, double orientationDeg, double majorAxis,
        double minorAxis, double eccentricity, double perimeter, double solidity, int minX, int minY, int maxX,
        int maxY, double meanIntensity) {

    /** The region as a detection of {@code frame} (the detection keeps position, area, axes and orientation). */
    public Detection toDetection(int frame, double score) {
        return new Detection(frame, x, y, area, orientationDeg, majorAxis, minorAxis, meanIntensity, score, label);
    }

    /** Diameter of the disc with the region's area, px. */
    public double equivalentDiameter() {
        return Math.sqrt(4 * area / Math.PI);
    }
}
