package org.lptem.knime.common;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.lptem.stats.TrackSeries;

/**
 * A tiny fixed set of tracks for working out, at configure time, the columns a statistics node will output. The
 * statistics bundle owns the table layouts and builds them only from results, and the layout depends on nothing but
 * the units (which calibration is known) and the kind of analysis. So configure runs the same analysis on these
 * tracks, with the same calibration and without bootstrap, and takes the columns of the result: the promised spec
 * cannot drift from what execute writes. It takes a few milliseconds.
 */
public final class ProbeTracks {
    private static final int TRACKS = 3;
    private static final int POINTS = 24;

    private ProbeTracks() {
    }

    /** Three random walks of 24 frames, with an orientation per point when {@code orientation} is set. */
    public static List<TrackSeries> series(final boolean orientation) {
        SplittableRandom random = new SplittableRandom(1);
        List<TrackSeries> out = new ArrayList<>(TRACKS);
        for (int p = 1; p <= TRACKS; p++) {
            int[] frames = new int[POINTS];
            double[] x = new double[POINTS];
            double[] y = new double[POINTS];
            double[] angle = new double[POINTS];
            for (int i = 0; i < POINTS; i++) {
                frames[i] = i;
                x[i] = (i == 0 ? 10 * p : x[i - 1]) + random.nextDouble(-1, 1);
                y[i] = (i == 0 ? 10 * p : y[i - 1]) + random.nextDouble(-1, 1);
                angle[i] = random.nextDouble(-89, 90);
            }
            out.add(new TrackSeries(p, frames, x, y, orientation ? angle : null));
        }
        return out;
    }
}
