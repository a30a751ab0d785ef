package org.lptem.track;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lptem.core.Track;

/**
 * Higher Order Tracking Accuracy (Luiten et al. 2021), with the point similarity {@code max(0, 1 - d / gate)} in
 * place of box overlap. For each localisation threshold alpha = 0.05, 0.10, ..., 0.95, points are matched frame by
 * frame to maximise similarity weighted by how well the two tracks align over the whole video, pairs below alpha
 * are dropped, and HOTA_alpha = sqrt(DetA x AssA); the reported values are the means over the thresholds.
 *
 * @param hota mean of sqrt(DetA x AssA)
 * @param detA detection accuracy, TP / (TP + FN + FP)
 * @param assA association accuracy, the mean over matches of the Jaccard index of their two tracks' matches
 * @param locA mean similarity of the matches
 */
public record HotaScore(double hota, double detA, double assA, double locA) {
    private static final int THRESHOLDS = 19;

    private static double threshold(int a) {
        return 0.05 * (a + 1);
    }

    public static HotaScore of(List<Track> truth, List<Track> predicted, double gatePx) {
        LinkScore.checkGate(gatePx);
        TrackPoints t = TrackPoints.of(truth);
        TrackPoints p = TrackPoints.of(predicted);
        // pass 1: how strongly each pair of tracks aligns over the video
        Map<Long, double[]> potential = new HashMap<>();
        FramePairs.forEach(t, p, gatePx, (frame, tp, pp, pairs) -> {
            double[] rowSum = new double[tp.length];
            double[] colSum = new double[pp.length];
            for (int e = 0; e < pairs.count; e++) {
                double s = similarity(pairs.distanceSquared[e], gatePx);
                rowSum[pairs.truth[e]] += s;
                colSum[pairs.pred[e]] += s;
            }
            for (int e = 0; e < pairs.count; e++) {
                double s = similarity(pairs.distanceSquared[e], gatePx);
                if (s > 0) {
                    potential.computeIfAbsent(key(t, p, tp[pairs.truth[e]], pp[pairs.pred[e]]),
                            k -> new double[1])[0] += s / (rowSum[pairs.truth[e]] + colSum[pairs.pred[e]] - s);
                }
            }
        });
        // pass 2: match each frame on alignment x similarity, count per threshold
        long[] tp = new long[THRESHOLDS];
        double[] loc = new double[THRESHOLDS];
        Map<Long, int[]> matchCounts = new HashMap<>();
        AssignmentProblem problem = new AssignmentProblem(0, 0);
        FramePairs.forEach(t, p, gatePx, (frame, tpts, ppts, pairs) -> {
            problem.reset(tpts.length, ppts.length);
            double[] sims = new double[pairs.count];
            for (int e = 0; e < pairs.count; e++) {
                sims[e] = similarity(pairs.distanceSquared[e], gatePx);
                if (sims[e] > 0) {
                    long k = key(t, p, tpts[pairs.truth[e]], ppts[pairs.pred[e]]);
                    double pot = potential.get(k)[0];
                    int truthTrack = t.track[tpts[pairs.truth[e]]];
                    int predTrack = p.track[ppts[pairs.pred[e]]];
                    double align = pot / (t.trackSize(truthTrack) + p.trackSize(predTrack) - pot);
                    problem.add(pairs.truth[e], pairs.pred[e], -align * sims[e]);
                }
            }
            if (problem.edgeCount() == 0) {
                return;
            }
            int[] colOfRow = problem.solve().colOfRow();
            for (int e = 0; e < pairs.count; e++) {
                if (sims[e] > 0 && colOfRow[pairs.truth[e]] == pairs.pred[e]) {
                    long k = key(t, p, tpts[pairs.truth[e]], ppts[pairs.pred[e]]);
                    for (int a = 0; a < THRESHOLDS; a++) {
                        if (sims[e] >= threshold(a) - 1e-12) {
                            tp[a]++;
                            loc[a] += sims[e];
                            matchCounts.computeIfAbsent(k, x -> new int[THRESHOLDS])[a]++;
                        }
                    }
                }
            }
        });
        if (t.size() + p.size() == 0) {
            return new HotaScore(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] ass = new double[THRESHOLDS];
        for (Map.Entry<Long, int[]> e : matchCounts.entrySet()) {
            int truthTrack = (int) (e.getKey() >>> 32);
            int predTrack = (int) (long) e.getKey();
            for (int a = 0; a < THRESHOLDS; a++) {
                double m = e.getValue()[a];
                ass[a] += m * m / (t.trackSize(truthTrack) + p.trackSize(predTrack) - m);
            }
        }
        double hota = 0;
        double detA = 0;
        double assA = 0;
        double locA = 0;
        for (int a = 0; a < THRESHOLDS; a++) {
            double det = tp[a] / (double) (t.size() + p.size() - tp[a]);
            double as = tp[a] == 0 ? 0 : ass[a] / tp[a];
            hota += Math.sqrt(det * as);
            detA += det;
            assA += as;
            locA += tp[a] == 0 ? 0 : loc[a] / tp[a];
        }
        return new HotaScore(hota / THRESHOLDS, detA / THRESHOLDS, assA / THRESHOLDS, locA / THRESHOLDS);
    }

    private static double similarity(double distanceSquared, double gate) {
        return Math.max(0, 1 - Math.sqrt(distanceSquared) / gate);
    }

    private static long key(TrackPoints t, TrackPoints p, int truthPoint, int predPoint) {
        return ((long) t.track[truthPoint] << 32) | p.track[predPoint];
    }
}
