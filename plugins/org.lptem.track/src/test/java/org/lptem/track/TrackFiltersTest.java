package org.lptem.track;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.lptem.core.Detection;
import org.lptem.core.LptemException;
import org.lptem.core.Track;
import org.junit.jupiter.api.Test;

class TrackFiltersTest {

    private static Track track(int id, int points) {
        return new Track(id, java.util.stream.IntStream.range(0, points).mapToObj(f -> Detection.at(f, f, 0))
                .toList());
    }

    @Test
    void minLengthKeepsLongTracksWithTheirIds() {
        List<Track> kept = TrackFilters.minLength(List.of(track(1, 3), track(2, 10), track(3, 5), track(4, 4)), 5);
        assertEquals(List.of(2, 3), kept.stream().map(Track::particle).toList());
        assertEquals(4, TrackFilters.minLength(List.of(track(1, 3), track(2, 10), track(3, 5), track(4, 4)), 0)
                .size());
        assertThrows(LptemException.class, () -> TrackFilters.minLength(List.of(), -1));
    }
}
