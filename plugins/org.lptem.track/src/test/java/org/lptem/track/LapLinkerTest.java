package org.lptem.track;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lptem.core.CanceledException;
import org.lptem.core.Detection;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;
import org.lptem.core.Track;
import org.lptem.testing.CancelAt;

class LapLinkerTest {

    private static List<Track> link(LapSettings s, List<Detection> in) {
        return new LapLinker(s).link(in, Progress.NONE);
    }

    private static List<Integer> frames(Track t) {
        return t.points().stream().map(Detection::frame).toList();
    }

    /** The acceptance scenario: 200 Brownian particles x 200 frames in 1024 x 1024 px, 0.3 px noise, 2% missed. */
    private static LinkScore acceptance(double stepOverNearestNeighbour, long seed) {
        double nn = TrackingScenario.expectedNearestNeighbourDistance(200, 1024, 1024);
        double step = stepOverNearestNeighbour * nn;
        TrackingScenario.Data data = new TrackingScenario(TrackingScenario.brownian(200, 200, 1024, step, seed))
                .generate();
        // a search radius of 4 sigma per axis (sigma = step / sqrt 2) keeps all but 0.03% of true steps
        LapSettings settings = LapSettings.builder(4 * step / Math.sqrt(2)).maxGap(2).build();
        return LinkScore.of(data.truth(), link(settings, data.detections()), 2);
    }

    @Test
    void smallStepsAreLinkedAtLeast99point5PercentRight() {
        LinkScore s = acceptance(0.05, 1);
        assertTrue(s.recall() >= 0.995, "recall " + s.recall());
        assertTrue(s.precision() >= 0.995, "precision " + s.precision());
    }

    @Test
    void largeStepsAreLinkedAtLeast95point8PercentRight() {
        LinkScore s = acceptance(0.3, 1);
        assertTrue(s.recall() >= 0.958, "recall " + s.recall());
        assertTrue(s.precision() >= 0.958, "precision " + s.precision());
    }

    @Test
    void largeStepsBeatTheGreedyLinkerByAWideMargin() {
        double nn = TrackingScenario.expectedNearestNeighbourDistance(200, 1024, 1024);
        double step = 0.3 * nn;
        TrackingScenario.Data data = new TrackingScenario(TrackingScenario.brownian(200, 100, 1024, step, 2))
                .generate();
        double radius = 4 * step / Math.sqrt(2);
        LinkScore lap = LinkScore.of(data.truth(), link(LapSettings.builder(radius).build(), data.detections()), 2);
        LinkScore greedy = LinkScore.of(data.truth(),
                new NearestNeighbourLinker(radius, 2).link(data.detections(), Progress.NONE), 2);
        assertTrue(lap.recall() > greedy.recall() + 0.02, lap + " vs " + greedy);
        assertTrue(lap.precision() > greedy.precision() + 0.02, lap + " vs " + greedy);
    }

    @Test
    void oneToOneAssignmentIsGloballyOptimalWhereGreedyIsNot() {
        // A at x=0 and B at x=2; detections at 1.9 and 4.4, max distance 3. Greedy gives 1.9 to B (0.1 px) and
        // loses A (4.4 is out of A's reach); the assignment links A->1.9 and B->4.4, keeping both tracks.
        List<Detection> in = List.of(Detection.at(0, 0, 0), Detection.at(0, 2, 0), Detection.at(1, 1.9, 0),
                Detection.at(1, 4.4, 0));
        List<Track> lap = link(LapSettings.builder(3).build(), in);
        assertEquals(2, lap.size());
        assertEquals(1.9, lap.get(0).points().get(1).x());
        assertEquals(4.4, lap.get(1).points().get(1).x());
        assertEquals(3, new NearestNeighbourLinker(3, 0).link(in, Progress.NONE).size());
    }

    @Test
    void gapsUpToTheMaximumAreClosed() {
        List<Detection> in = new ArrayList<>();
        for (int f = 0; f <= 12; f++) {
            if (f != 3 && f != 4 && (f < 8 || f > 10)) { // missed: 3-4 (2 frames), 8-10 (3 frames)
                in.add(Detection.at(f, 100 + 0.5 * f, 80));
                in.add(Detection.at(f, 300 - 0.5 * f, 200)); // a second particle, always seen
            }
        }
        List<Track> tracks = link(LapSettings.builder(3).maxGap(2).build(), in);
        List<Track> first = tracks.stream().filter(t -> t.points().get(0).y() == 80).toList();
        assertEquals(2, first.size(), "the 3-frame gap is too long");
        assertEquals(List.of(0, 1, 2, 5, 6, 7), frames(first.get(0)));
        assertEquals(List.of(11, 12), frames(first.get(1)));
        List<Track> all = link(LapSettings.builder(3).maxGap(3).build(), in);
        assertEquals(1, all.stream().filter(t -> t.points().get(0).y() == 80).count());
        assertEquals(3, link(LapSettings.builder(3).maxGap(0).build(), in).stream()
                .filter(t -> t.points().get(0).y() == 80).count());
    }

    @Test
    void gapClosingUsesTheDistanceScaledByTheGapLength() {
        // Particle P vanishes after frame 0 at x=0. Q starts at frame 3 at x=4 (3 frames later: cost 16 / 3 = 5.3);
        // R starts at frame 2 at x=3.5 (2 frames later: 12.25 / 2 = 6.1). P continues as Q.
        List<Detection> in = List.of(Detection.at(0, 0, 0), Detection.at(3, 4, 0), Detection.at(2, 0, 3.5),
                Detection.at(4, 4, 0.1), Detection.at(3, 0, 3.6));
        List<Track> tracks = link(LapSettings.builder(2.5).maxGap(2).alternativeCost(100).build(), in);
        Track p = tracks.stream().filter(t -> t.firstFrame() == 0).findFirst().orElseThrow();
        assertEquals(List.of(0, 3, 4), frames(p));
    }

    @Test
    void aNeighbourStolenWhileAParticleWasMissedIsGivenBack() {
        // A is missed in frame 1. Frame to frame, A(0) takes B(1) (1.4 px, B's own step is 1.6 px) and gap
        // closing joins B(0) to A(2) (3.5 px over 2 frames). Swapping the two targets costs less in total.
        List<Detection> in = List.of(Detection.at(0, 0, 0), Detection.at(0, 3, 0), Detection.at(1, 1.4, 0),
                Detection.at(2, -0.5, 0), Detection.at(2, 1.0, 0), Detection.at(3, -0.6, 0),
                Detection.at(3, 0.8, 0.9));
        List<Track> tracks = link(LapSettings.builder(3).maxGap(1).build(), in);
        assertEquals(2, tracks.size());
        Track a = tracks.get(0);
        assertEquals(List.of(0.0, -0.5, -0.6), a.points().stream().map(Detection::x).toList());
        assertEquals(List.of(0, 2, 3), frames(a));
        assertEquals(List.of(3.0, 1.4, 1.0, 0.8), tracks.get(1).points().stream().map(Detection::x).toList());
    }

    @Test
    void featurePenaltiesKeepIdentitiesWhenParticlesCross() {
        // Two particles swap places between frames 1 and 2, passing close to each other: by distance alone the
        // tracks swap; with an area penalty (areas 10 vs 40) they keep their identities.
        List<Detection> in = new ArrayList<>();
        double[][] big = {{0, 0}, {4, 0}, {6, 1}, {10, 1}};
        double[][] small = {{0, 2}, {4, 2}, {6, 0.9}, {10, 0.9}};
        for (int f = 0; f < 4; f++) {
            in.add(new Detection(f, big[f][0], big[f][1], 40, 0, 7, 7, 100, 1, 0));
            in.add(new Detection(f, small[f][0], small[f][1], 10, 0, 3.5, 3.5, 100, 1, 0));
        }
        LapSettings plain = LapSettings.builder(5).maxGap(0).build();
        LapSettings withArea = plain.toBuilder().penalties(new FeaturePenalties(3, 0, 0)).build();
        for (Track t : link(withArea, in)) {
            assertTrue(t.points().stream().allMatch(d -> d.area() == t.points().get(0).area()), "mixed areas " + t);
        }
        assertTrue(link(plain, in).stream()
                .anyMatch(t -> t.points().stream().anyMatch(d -> d.area() != t.points().get(0).area())),
                "without the penalty the nearest detection wins");
    }

    @Test
    void kalmanPredictionFollowsDirectedMotionThatDefeatsTheLastPosition() {
        // 300 particles in 512 x 512 (nearest neighbour about 15 px) moving 8 px/frame in straight lines with
        // 1 px of diffusion: around the last position, 10 px catches the next detection but also neighbours;
        // around the prediction only the particle itself is close.
        TrackingScenario.Data data = new TrackingScenario(new TrackingScenario.Settings(300, 60, 512, 512,
                TrackingScenario.Motion.DIRECTED, 1.0, 8, 0.3, 0.02, 0, 3)).generate();
        LapSettings kalman = LapSettings.builder(10).maxGap(2).motion(MotionPrediction.KALMAN).build();
        LinkScore k = LinkScore.of(data.truth(), link(kalman, data.detections()), 2);
        LinkScore still = LinkScore.of(data.truth(),
                link(kalman.toBuilder().motion(MotionPrediction.LAST_POSITION).build(), data.detections()), 2);
        assertTrue(k.recall() > 0.95 && k.precision() > 0.95, "Kalman " + k);
        assertTrue(still.recall() < k.recall() - 0.1, "last position " + still + " vs Kalman " + k);
    }

    @Test
    void kalmanFilterLearnsTheVelocity() {
        List<Detection> in = new ArrayList<>();
        Random random = new Random(4);
        for (int f = 0; f < 30; f++) {
            in.add(Detection.at(f, 10 + 3 * f + 0.2 * random.nextGaussian(), 50 - 2 * f + 0.2 * random.nextGaussian()));
        }
        DetectionTable table = DetectionTable.of(in);
        ConstantVelocityKalman kalman = new ConstantVelocityKalman(table, 0.5, 0.05, 10);
        kalman.start(0);
        for (int i = 1; i < table.size(); i++) {
            kalman.extend(i - 1, i);
        }
        assertEquals(3, kalman.velocityX(table.size() - 1), 0.1);
        assertEquals(-2, kalman.velocityY(table.size() - 1), 0.1);
        double[] p = new double[2];
        kalman.predict(table.size() - 1, 2, p);
        assertEquals(10 + 3 * 31, p[0], 0.5);
    }

    @Test
    void driftIsEstimatedAndSubtractedBeforeLinking() {
        // The whole field drifts 6 px/frame in x and y (8.5 px/frame); particles diffuse 1.5 px/frame (RMS). With a
        // 5 px radius the raw displacements are out of reach; after subtraction they are well inside.
        TrackingScenario.Data data = new TrackingScenario(new TrackingScenario.Settings(150, 40, 800, 800,
                TrackingScenario.Motion.BROWNIAN, 1.5, 0, 0.3, 0.02, 6, 5)).generate();
        LapSettings settings = LapSettings.builder(5).maxGap(2).subtractDrift(true).build();
        LinkingResult result = new LapLinker(settings).run(data.detections(), Progress.NONE);
        // each step is a median of ~150 displacements (0.12 px error); 39 such errors add up to ~0.7 px
        assertEquals(6.0 * 39, result.drift().dx(39), 2.0);
        assertEquals(6.0 * 39, result.drift().dy(39), 2.0);
        assertEquals(6.0, result.drift().dx(21) - result.drift().dx(20), 0.4);
        LinkScore corrected = LinkScore.of(data.truth(), result.tracks(), 2);
        assertTrue(corrected.recall() > 0.99 && corrected.precision() > 0.99, corrected.toString());
        LinkScore raw = LinkScore.of(data.truth(), link(settings.toBuilder().subtractDrift(false).build(),
                data.detections()), 2);
        assertTrue(raw.recall() < 0.5, raw.toString());
        // tracks keep the measured positions, not the corrected ones
        assertTrue(data.detections().containsAll(result.tracks().get(0).points()));
    }

    @Test
    void mergingAndSplittingAreFoundWhenEnabled() {
        // A (area 20) and B (area 20) approach; in frames 4-6 they are one detection of area 40 on A's path;
        // then B separates again.
        List<Detection> in = new ArrayList<>();
        for (int f = 0; f < 10; f++) {
            boolean merged = f >= 4 && f <= 6;
            in.add(new Detection(f, 50 + f, 50, merged ? 40 : 20, 0, 5, 5, 1, 1, 0));
            if (!merged) {
                double bx = 50 + f + (f < 4 ? 4 - f : f - 6) + 1;
                in.add(new Detection(f, bx, 51, 20, 0, 5, 5, 1, 1, 0));
            }
        }
        LapSettings settings = LapSettings.builder(4).maxGap(1).merging(true).splitting(true)
                .alternativeCost(9).build();
        LinkingResult r = new LapLinker(settings).run(in, Progress.NONE);
        assertEquals(3, r.tracks().size(), r.tracks().toString());
        assertEquals(2, r.events().size(), r.events().toString());
        TrackEvent merge = r.events().stream().filter(e -> e.kind() == TrackEvent.Kind.MERGE).findFirst()
                .orElseThrow();
        TrackEvent split = r.events().stream().filter(e -> e.kind() == TrackEvent.Kind.SPLIT).findFirst()
                .orElseThrow();
        assertEquals(4, merge.frame());
        assertEquals(7, split.frame());
        assertEquals(merge.otherTrack(), split.otherTrack(), "B merges into and splits from the same track");
        assertEquals(10, r.tracks().get(merge.otherTrack() - 1).size());
        LinkingResult plain = new LapLinker(settings.toBuilder().merging(false).splitting(false).build())
                .run(in, Progress.NONE);
        assertTrue(plain.events().isEmpty());
    }

    @Test
    void resultDoesNotDependOnInputOrder() {
        TrackingScenario.Data data = new TrackingScenario(TrackingScenario.brownian(80, 30, 300, 6, 9)).generate();
        LapSettings settings = LapSettings.builder(12).maxGap(2).merging(true).splitting(true).build();
        List<Detection> shuffled = new ArrayList<>(data.detections());
        Collections.shuffle(shuffled, new Random(1));
        assertEquals(new LapLinker(settings).run(data.detections(), Progress.NONE),
                new LapLinker(settings).run(shuffled, Progress.NONE));
    }

    @Test
    void badSettingsAreNamed() {
        assertEquals("maximum linking distance must be a finite number > 0 px, got -1.0",
                assertThrows(LptemException.class, () -> LapSettings.builder(-1)).getMessage());
        assertEquals("maximum gap must be >= 0 frames, got -2",
                assertThrows(LptemException.class, () -> LapSettings.builder(5).maxGap(-2)).getMessage());
        assertTrue(assertThrows(LptemException.class, () -> LapSettings.builder(5).alternativeCost(0))
                .getMessage().contains("alternative cost"));
        assertTrue(assertThrows(LptemException.class, () -> new FeaturePenalties(-1, 0, 0)).getMessage()
                .startsWith("area penalty weight"));
        LptemException e = assertThrows(LptemException.class,
                () -> link(LapSettings.builder(5).build(), List.of(Detection.at(7, 1, Double.NaN))));
        assertEquals(7, e.frame());
    }

    @Test
    void reportsProgressCancelsAndHandlesEmptyInput() {
        assertEquals(List.of(), link(LapSettings.builder(5).build(), List.of()));
        List<Detection> in = new ArrayList<>();
        for (int f = 0; f < 100; f++) {
            in.add(Detection.at(f, f, 0));
        }
        CancelAt cancelLate = new CancelAt(50);
        assertThrows(CanceledException.class, () -> new LapLinker(LapSettings.builder(2).build()).link(in,
                cancelLate));
        assertFalse(cancelLate.fractions.isEmpty());
        CancelAt never = new CancelAt(0);
        new LapLinker(LapSettings.builder(2).build()).link(in, never);
        List<Double> all = never.fractions;
        assertEquals(1.0, all.get(all.size() - 1));
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i) >= all.get(i - 1), "progress goes forward: " + all);
        }
    }
}
