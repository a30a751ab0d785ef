package org.lptem.track;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.lptem.core.CanceledException;
import org.lptem.core.Detection;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;
import org.lptem.core.Track;
import org.junit.jupiter.api.Test;
import org.lptem.testing.CancelAt;

class NearestNeighbourLinkerTest {

    /** A detection whose label carries the ground-truth particle (the linker ignores labels). */
    private static Detection truth(int frame, double x, double y, int particle) {
        return new Detection(frame, x, y, 1, 0, 1, 1, 0, 1, particle);
    }

    private static List<Track> link(double maxDistance, int memory, List<Detection> detections) {
        return new NearestNeighbourLinker(maxDistance, memory).link(detections, Progress.NONE);
    }

    private static List<Integer> frames(Track t) {
        return t.points().stream().map(Detection::frame).toList();
    }

    @Test
    void particlesWhosePathsCrossAtDifferentTimesKeepTheirIdentity() {
        // A moves right along y = 50 and passes (50, 50) at frame 5; B moves down along x = 50 and passes
        // (50, 50) at frame 25. Both are visible throughout.
        List<Detection> in = new ArrayList<>();
        for (int f = 0; f < 30; f++) {
            in.add(truth(f, 40 + 2 * f, 50, 1));
            in.add(truth(f, 50, 50 - 2 * (25 - f), 2));
        }
        Collections.shuffle(in, new Random(1));
        List<Track> tracks = link(5, 3, in);
        assertEquals(2, tracks.size());
        for (Track t : tracks) {
            assertEquals(30, t.size());
            int particle = t.points().get(0).label();
            assertTrue(t.points().stream().allMatch(d -> d.label() == particle), "identity switch in " + t);
        }
        // numbered by first detection: at frame 0, B (x = 50... no: B starts at x = 50, A at x = 40) -> A first
        assertEquals(1, tracks.get(0).points().get(0).label());
        assertEquals(1, tracks.get(0).particle());
        assertEquals(2, tracks.get(1).particle());
    }

    @Test
    void memoryBridgesMissedFramesUpToItsLength() {
        // detected in frames 0-4 and 7-10: two frames missed
        List<Detection> in = new ArrayList<>();
        for (int f = 0; f <= 10; f++) {
            if (f != 5 && f != 6) {
                in.add(Detection.at(f, 100 + 0.5 * f, 80));
            }
        }
        List<Track> bridged = link(3, 2, in);
        assertEquals(1, bridged.size());
        assertEquals(List.of(0, 1, 2, 3, 4, 7, 8, 9, 10), frames(bridged.get(0)));

        List<Track> split = link(3, 1, in);
        assertEquals(2, split.size());
        assertEquals(List.of(0, 1, 2, 3, 4), frames(split.get(0)));
        assertEquals(List.of(7, 8, 9, 10), frames(split.get(1)));
    }

    @Test
    void eachTrackTakesAtMostOneDetectionPerFrame() {
        List<Track> tracks = link(5, 0, List.of(
                Detection.at(0, 10, 10),
                Detection.at(1, 11, 10),
                Detection.at(1, 10, 12)));
        assertEquals(2, tracks.size());
        assertEquals(List.of(0, 1), frames(tracks.get(0)));
        assertEquals(11, tracks.get(0).points().get(1).x());
        assertEquals(List.of(1), frames(tracks.get(1)));
        assertEquals(12, tracks.get(1).points().get(0).y());
    }

    @Test
    void closestPairInTheFrameIsLinkedFirst() {
        // Tracks T1 at x=0 and T2 at x=3; detections at x=2 and x=6. T2-D(2) at 1 px is the closest pair and
        // wins, even though T1 comes first and would take D(2) at 2 px if tracks chose in turn. T1 cannot reach
        // D(6) (6 px > 5), so D(6) starts a new track and T1 gets nothing.
        List<Track> tracks = link(5, 0, List.of(
                Detection.at(0, 0, 0),
                Detection.at(0, 3, 0),
                Detection.at(1, 2, 0),
                Detection.at(1, 6, 0)));
        assertEquals(3, tracks.size());
        assertEquals(1, tracks.get(0).size(), "T1 ends");
        assertEquals(2, tracks.get(1).points().get(1).x(), "T2 continues to the closest detection");
        assertEquals(6, tracks.get(2).points().get(0).x());
    }

    @Test
    void maxDistanceIsInclusiveAndRespected() {
        List<Track> within = link(5, 0, List.of(Detection.at(0, 0, 0), Detection.at(1, 3, 4)));
        assertEquals(1, within.size(), "exactly 5 px is linked");
        List<Track> beyond = link(5, 0, List.of(Detection.at(0, 0, 0), Detection.at(1, 3, 4.01)));
        assertEquals(2, beyond.size());
    }

    @Test
    void brownianParticlesWithSmallStepsAreLinkedPerfectly() {
        // 200 particles on a 30 px jittered lattice, steps of sd 0.7 px per axis per frame (about 5 px of wander
        // over the video, so neighbours never meet); links up to 5 px.
        Random random = new Random(7);
        int particles = 200;
        int frameCount = 50;
        double[] x = new double[particles];
        double[] y = new double[particles];
        for (int p = 0; p < particles; p++) {
            x[p] = 30 * (p % 20) + 4 * random.nextDouble();
            y[p] = 30 * (p / 20) + 4 * random.nextDouble();
        }
        List<Detection> in = new ArrayList<>();
        for (int f = 0; f < frameCount; f++) {
            for (int p = 0; p < particles; p++) {
                if (f > 0) {
                    x[p] += 0.7 * random.nextGaussian();
                    y[p] += 0.7 * random.nextGaussian();
                }
                in.add(truth(f, x[p], y[p], p + 1));
            }
        }
        Collections.shuffle(in, random);
        List<Track> tracks = link(5, 0, in);
        assertEquals(particles, tracks.size());
        boolean[] seen = new boolean[particles + 1];
        for (int i = 0; i < tracks.size(); i++) {
            Track t = tracks.get(i);
            assertEquals(i + 1, t.particle());
            assertEquals(frameCount, t.size());
            int particle = t.points().get(0).label();
            assertFalse(seen[particle]);
            seen[particle] = true;
            assertTrue(t.points().stream().allMatch(d -> d.label() == particle), "identity switch in track " + i);
        }
    }

    @Test
    void tracksAreNumberedByFirstFrameThenXThenY() {
        List<Track> tracks = link(2, 0, List.of(
                Detection.at(3, 5, 5),
                Detection.at(1, 50, 9),
                Detection.at(1, 50, 2),
                Detection.at(1, 20, 30)));
        assertEquals(List.of(20.0, 50.0, 50.0, 5.0), tracks.stream().map(t -> t.points().get(0).x()).toList());
        assertEquals(2.0, tracks.get(1).points().get(0).y());
        assertEquals(List.of(1, 2, 3, 4), tracks.stream().map(Track::particle).toList());
    }

    @Test
    void agreesWithABruteForceGreedyLinker() {
        // Dense random scene: 400 points per frame in 280 x 280, jumps up to ~15 px, some points vanishing and
        // appearing, links up to 12 px, memory 2 -- many competing candidates per track.
        Random random = new Random(99);
        List<Detection> in = new ArrayList<>();
        List<double[]> alive = new ArrayList<>();
        for (int f = 0; f < 12; f++) {
            alive.removeIf(p -> random.nextDouble() < 0.05);
            while (alive.size() < 400) {
                alive.add(new double[] {280 * random.nextDouble() - 50, 280 * random.nextDouble() - 50});
            }
            for (double[] p : alive) {
                p[0] += 6 * random.nextGaussian();
                p[1] += 6 * random.nextGaussian();
                if (random.nextDouble() > 0.1) {
                    in.add(Detection.at(f, p[0], p[1]));
                }
            }
        }
        List<Track> grid = link(12, 2, in);
        List<Track> brute = BruteForceLinker.link(in, 12, 2);
        assertEquals(brute, grid);
        assertTrue(grid.size() > 400, "the scene should produce many tracks: " + grid.size());
    }

    @Test
    void reportsProgressAndStopsWhenCanceled() {
        List<Detection> in = new ArrayList<>();
        for (int f = 0; f < 10; f++) {
            in.add(Detection.at(f, f, 0));
        }
        CancelAt cancelAtFourth = new CancelAt(4);
        assertThrows(CanceledException.class, () -> new NearestNeighbourLinker(2, 0).link(in, cancelAtFourth));
        assertEquals(List.of("linking frame 0 (1/10)", "linking frame 1 (2/10)", "linking frame 2 (3/10)"),
                cancelAtFourth.messages);
    }

    @Test
    void badSettingsAndPositionsAreNamed() {
        assertEquals("maximum linking distance must be a finite number > 0 px, got 0.0",
                assertThrows(LptemException.class, () -> new NearestNeighbourLinker(0, 1)).getMessage());
        assertEquals("memory must be >= 0 frames, got -1",
                assertThrows(LptemException.class, () -> new NearestNeighbourLinker(5, -1)).getMessage());
        LptemException e = assertThrows(LptemException.class,
                () -> link(5, 0, List.of(Detection.at(4, Double.NaN, 1))));
        assertEquals(4, e.frame());
    }

    @Test
    void noDetectionsGiveNoTracks() {
        assertEquals(List.of(), link(5, 0, List.of()));
    }
}
