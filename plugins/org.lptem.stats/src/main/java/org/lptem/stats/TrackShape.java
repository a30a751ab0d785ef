package org.lptem.stats;

/**
 * Geometric descriptors of one track, px.
 *
 * @param particle track id
 * @param points number of points
 * @param spanFrames frames from first to last point
 * @param pathLength sum of the distances between successive points, px
 * @param netDisplacement distance from the first to the last point, px
 * @param confinementRatio net displacement over path length (1 for a straight line, near 0 for a confined or
 *            diffusing particle observed long), NaN for a track that never moved
 * @param radiusOfGyration root mean squared distance of the points from their centroid, px
 * @param asymmetry {@code (l1 - l2)^2 / (l1 + l2)^2} of the gyration tensor's eigenvalues: 0 for an isotropic
 *            cloud, 1 for points on a line
 */
public record TrackShape(int particle, int points, int spanFrames, double pathLength, double netDisplacement,
        double confinementRatio, double radiusOfGyration, double asymmetry) {

    public static TrackShape of(TrackSeries t) {
        int n = t.size();
        double[] x = t.x();
        double[] y = t.y();
        double path = 0;
        double cx = 0;
        double cy = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                path += Math.hypot(x[i] - x[i - 1], y[i] - y[i - 1]);
            }
            cx += x[i];
            cy += y[i];
        }
        cx /= n;
        cy /= n;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - cx;
            double dy = y[i] - cy;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        sxx /= n;
        syy /= n;
        sxy /= n;
        double trace = sxx + syy;
        double diff = Math.sqrt((sxx - syy) * (sxx - syy) + 4 * sxy * sxy); // l1 - l2
        double net = Math.hypot(x[n - 1] - x[0], y[n - 1] - y[0]);
        return new TrackShape(t.particle(), n, t.spanFrames(), path, net, path > 0 ? net / path : Double.NaN,
                Math.sqrt(trace), trace > 0 ? diff * diff / (trace * trace) : Double.NaN);
    }
}
