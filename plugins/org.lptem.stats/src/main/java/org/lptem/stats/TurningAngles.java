package org.lptem.stats;

import java.util.List;

/**
 * Angles between successive steps of {@code stepFrames} frames (r(t) to r(t+s), then on to r(t+2s)), in degrees in
 * (-180, 180], positive for a turn from +x towards +y (clockwise on screen, where y points down, as for
 * {@link org.lptem.core.Detection#orientationDeg()}). Uniform for Brownian motion; peaked at +-180 (reversals) for subdiffusion and at 0 (persistence) for
 * superdiffusion. Steps of zero length have no direction and are skipped.
 *
 * @param stepFrames s
 * @param n number of angles
 * @param meanCosine {@code <cos theta>}: 0 uniform, > 0 persistent, < 0 anti-persistent
 * @param centresDeg bin centres, degrees
 * @param density per bin, 1/degree
 */
public record TurningAngles(int stepFrames, long n, double meanCosine, double[] centresDeg, double[] density) {

    public static TurningAngles of(List<TrackSeries> tracks, int stepFrames, int bins) {
        if (stepFrames < 1 || bins < 1) {
            throw new org.lptem.core.LptemException("turning angles need a step >= 1 frame and >= 1 bin");
        }
        double width = 360.0 / bins;
        double[] hist = new double[bins];
        long n = 0;
        double cosSum = 0;
        for (TrackSeries t : tracks) {
            int[] f = t.frames();
            java.util.Map<Integer, Integer> index = new java.util.HashMap<>();
            for (int i = 0; i < f.length; i++) {
                index.put(f[i], i);
            }
            for (int i = 0; i < f.length; i++) {
                Integer j = index.get(f[i] + stepFrames);
                Integer k = index.get(f[i] + 2 * stepFrames);
                if (j == null || k == null) {
                    continue;
                }
                double ax = t.x()[j] - t.x()[i];
                double ay = t.y()[j] - t.y()[i];
                double bx = t.x()[k] - t.x()[j];
                double by = t.y()[k] - t.y()[j];
                if ((ax == 0 && ay == 0) || (bx == 0 && by == 0)) {
                    continue;
                }
                double angle = Math.toDegrees(Math.atan2(ax * by - ay * bx, ax * bx + ay * by));
                cosSum += Math.cos(Math.toRadians(angle));
                int b = (int) Math.floor((angle + 180) / width);
                hist[Math.min(bins - 1, Math.max(0, b))]++;
                n++;
            }
        }
        double[] centres = new double[bins];
        for (int b = 0; b < bins; b++) {
            centres[b] = -180 + (b + 0.5) * width;
            hist[b] = n > 0 ? hist[b] / (n * width) : Double.NaN;
        }
        return new TurningAngles(stepFrames, n, n > 0 ? cosSum / n : Double.NaN, centres, hist);
    }
}
