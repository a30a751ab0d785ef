package org.lptem.track;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lptem.core.Detection;
import org.lptem.core.Track;

/** Links between detections of a {@link DetectionTable}: each detection has at most one successor and predecessor. */
final class LinkGraph {
    final DetectionTable table;
    final int[] next;
    final int[] prev;

    LinkGraph(DetectionTable table) {
        this.table = table;
        this.next = new int[table.size()];
        this.prev = new int[table.size()];
        Arrays.fill(next, -1);
        Arrays.fill(prev, -1);
    }

    void link(int from, int to) {
        if (next[from] >= 0 || prev[to] >= 0 || table.frame[to] <= table.frame[from]) {
            throw new IllegalStateException("bad link " + from + " -> " + to);
        }
        next[from] = to;
        prev[to] = from;
    }

    /**
     * The chains of linked detections as tracks numbered 1..n in table order of their first detection (frame, x,
     * y); {@code trackOf} (if not null) receives each detection's track id.
     */
    List<Track> tracks(int[] trackOf) {
        List<Track> tracks = new ArrayList<>();
        List<Detection> points = new ArrayList<>();
        for (int head = 0; head < next.length; head++) {
            if (prev[head] >= 0) {
                continue;
            }
            int id = tracks.size() + 1;
            points.clear();
            for (int i = head; i >= 0; i = next[i]) {
                points.add(table.detections[i]);
                if (trackOf != null) {
                    trackOf[i] = id;
                }
            }
            tracks.add(new Track(id, points));
        }
        return tracks;
    }
}
