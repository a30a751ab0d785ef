package org.lptem.track;

import java.util.List;
import org.lptem.core.Track;

/**
 * What a linker found: tracks numbered 1..n in order of their first detection (frame, x, y), merges and splits
 * between them, and the drift that was subtracted for linking ({@link Drift#NONE} if none; track positions are
 * always the detections' own).
 */
public record LinkingResult(List<Track> tracks, List<TrackEvent> events, Drift drift) {
    public LinkingResult {
        tracks = List.copyOf(tracks);
        events = List.copyOf(events);
    }
}
