package org.lptem.track;

import java.util.Arrays;
import java.util.List;
import org.lptem.core.Track;

/**
 * CLEAR MOT measures (Bernardin and Stiefelhagen 2008). Frame by frame, a truth particle keeps the predicted track
 * it was matched to last if that track is still within the gate; the remaining points are matched optimally
 * (least total distance). An identity switch is a truth particle matched to a different predicted track than the
 * last time it was matched.
 *
 * @param mota {@code 1 - (missed + spurious + identity switches) / truth points}
 * @param motp mean distance of the matched points, px (NaN if none)
 */
public record ClearMotScore(double mota, double motp, int identitySwitches, long missed, long spurious,
        long truthPoints) {

    public static ClearMotScore of(List<Track> truth, List<Track> predicted, double gatePx) {
        LinkScore.checkGate(gatePx);
        TrackPoints t = TrackPoints.of(truth);
        TrackPoints p = TrackPoints.of(predicted);
        int[] lastMatch = new int[t.trackCount()];
        Arrays.fill(lastMatch, -1);
        long[] counts = new long[3]; // matched, missed, spurious
        int[] switches = {0};
        double[] distance = {0};
        AssignmentProblem problem = new AssignmentProblem(0, 0);
        FramePairs.forEach(t, p, gatePx, (frame, tp, pp, pairs) -> {
            int[] colOfRow = new int[tp.length];
            boolean[] colTaken = new boolean[pp.length];
            Arrays.fill(colOfRow, -1);
            double[] pairDistance = new double[tp.length];
            // keep last frame's correspondences that are still valid
            for (int e = 0; e < pairs.count; e++) {
                int r = pairs.truth[e];
                int c = pairs.pred[e];
                if (colOfRow[r] < 0 && !colTaken[c] && lastMatch[t.track[tp[r]]] == p.track[pp[c]]) {
                    colOfRow[r] = c;
                    colTaken[c] = true;
                    pairDistance[r] = Math.sqrt(pairs.distanceSquared[e]);
                }
            }
            problem.reset(tp.length, pp.length);
            problem.setUnmatchedCosts(gatePx, gatePx);
            for (int e = 0; e < pairs.count; e++) {
                if (colOfRow[pairs.truth[e]] < 0 && !colTaken[pairs.pred[e]]) {
                    problem.add(pairs.truth[e], pairs.pred[e], Math.sqrt(pairs.distanceSquared[e]));
                }
            }
            int[] solved = problem.solve().colOfRow();
            for (int r = 0; r < tp.length; r++) {
                if (colOfRow[r] < 0 && solved[r] >= 0) {
                    colOfRow[r] = solved[r];
                    double dx = t.x[tp[r]] - p.x[pp[solved[r]]];
                    double dy = t.y[tp[r]] - p.y[pp[solved[r]]];
                    pairDistance[r] = Math.sqrt(dx * dx + dy * dy);
                }
            }
            int matched = 0;
            for (int r = 0; r < tp.length; r++) {
                if (colOfRow[r] < 0) {
                    continue;
                }
                matched++;
                distance[0] += pairDistance[r];
                int truthTrack = t.track[tp[r]];
                int predTrack = p.track[pp[colOfRow[r]]];
                if (lastMatch[truthTrack] >= 0 && lastMatch[truthTrack] != predTrack) {
                    switches[0]++;
                }
                lastMatch[truthTrack] = predTrack;
            }
            counts[0] += matched;
            counts[1] += tp.length - matched;
            counts[2] += pp.length - matched;
        });
        long truthPoints = t.size();
        double mota = truthPoints == 0 ? Double.NaN
                : 1 - (double) (counts[1] + counts[2] + switches[0]) / truthPoints;
        double motp = counts[0] == 0 ? Double.NaN : distance[0] / counts[0];
        return new ClearMotScore(mota, motp, switches[0], counts[1], counts[2], truthPoints);
    }
}
