package org.lptem.track;

/**
 * A merge or split found by gap closing. Tracks stay simple paths (one point per frame); the events say how they
 * join: for {@link Kind#MERGE}, {@code track} ends in the frame before {@code frame} and its particle is from then on
 * part of {@code otherTrack}'s detection at {@code frame}; for {@link Kind#SPLIT}, {@code track} starts at
 * {@code frame} from {@code otherTrack}'s detection in the frame before.
 */
public record TrackEvent(Kind kind, int frame, int track, int otherTrack) {
    public enum Kind {
        MERGE,
        SPLIT
    }
}
