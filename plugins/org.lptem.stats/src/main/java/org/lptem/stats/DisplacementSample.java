package org.lptem.stats;

import java.util.Arrays;
import java.util.List;

/**
 * All displacements over exactly {@code lag} frames, pooled over tracks and time origins (overlapping), px.
 *
 * @param lag frames
 * @param dx displacements along x
 * @param dy displacements along y
 */
public record DisplacementSample(int lag, double[] dx, double[] dy) {

    public static DisplacementSample of(List<TrackSeries> tracks, int lag) {
        int capacity = 0;
        for (TrackSeries t : tracks) {
            capacity += Math.max(0, t.size() - 1);
        }
        double[] dx = new double[capacity];
        double[] dy = new double[capacity];
        int n = 0;
        for (TrackSeries t : tracks) {
            int[] f = t.frames();
            double[] x = t.x();
            double[] y = t.y();
            int j = 0;
            for (int i = 0; i < f.length; i++) {
                int target = f[i] + lag;
                while (j < f.length && f[j] < target) {
                    j++;
                }
                if (j == f.length) {
                    break;
                }
                if (f[j] == target) {
                    dx[n] = x[j] - x[i];
                    dy[n] = y[j] - y[i];
                    n++;
                }
            }
        }
        return new DisplacementSample(lag, Arrays.copyOf(dx, n), Arrays.copyOf(dy, n));
    }

    public int size() {
        return dx.length;
    }

    /** x and y displacements in one array: the 1D projections that the van Hove function pools. */
    public double[] bothAxes() {
        double[] out = Arrays.copyOf(dx, dx.length + dy.length);
        System.arraycopy(dy, 0, out, dx.length, dy.length);
        return out;
    }
}
