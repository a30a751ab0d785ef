package org.lptem.track;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lptem.core.Detection;
import org.lptem.core.Progress;
import org.lptem.core.Track;

class DriftTest {
    private static final double[][] START = {{100, 100}, {200, 150}, {150, 300}, {300, 300}, {50, 250}};

    /** Five particles carried by a drift of (+3, +1) px per frame over frames 0-9, with no detection in frame 5. */
    private static List<Detection> driftingWithAnEmptyFrame() {
        List<Detection> out = new ArrayList<>();
        for (int f = 0; f < 10; f++) {
            if (f == 5) {
                continue;
            }
            for (double[] p : START) {
                out.add(Detection.at(f, p[0] + 3 * f, p[1] + f));
            }
        }
        return out;
    }

    @Test
    void driftStaysCumulativeAcrossAFrameWithoutDetections() {
        Drift drift = Drift.estimate(driftingWithAnEmptyFrame(), 10, 1);
        for (int f = 0; f < 10; f++) {
            assertEquals(3.0 * f, drift.dx(f), 1e-9, "dx of frame " + f);
            assertEquals(f, drift.dy(f), 1e-9, "dy of frame " + f);
        }
    }

    @Test
    void driftAcrossSeveralEmptyFramesIsSharedEvenly() {
        List<Detection> ds = new ArrayList<>();
        for (int f : new int[] {0, 1, 4, 5}) {
            for (double[] p : START) {
                ds.add(Detection.at(f, p[0] - 2 * f, p[1] + 0.5 * f));
            }
        }
        Drift drift = Drift.estimate(ds, 4, 1);
        assertEquals(-4, drift.dx(2), 1e-9);
        assertEquals(-6, drift.dx(3), 1e-9);
        assertEquals(-10, drift.dx(5), 1e-9);
        assertEquals(2.5, drift.dy(5), 1e-9);
    }

    @Test
    void linkingWithDriftSubtractionKeepsEachParticleOneTrackOverAnEmptyFrame() {
        LapLinker lap = new LapLinker(LapSettings.builder(2).subtractDrift(true).maxGap(2).build());
        List<Track> tracks = lap.link(driftingWithAnEmptyFrame(), Progress.NONE);
        assertEquals(5, tracks.size());
        for (Track t : tracks) {
            assertEquals(9, t.size());
        }
    }
}
