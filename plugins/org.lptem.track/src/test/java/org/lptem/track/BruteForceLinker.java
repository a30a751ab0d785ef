package org.lptem.track;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.lptem.core.Detection;
import org.lptem.core.Track;

/**
 * Test oracle: the same greedy rule as {@link NearestNeighbourLinker}, written the obvious O(n^2) way (every
 * track against every detection, sorted candidate list), without a grid.
 */
final class BruteForceLinker {
    private BruteForceLinker() {
    }

    static List<Track> link(List<Detection> detections, double maxDistance, int memory) {
        List<Detection> sorted = new ArrayList<>(detections);
        sorted.sort(Comparator.comparingInt(Detection::frame).thenComparingDouble(Detection::x)
                .thenComparingDouble(Detection::y));
        List<List<Detection>> tracks = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            int frame = sorted.get(i).frame();
            List<Detection> now = new ArrayList<>();
            while (i < sorted.size() && sorted.get(i).frame() == frame) {
                now.add(sorted.get(i++));
            }
            List<Integer> open = new ArrayList<>();
            for (int t = 0; t < tracks.size(); t++) {
                if (frame - tracks.get(t).get(tracks.get(t).size() - 1).frame() <= memory + 1) {
                    open.add(t);
                }
            }
            List<double[]> pairs = new ArrayList<>();
            for (int k = 0; k < open.size(); k++) {
                Detection last = tracks.get(open.get(k)).get(tracks.get(open.get(k)).size() - 1);
                for (int d = 0; d < now.size(); d++) {
                    double dx = now.get(d).x() - last.x();
                    double dy = now.get(d).y() - last.y();
                    double d2 = dx * dx + dy * dy;
                    if (d2 <= maxDistance * maxDistance) {
                        pairs.add(new double[] {d2, k, d});
                    }
                }
            }
            pairs.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1])
                    .thenComparingDouble(p -> p[2]));
            boolean[] trackUsed = new boolean[open.size()];
            boolean[] detUsed = new boolean[now.size()];
            for (double[] p : pairs) {
                int k = (int) p[1];
                int d = (int) p[2];
                if (!trackUsed[k] && !detUsed[d]) {
                    trackUsed[k] = true;
                    detUsed[d] = true;
                    tracks.get(open.get(k)).add(now.get(d));
                }
            }
            for (int d = 0; d < now.size(); d++) {
                if (!detUsed[d]) {
                    List<Detection> t = new ArrayList<>();
                    t.add(now.get(d));
                    tracks.add(t);
                }
            }
        }
        List<Track> out = new ArrayList<>();
        for (int t = 0; t < tracks.size(); t++) {
            out.add(new Track(t + 1, tracks.get(t)));
        }
        return out;
    }
}
