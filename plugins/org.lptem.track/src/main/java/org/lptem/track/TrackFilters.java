package org.lptem.track;

import java.util.List;
import org.lptem.core.LptemException;
import org.lptem.core.Track;

/** Selections of tracks; ids are kept, so results can be joined back to the full table. */
public final class TrackFilters {
    private TrackFilters() {
    }

    /** The tracks with at least {@code minPoints} detections, in their original order. */
    public static List<Track> minLength(List<Track> tracks, int minPoints) {
        if (minPoints < 0) {
            throw new LptemException("minimum track length must be >= 0 points, got " + minPoints);
        }
        return tracks.stream().filter(t -> t.size() >= minPoints).toList();
    }
}
