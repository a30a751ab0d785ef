package org.lptem.track;

import java.util.Arrays;

/** Frame-by-frame optimal one-to-one matching of predicted points to truth points within a gate. */
final class PointMatching {
    private PointMatching() {
    }

    /**
     * For each predicted point, the truth point it is matched to, or -1. The total squared distance of the matches
     * is minimised among matchings with the most pairs (leaving a point unmatched costs more than any pair in the
     * gate).
     */
    static int[] match(TrackPoints truth, TrackPoints pred, double gate) {
        int[] truthOfPred = new int[pred.size()];
        Arrays.fill(truthOfPred, -1);
        AssignmentProblem problem = new AssignmentProblem(0, 0);
        FramePairs.forEach(truth, pred, gate, (frame, t, p, pairs) -> {
            if (pairs.count == 0) {
                return;
            }
            problem.reset(t.length, p.length);
            problem.setUnmatchedCosts(gate * gate, gate * gate);
            for (int e = 0; e < pairs.count; e++) {
                problem.add(pairs.truth[e], pairs.pred[e], pairs.distanceSquared[e]);
            }
            int[] rowOfCol = problem.solve().rowOfCol();
            for (int c = 0; c < p.length; c++) {
                if (rowOfCol[c] >= 0) {
                    truthOfPred[p[c]] = t[rowOfCol[c]];
                }
            }
        });
        return truthOfPred;
    }
}
