package org.lptem.track;

import java.util.HashMap;
import java.util.Map;

/**
 * For every (truth track, predicted track) pair that comes within the gate in some frame: in how many frames it
 * does, the sums of the distances and squared distances there, and in how many frames both tracks exist. Only
 * pairs that meet are stored, so this grows with the overlaps, not with the product of the track counts.
 */
final class TrackOverlaps {
    /**
     * @param frames frames in which the two tracks are within the gate
     * @param sharedFrames frames in which both tracks have a point, near or far
     * @param distance sum of the distances in the {@code frames} within the gate
     */
    record Overlap(int truthTrack, int predTrack, int frames, int sharedFrames, double distance,
            double squaredDistance) {
    }

    private final Map<Long, double[]> byPair = new HashMap<>();
    private final TrackPoints truth;
    private final TrackPoints pred;

    private TrackOverlaps(TrackPoints truth, TrackPoints pred) {
        this.truth = truth;
        this.pred = pred;
    }

    static TrackOverlaps of(TrackPoints truth, TrackPoints pred, double gate) {
        TrackOverlaps o = new TrackOverlaps(truth, pred);
        FramePairs.forEach(truth, pred, gate, (frame, t, p, pairs) -> {
            for (int e = 0; e < pairs.count; e++) {
                double d2 = pairs.distanceSquared[e];
                if (d2 >= gate * gate) {
                    continue;
                }
                long key = ((long) truth.track[t[pairs.truth[e]]] << 32) | pred.track[p[pairs.pred[e]]];
                double[] v = o.byPair.computeIfAbsent(key, k -> new double[3]);
                v[0]++;
                v[1] += Math.sqrt(d2);
                v[2] += d2;
            }
        });
        return o;
    }

    /** Number of frames in which both tracks have a point (both lists are in frame order). */
    private int sharedFrames(int k, int l) {
        int i = truth.trackStart[k];
        int j = pred.trackStart[l];
        int shared = 0;
        while (i < truth.trackStart[k + 1] && j < pred.trackStart[l + 1]) {
            int c = Integer.compare(truth.frame[i], pred.frame[j]);
            if (c == 0) {
                shared++;
            }
            if (c <= 0) {
                i++;
            }
            if (c >= 0) {
                j++;
            }
        }
        return shared;
    }

    Iterable<Overlap> all() {
        return () -> byPair.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> {
                    int k = (int) (e.getKey() >>> 32);
                    int l = (int) (long) e.getKey();
                    return new Overlap(k, l, (int) e.getValue()[0], sharedFrames(k, l), e.getValue()[1],
                            e.getValue()[2]);
                })
                .iterator();
    }
}
