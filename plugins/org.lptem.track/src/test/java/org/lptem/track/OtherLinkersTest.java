package org.lptem.track;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lptem.core.Detection;
import org.lptem.core.Frame;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;
import org.lptem.core.Track;

class OtherLinkersTest {

    private static Detection labelled(int frame, double x, double y, int label) {
        return new Detection(frame, x, y, 1, 0, 1, 1, 1, 1, label);
    }

    @Test
    void labelIdsFromASegmenterBecomeTracks() {
        List<Detection> in = List.of(labelled(0, 5, 5, 7), labelled(0, 50, 5, 3), labelled(1, 6, 5, 7),
                labelled(3, 52, 5, 3), labelled(2, 30, 30, 0));
        List<Track> tracks = new LabelIdLinker().link(in, Progress.NONE);
        assertEquals(3, tracks.size());
        assertEquals(List.of(0, 1), tracks.get(0).points().stream().map(Detection::frame).toList());
        assertEquals(7, tracks.get(0).points().get(1).label());
        assertEquals(List.of(0, 3), tracks.get(1).points().stream().map(Detection::frame).toList());
        assertEquals(1, tracks.get(2).size(), "label 0 has no identity");
        LptemException e = assertThrows(LptemException.class, () -> new LabelIdLinker().link(
                List.of(labelled(4, 1, 1, 2), labelled(4, 9, 9, 2)), Progress.NONE));
        assertEquals(4, e.frame());
        assertTrue(e.getMessage().contains("label 2"));
    }

    /** A label image of discs: {label, centre x, centre y, radius}. */
    private static Frame discs(int size, double[]... discs) {
        int[] px = new int[size * size];
        for (double[] d : discs) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    if (Math.hypot(x - d[1], y - d[2]) <= d[3]) {
                        px[y * size + x] = (int) d[0];
                    }
                }
            }
        }
        return Frame.ofInts(size, size, px, false);
    }

    @Test
    void overlappingRegionsAreLinkedOneToOne() {
        // Frame 0: regions 1 (x 20) and 2 (x 40). Frame 1: the labels are renumbered (5 at x 23, 9 at x 41), and
        // region 9 overlaps both old regions a little; the assignment keeps the large overlaps. Frame 2: region
        // 4 appears far away.
        Map<Integer, Frame> images = new HashMap<>();
        images.put(0, discs(64, new double[] {1, 20, 30, 6}, new double[] {2, 40, 30, 6}));
        images.put(1, discs(64, new double[] {5, 23, 30, 6}, new double[] {9, 41, 30, 8}));
        images.put(2, discs(64, new double[] {3, 25, 31, 6}, new double[] {7, 42, 30, 8},
                new double[] {4, 10, 5, 3}));
        List<Detection> in = new ArrayList<>(List.of(labelled(0, 20, 30, 1), labelled(0, 40, 30, 2),
                labelled(1, 23, 30, 5), labelled(1, 41, 30, 9), labelled(2, 25, 31, 3), labelled(2, 42, 30, 7),
                labelled(2, 10, 5, 4)));
        List<Track> tracks = new OverlapLinker(images::get, 0.3).link(in, Progress.NONE);
        assertEquals(3, tracks.size());
        Track left = tracks.stream().filter(t -> t.points().get(0).x() == 20).findFirst().orElseThrow();
        assertEquals(List.of(1, 5, 3), left.points().stream().map(Detection::label).toList());
        Track right = tracks.stream().filter(t -> t.points().get(0).x() == 40).findFirst().orElseThrow();
        assertEquals(List.of(2, 9, 7), right.points().stream().map(Detection::label).toList());
        // a threshold above the overlaps leaves every region alone
        assertEquals(7, new OverlapLinker(images::get, 0.95).link(in, Progress.NONE).size());
        assertThrows(LptemException.class, () -> new OverlapLinker(images::get, 0));
    }

    @Test
    void driftCanBeEstimatedFromTracksAndSubtracted() {
        List<Track> tracks = new ArrayList<>();
        for (int p = 0; p < 5; p++) {
            List<Detection> pts = new ArrayList<>();
            for (int f = 0; f < 6; f++) {
                // drift 2 px/frame in x, -1 in y; particle 4 runs off on its own (the median ignores it)
                double own = p == 4 ? 7 * f : 0.1 * ((p + f) % 3 - 1);
                pts.add(Detection.at(f, 10 * p + 2 * f + own, 50 - f));
            }
            tracks.add(new Track(p + 1, pts));
        }
        Drift d = Drift.estimate(tracks);
        assertEquals(0, d.firstFrame());
        assertEquals(5, d.lastFrame());
        assertEquals(10, d.dx(5), 0.6); // the others wobble by up to 0.1 px a step
        assertEquals(-5, d.dy(5), 1e-9);
        assertEquals(d.dx(5), d.dx(99), "after the last frame the drift stays");
        List<Detection> corrected = d.subtractFrom(tracks.get(0).points());
        assertEquals(0, corrected.get(5).x(), 0.6);
        assertEquals(50, corrected.get(5).y(), 1e-9);
        assertEquals(Drift.NONE.dx(3), 0);
    }

    @Test
    void scenariosAreReproducibleAndHaveTheRequestedStep() {
        TrackingScenario.Settings s = new TrackingScenario.Settings(400, 50, 2000, 2000,
                TrackingScenario.Motion.BROWNIAN, 3, 0, 0, 0, 0, 8);
        TrackingScenario.Data a = new TrackingScenario(s).generate();
        assertEquals(a, new TrackingScenario(s).generate());
        double sum = 0;
        int n = 0;
        for (Track t : a.truth()) {
            for (int i = 1; i < t.size(); i++) {
                double dx = t.points().get(i).x() - t.points().get(i - 1).x();
                double dy = t.points().get(i).y() - t.points().get(i - 1).y();
                sum += dx * dx + dy * dy;
                n++;
            }
        }
        assertEquals(3, Math.sqrt(sum / n), 0.05, "root-mean-square step");
        assertEquals(400 * 50, a.detections().size(), "no misses at miss rate 0");
        TrackingScenario.Data missed = new TrackingScenario(TrackingScenario.brownian(400, 50, 2000, 3, 8))
                .generate();
        assertEquals(0.02, 1 - missed.detections().size() / 20000.0, 0.005);
        assertThrows(LptemException.class, () -> new TrackingScenario.Settings(1, 1, 1, 1,
                TrackingScenario.Motion.BROWNIAN, 1, 0, 0, 1.5, 0, 1));
    }
}
