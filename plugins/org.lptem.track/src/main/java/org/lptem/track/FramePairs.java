package org.lptem.track;

import java.util.Arrays;

/**
 * Walks the frames that have truth or predicted points and lists, per frame, the (truth, predicted) point pairs
 * within the gate, found with a spatial grid. The pair arrays are reused from frame to frame.
 */
final class FramePairs {
    interface Visitor {
        /**
         * {@code truthPoints}/{@code predPoints} list the frame's points (numbered as in {@link TrackPoints}); the
         * pairs refer to positions in these two arrays.
         */
        void frame(int frame, int[] truthPoints, int[] predPoints, FramePairs pairs);
    }

    int count;
    /** Position of each pair's points in the frame's truth and predicted point arrays. */
    int[] truth = new int[64];
    int[] pred = new int[64];
    double[] distanceSquared = new double[64];

    private void add(int t, int p, double d2) {
        if (count == truth.length) {
            truth = Arrays.copyOf(truth, 2 * count);
            pred = Arrays.copyOf(pred, 2 * count);
            distanceSquared = Arrays.copyOf(distanceSquared, 2 * count);
        }
        truth[count] = t;
        pred[count] = p;
        distanceSquared[count++] = d2;
    }

    static void forEach(TrackPoints truthPoints, TrackPoints predPoints, double gate, Visitor visitor) {
        FramePairs pairs = new FramePairs();
        int[] all = new int[truthPoints.frames.length + predPoints.frames.length];
        System.arraycopy(truthPoints.frames, 0, all, 0, truthPoints.frames.length);
        System.arraycopy(predPoints.frames, 0, all, truthPoints.frames.length, predPoints.frames.length);
        int[] frames = Arrays.stream(all).sorted().distinct().toArray();
        for (int f : frames) {
            int[] t = pointsOf(truthPoints, f);
            int[] p = pointsOf(predPoints, f);
            pairs.count = 0;
            if (t.length > 0 && p.length > 0) {
                double[] px = new double[p.length];
                double[] py = new double[p.length];
                for (int i = 0; i < p.length; i++) {
                    px[i] = predPoints.x[p[i]];
                    py[i] = predPoints.y[p[i]];
                }
                SpatialGrid grid = new SpatialGrid(px, py, gate);
                for (int a = 0; a < t.length; a++) {
                    int row = a;
                    grid.forEachWithin(truthPoints.x[t[a]], truthPoints.y[t[a]], gate,
                            (i, d2) -> pairs.add(row, i, d2));
                }
            }
            visitor.frame(f, t, p, pairs);
        }
    }

    private static int[] pointsOf(TrackPoints points, int f) {
        int k = points.slotOf(f);
        return k < 0 ? new int[0]
                : Arrays.copyOfRange(points.byFrame, points.frameStart[k], points.frameStart[k + 1]);
    }
}
