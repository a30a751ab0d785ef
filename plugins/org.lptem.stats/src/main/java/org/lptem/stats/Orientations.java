package org.lptem.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Orientation angles of rods for rotational statistics. A segmented ellipse's axis angle is only defined modulo
 * 180 degrees (reported in (-90, 90]); unwrapping adds the multiple of 180 that brings each angle closest to the
 * previous one, which is right as long as the rod turns less than 90 degrees between two observed frames (across
 * missing frames too).
 */
public final class Orientations {
    private Orientations() {
    }

    /** A continuous angle from angles known modulo 180 degrees. */
    public static double[] unwrap180(double[] deg) {
        double[] out = new double[deg.length];
        for (int i = 0; i < deg.length; i++) {
            out[i] = i == 0 ? deg[0] : deg[i] + 180 * Math.rint((out[i - 1] - deg[i]) / 180);
        }
        return out;
    }

    /**
     * The unwrapped orientation of each track as a 1D series (x = angle in degrees, y = 0) over the points with a
     * finite orientation; tracks with fewer than two such points are left out. Analyse with
     * {@link MsdModel#angular}.
     */
    public static List<TrackSeries> angleSeries(List<TrackSeries> tracks) {
        List<TrackSeries> out = new ArrayList<>();
        for (TrackSeries t : tracks) {
            if (!t.hasOrientation()) {
                continue;
            }
            double[] o = t.orientationDeg();
            int[] keep = new int[o.length];
            int n = 0;
            for (int i = 0; i < o.length; i++) {
                if (Double.isFinite(o[i])) {
                    keep[n++] = i;
                }
            }
            if (n < 2) {
                continue;
            }
            int[] frames = new int[n];
            double[] angle = new double[n];
            for (int i = 0; i < n; i++) {
                frames[i] = t.frame(keep[i]);
                angle[i] = o[keep[i]];
            }
            out.add(new TrackSeries(t.particle(), frames, unwrap180(angle), new double[n], Arrays.copyOf(angle, n)));
        }
        return out;
    }
}
