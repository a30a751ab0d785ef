package org.lptem.core;

import java.util.List;

/**
 * The detections of one particle, in increasing frame order, at most one per frame. Frames may be missing
 * (the particle was not detected there).
 */
public record Track(int particle, List<Detection> points) {

    public Track {
        points = List.copyOf(points);
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i).frame() <= points.get(i - 1).frame()) {
                throw new LptemException("track " + particle + ": frames must increase, got frame "
                        + points.get(i).frame() + " after " + points.get(i - 1).frame());
            }
        }
    }

    public int size() {
        return points.size();
    }

    public int firstFrame() {
        return points.get(0).frame();
    }

    public int lastFrame() {
        return points.get(points.size() - 1).frame();
    }
}
