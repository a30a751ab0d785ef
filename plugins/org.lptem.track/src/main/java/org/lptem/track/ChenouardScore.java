package org.lptem.track;

import java.util.ArrayList;
import java.util.List;
import org.lptem.core.Track;

/**
 * The ISBI 2012 particle tracking challenge measures (Chenouard et al. 2014, Nat. Methods 11:281). Truth tracks
 * are paired one-to-one with predicted tracks (or with nothing) so as to minimise the total distance, where the
 * distance between two tracks sums, over every frame either exists, {@code min(|a - b|, gate)} ({@code gate} when
 * one is absent), and an unpaired truth track costs {@code gate} per point.
 *
 * @param alpha {@code 1 - d(X, Y*) / d(X, empty)}: 1 for perfect tracks, 0 for none; ignores spurious tracks
 * @param beta like alpha, but also penalised by the points of unpaired (spurious) predicted tracks
 * @param jsc Jaccard index of points: matched / (matched + missed + spurious)
 * @param jscTheta Jaccard index of tracks: paired / (paired + unpaired truth + unpaired predicted)
 * @param rmse root mean squared distance of the matched points, px (NaN if none)
 * @param pairedTracks number of truth tracks paired with a predicted one
 */
public record ChenouardScore(double alpha, double beta, double jsc, double jscTheta, double rmse, int pairedTracks) {

    /**
     * Distance between a truth and a predicted track: the gate for each frame only one of them has and for each
     * shared frame where they are apart, the distance where they are within the gate.
     */
    private static double distance(TrackOverlaps.Overlap o, TrackPoints t, TrackPoints p, double gate) {
        int onlyOne = t.trackSize(o.truthTrack()) + p.trackSize(o.predTrack()) - 2 * o.sharedFrames();
        int sharedButApart = o.sharedFrames() - o.frames();
        return gate * (onlyOne + sharedButApart) + o.distance();
    }

    public static ChenouardScore of(List<Track> truth, List<Track> predicted, double gatePx) {
        LinkScore.checkGate(gatePx);
        TrackPoints t = TrackPoints.of(truth);
        TrackPoints p = TrackPoints.of(predicted);
        List<TrackOverlaps.Overlap> overlaps = new ArrayList<>();
        TrackOverlaps.of(t, p, gatePx).all().forEach(overlaps::add);
        AssignmentProblem problem = new AssignmentProblem(t.trackCount(), p.trackCount());
        for (int k = 0; k < t.trackCount(); k++) {
            problem.setRowUnmatchedCost(k, gatePx * t.trackSize(k));
        }
        for (TrackOverlaps.Overlap o : overlaps) {
            problem.add(o.truthTrack(), o.predTrack(), distance(o, t, p, gatePx));
        }
        int[] colOfRow = problem.solve().colOfRow();
        double withPairing = 0;
        int paired = 0;
        long matchedPoints = 0;
        double squared = 0;
        for (int k = 0; k < t.trackCount(); k++) {
            if (colOfRow[k] < 0) {
                withPairing += gatePx * t.trackSize(k);
            }
        }
        boolean[] predPaired = new boolean[p.trackCount()];
        for (TrackOverlaps.Overlap o : overlaps) {
            if (colOfRow[o.truthTrack()] == o.predTrack()) {
                withPairing += distance(o, t, p, gatePx);
                paired++;
                matchedPoints += o.frames();
                squared += o.squaredDistance();
                predPaired[o.predTrack()] = true;
            }
        }
        double spurious = 0;
        for (int l = 0; l < p.trackCount(); l++) {
            if (!predPaired[l]) {
                spurious += gatePx * p.trackSize(l);
            }
        }
        double empty = gatePx * t.size();
        double alpha = empty == 0 ? Double.NaN : 1 - withPairing / empty;
        double beta = empty + spurious == 0 ? Double.NaN : (empty - withPairing) / (empty + spurious);
        long union = t.size() + p.size() - matchedPoints;
        double jsc = union == 0 ? Double.NaN : (double) matchedPoints / union;
        int trackUnion = t.trackCount() + p.trackCount() - paired;
        double jscTheta = trackUnion == 0 ? Double.NaN : (double) paired / trackUnion;
        double rmse = matchedPoints == 0 ? Double.NaN : Math.sqrt(squared / matchedPoints);
        return new ChenouardScore(alpha, beta, jsc, jscTheta, rmse, paired);
    }
}
