package org.lptem.track;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lptem.core.Detection;
import org.lptem.core.LptemException;
import org.lptem.core.Track;
import org.lptem.testing.CancelAt;

class TrackingMetricsTest {
    private static final double GATE = 5;

    /** A particle moving along y = row, x = 10 * frame, frames from..to-1. */
    private static Track line(int id, double row, int from, int to) {
        List<Detection> p = new ArrayList<>();
        for (int f = from; f < to; f++) {
            p.add(Detection.at(f, 10 * f, row));
        }
        return new Track(id, p);
    }

    private static Track shifted(Track t, int id, double dx) {
        return new Track(id, t.points().stream().map(d -> Detection.at(d.frame(), d.x() + dx, d.y())).toList());
    }

    private static final List<Track> TRUTH = List.of(line(1, 0, 0, 20), line(2, 100, 0, 20));

    @Test
    void perfectTrackingScoresOneEverywhere() {
        TrackingScores s = TrackingScores.of(TRUTH, TRUTH, GATE);
        for (var e : s.asMap().entrySet()) {
            double expected = switch (e.getKey()) {
                case "rmse_px", "motp_px", "id_switches" -> 0;
                default -> 1;
            };
            assertEquals(expected, e.getValue(), 1e-12, e.getKey());
        }
        assertEquals(38, s.links().truthLinks());
    }

    @Test
    void scoringReportsEachMeasureAndStopsWhenCanceled() {
        CancelAt recording = new CancelAt(3);
        assertThrows(org.lptem.core.CanceledException.class,
                () -> TrackingScores.of(TRUTH, TRUTH, GATE, recording));
        assertEquals(List.of(0.0, 0.1, 0.35), recording.fractions, "canceled before the third measure");
        assertEquals(TrackingScores.of(TRUTH, TRUTH, GATE).asMap(),
                TrackingScores.of(TRUTH, TRUTH, GATE, org.lptem.core.Progress.NONE).asMap());
    }

    @Test
    void aConstantOffsetCostsItsDistanceInAlphaAndHota() {
        // every point 2 px off: Chenouard's distance is 2 per point out of 5, HOTA's similarity 1 - 2/5 = 0.6
        List<Track> pred = List.of(shifted(TRUTH.get(0), 7, 2), shifted(TRUTH.get(1), 8, 2));
        ChenouardScore c = ChenouardScore.of(TRUTH, pred, GATE);
        assertEquals(1 - 2 / GATE, c.alpha(), 1e-12);
        assertEquals(1 - 2 / GATE, c.beta(), 1e-12);
        assertEquals(1, c.jsc(), 1e-12);
        assertEquals(2, c.rmse(), 1e-12);
        HotaScore h = HotaScore.of(TRUTH, pred, GATE);
        // thresholds 0.05 .. 0.60 (12 of 19) keep every match
        assertEquals(12.0 / 19, h.hota(), 1e-9);
        assertEquals(12.0 / 19, h.detA(), 1e-9);
        assertEquals(0.6, h.locA() * 19 / 12, 1e-9);
        assertEquals(1, ClearMotScore.of(TRUTH, pred, GATE).mota(), 1e-12);
        assertEquals(2, ClearMotScore.of(TRUTH, pred, GATE).motp(), 1e-12);
        assertEquals(1, LinkScore.of(TRUTH, pred, GATE).recall());
    }

    @Test
    void aSpuriousTrackLowersBetaAndJaccardButNotAlpha() {
        List<Track> pred = new ArrayList<>(TRUTH);
        pred.add(line(3, 50, 0, 10));
        ChenouardScore c = ChenouardScore.of(TRUTH, pred, GATE);
        assertEquals(1, c.alpha(), 1e-12);
        // beta = (40 g - 0) / (40 g + 10 g)
        assertEquals(40.0 / 50, c.beta(), 1e-12);
        assertEquals(40.0 / 50, c.jsc(), 1e-12);
        assertEquals(2.0 / 3, c.jscTheta(), 1e-12);
        assertEquals(2, c.pairedTracks());
        ClearMotScore m = ClearMotScore.of(TRUTH, pred, GATE);
        assertEquals(10, m.spurious());
        assertEquals(1 - 10.0 / 40, m.mota(), 1e-12);
    }

    @Test
    void aTrackBrokenInTwoHalvesIdentityButKeepsDetections() {
        // truth 1 is predicted as two tracks: frames 0-9 and 10-19
        Track a = new Track(1, TRUTH.get(0).points().subList(0, 10));
        Track b = new Track(3, TRUTH.get(0).points().subList(10, 20));
        List<Track> pred = List.of(a, TRUTH.get(1), b);
        LinkScore links = LinkScore.of(TRUTH, pred, GATE);
        assertEquals(38, links.truthLinks());
        assertEquals(37, links.correctLinks());
        assertEquals(1.0, links.precision());
        ClearMotScore m = ClearMotScore.of(TRUTH, pred, GATE);
        assertEquals(1, m.identitySwitches());
        assertEquals(1 - 1.0 / 40, m.mota(), 1e-12);
        // IDF1: truth 1 pairs with one half (10 frames), truth 2 with itself (20): 2 * 30 / (40 + 40)
        assertEquals(60.0 / 80, IdentityScore.of(TRUTH, pred, GATE).idf1(), 1e-12);
        // HOTA: all detections match; association of truth 1's matches is 10 / (20 + 10 - 10) = 1/2
        HotaScore h = HotaScore.of(TRUTH, pred, GATE);
        assertEquals(1, h.detA(), 1e-12);
        assertEquals((20 * 0.5 + 20 * 1.0) / 40, h.assA(), 1e-12);
        assertEquals(Math.sqrt(0.75), h.hota(), 1e-12);
        // Chenouard: truth 1 pairs with one half; the other half's 10 points count as spurious
        ChenouardScore c = ChenouardScore.of(TRUTH, pred, GATE);
        assertEquals(1 - 10.0 / 40, c.alpha(), 1e-12);
        assertEquals(2.0 / 3, c.jscTheta(), 1e-12);
    }

    @Test
    void swappedIdentitiesAreCountedAsSwitchesAndWrongLinks() {
        // two particles 3 px apart; the prediction swaps them at frame 10
        Track t1 = line(1, 0, 0, 20);
        Track t2 = line(2, 3, 0, 20);
        List<Detection> p1 = new ArrayList<>(t1.points().subList(0, 10));
        p1.addAll(t2.points().subList(10, 20));
        List<Detection> p2 = new ArrayList<>(t2.points().subList(0, 10));
        p2.addAll(t1.points().subList(10, 20));
        List<Track> truth = List.of(t1, t2);
        List<Track> pred = List.of(new Track(1, p1), new Track(2, p2));
        assertEquals(2, ClearMotScore.of(truth, pred, 1).identitySwitches());
        LinkScore links = LinkScore.of(truth, pred, 1);
        assertEquals(36, links.correctLinks());
        assertEquals(38, links.predictedLinks());
        assertEquals(0.5, IdentityScore.of(truth, pred, 1).idf1(), 1e-12);
    }

    @Test
    void linkScoreSkipsMissedDetectionsOfTheTruth() {
        // the truth has every frame; the detections (and so the prediction) miss frame 5: the link 4 -> 6 is true
        Track truth = line(1, 0, 0, 10);
        List<Detection> seen = new ArrayList<>(truth.points());
        seen.remove(5);
        LinkScore s = LinkScore.of(List.of(truth), List.of(new Track(1, seen)), GATE);
        assertEquals(8, s.truthLinks());
        assertEquals(1, s.recall());
        assertEquals(1, s.precision());
    }

    @Test
    void emptyInputsAndBadGates() {
        assertTrue(Double.isNaN(LinkScore.of(List.of(), List.of(), 1).recall()));
        assertEquals(0, ChenouardScore.of(TRUTH, List.of(), GATE).alpha(), 1e-12);
        assertEquals(0, HotaScore.of(TRUTH, List.of(), GATE).hota(), 1e-12);
        assertEquals("matching gate must be a finite distance > 0 px, got 0.0",
                assertThrows(LptemException.class, () -> TrackingScores.of(TRUTH, TRUTH, 0)).getMessage());
    }

    @Test
    void scoresOfALinkerOnASimulatedSceneAreConsistent() {
        TrackingScenario.Data data = new TrackingScenario(TrackingScenario.brownian(100, 50, 400, 5, 3))
                .generate();
        List<Track> pred = new LapLinker(LapSettings.builder(12).build()).link(data.detections(),
                org.lptem.core.Progress.NONE);
        TrackingScores s = TrackingScores.of(data.truth(), pred, 2);
        for (var e : s.asMap().entrySet()) {
            if (!e.getKey().endsWith("_px") && !e.getKey().equals("id_switches")) {
                assertTrue(e.getValue() > 0.5 && e.getValue() <= 1, e.toString());
            }
        }
        // noise of 0.3 px per axis: about 0.42 px of 2D error
        assertEquals(0.42, s.chenouard().rmse(), 0.05);
        assertTrue(s.hota().hota() <= Math.min(s.hota().detA(), s.hota().assA()) + 1e-9
                || s.hota().hota() <= Math.max(s.hota().detA(), s.hota().assA()));
    }
}
