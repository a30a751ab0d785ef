package org.lptem.leonardo;

/**
 * One training trajectory: {@code length} consecutive frames of one track, normalised the reference way (each axis
 * shifted so that its minimum is 0, both axes divided by the larger of the two extents, so positions lie in [0, 1]).
 *
 * @param particle track id it was cut from
 * @param firstFrame frame of its first point
 * @param xy normalised positions, interleaved x0, y0, x1, y1, ...
 * @param extentPx the divisor: the larger extent of the raw window, px
 */
public record Window(int particle, int firstFrame, float[] xy, double extentPx) {

    public int length() {
        return xy.length / 2;
    }

    /**
     * Normalises raw positions (px); returns null for a window that does not move (zero extent), which has no
     * shape to learn.
     */
    static Window of(int particle, int firstFrame, double[] x, double[] y, int from, int length) {
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = from; i < from + length; i++) {
            minX = Math.min(minX, x[i]);
            maxX = Math.max(maxX, x[i]);
            minY = Math.min(minY, y[i]);
            maxY = Math.max(maxY, y[i]);
        }
        double extent = Math.max(maxX - minX, maxY - minY);
        if (!(extent > 0)) {
            return null;
        }
        float[] xy = new float[2 * length];
        for (int i = 0; i < length; i++) {
            xy[2 * i] = (float) ((x[from + i] - minX) / extent);
            xy[2 * i + 1] = (float) ((y[from + i] - minY) / extent);
        }
        return new Window(particle, firstFrame, xy, extent);
    }
}
