package org.lptem.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.CanceledException;
import org.lptem.core.Progress;
import org.lptem.core.Track;
import org.lptem.core.Video;
import org.lptem.io.TracksCsv;
import org.lptem.io.VideoIO;
import org.lptem.testing.CancelAt;

class SimulationWriterTest {
    private static final List<String> FILES = List.of(SimulationWriter.VIDEO, SimulationWriter.LABELS,
            SimulationWriter.TRACKS, SimulationWriter.METADATA);

    private static SimulationSettings small(long seed) {
        return SimulationSettings.demo().toBuilder().size(96, 80).frames(6).particles(3).shape(ShapeKind.ROD)
                .particleRadiusNm(4).particleLengthNm(24).rotationalDiffusionRad2PerS(1).fieldMarginPx(10)
                .illuminationGradient(0).distractors(2).doseFluctuation(0.05).motionBlurSubframes(3).targetSnr(1).seed(seed).build();
    }

    @Test
    void writesVideoLabelsTracksAndMetadata(@TempDir Path dir) throws Exception {
        SimulatedVideo v = new SimulatedVideo(small(3));
        SimulationWriter.Result r = SimulationWriter.write(v, dir, "custom", Progress.NONE);
        try (Video video = VideoIO.open(dir.resolve(SimulationWriter.VIDEO));
                Video labels = VideoIO.open(dir.resolve(SimulationWriter.LABELS))) {
            assertEquals(6, video.frameCount());
            assertEquals(v.calibration().nmPerPixel(), video.calibration().nmPerPixel());
            for (int f = 0; f < 6; f++) {
                assertEquals(v.frame(f), video.frame(f), "frame " + f);
                assertEquals(v.labels(f), labels.frame(f), "labels " + f);
            }
        }
        List<String> rows = Files.readAllLines(dir.resolve(SimulationWriter.TRACKS));
        assertEquals("frame,particle,x,y,x_nm,y_nm,t_s,orientation_deg,visible", rows.get(0));
        assertEquals(1 + 3 * 6, rows.size(), "every particle in every frame");
        String[] cells = rows.get(1 + 6 + 4).split(",", -1); // particle 2, frame 4
        assertEquals("4", cells[0]);
        assertEquals("2", cells[1]);
        Trajectories t = v.trajectories();
        assertEquals(t.x(1, 4), Double.parseDouble(cells[2]), 0);
        assertEquals(t.x(1, 4) * 2, Double.parseDouble(cells[4]), 1e-9);
        assertEquals(0.2, Double.parseDouble(cells[6]), 1e-12);
        assertEquals(t.angleDeg(1, 4), Double.parseDouble(cells[7]), 0);
        assertEquals(t.visible(1, 4) ? "1" : "0", cells[8]);
        List<Track> read = TracksCsv.read(dir.resolve(SimulationWriter.TRACKS));
        assertEquals(3, read.size());
        // The tracks reader must see the rods' orientation, or rotational analysis of a simulation is skipped.
        for (int p = 0; p < 3; p++) {
            for (int f = 0; f < 6; f++) {
                double truth = t.angleDeg(p, f);
                assertTrue(Double.isFinite(truth), "a rod has an orientation");
                assertEquals(truth, read.get(p).points().get(f).orientationDeg(), 0, "particle " + p + " frame " + f);
            }
        }

        String json = Files.readString(dir.resolve(SimulationWriter.METADATA));
        for (String key : SettingsKeys.names()) {
            assertTrue(json.contains("\"" + key + "\": "), "metadata names " + key);
        }
        assertTrue(json.contains("\"seed\": 3"), json);
        assertTrue(json.contains("\"preset\": \"custom\""));
        assertTrue(json.contains("\"requested_snr\": 1"));
        assertTrue(json.contains("\"doseRateElectronsPerA2PerS\": " + v.settings().doseRateElectronsPerA2PerS()),
                "the derived dose is recorded");
        assertEquals(6, r.snrPerFrame().length);
        for (int f = 0; f < 6; f++) {
            assertEquals(v.measuredSnr(f), r.snrPerFrame()[f], 1e-12);
        }
        String series = json.substring(json.indexOf("\"snr_per_frame\": [") + 18);
        assertEquals(6, series.substring(0, series.indexOf(']')).split(",").length);
        assertEquals(1, r.meanSnr(), 0.2);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(FILES.stream().sorted().toList(),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files left");
        }
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes(@TempDir Path dir) throws Exception {
        SimulationWriter.write(new SimulatedVideo(small(5)), dir.resolve("a"), null, Progress.NONE);
        SimulationWriter.write(new SimulatedVideo(small(5)), dir.resolve("b"), null, Progress.NONE);
        SimulationWriter.write(new SimulatedVideo(small(6)), dir.resolve("c"), null, Progress.NONE);
        for (String f : FILES) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)),
                    Files.readAllBytes(dir.resolve("b").resolve(f)), f);
            assertFalse(java.util.Arrays.equals(Files.readAllBytes(dir.resolve("a").resolve(f)),
                    Files.readAllBytes(dir.resolve("c").resolve(f))), f + " differs with the seed");
        }
    }

    @Test
    void aCancelledRunPublishesNothing(@TempDir Path dir) throws Exception {
        Progress cancelAfterTwo = new Progress() {
            private int checks;

            @Override
            public void report(double fraction, String message) {
            }

            @Override
            public void checkCanceled() {
                if (++checks > 2) {
                    throw new CanceledException();
                }
            }
        };
        assertThrows(CanceledException.class,
                () -> SimulationWriter.write(new SimulatedVideo(small(1)), dir, null, cancelAfterTwo));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList());
        }
    }

    @Test
    void trajectoryExportWritesFreeTracksOfTheModel(@TempDir Path dir) throws Exception {
        SimulationSettings s = SimulationSettings.demo().toBuilder().motion(MotionKind.FBM).alpha(0.5).seed(4).build();
        Path csv = dir.resolve("fbm.csv");
        TrajectoryExport.write(csv, s, 20, 50, Progress.NONE);
        List<String> rows = Files.readAllLines(csv);
        assertEquals("frame,particle,x,y,x_nm,y_nm,t_s", rows.get(0));
        assertEquals(1 + 20 * 50, rows.size());
        List<Track> tracks = TracksCsv.read(csv);
        assertEquals(20, tracks.size());
        List<Track> direct = TrajectoryExport.simulate(s, 20, 50);
        for (int p = 0; p < 20; p++) {
            assertEquals(0, tracks.get(p).points().get(0).x());
            assertEquals(direct.get(p).points().get(49).x(), tracks.get(p).points().get(49).x(), 0);
        }
        TrajectoryExport.write(dir.resolve("again.csv"), s, 20, 50, Progress.NONE);
        assertArrayEquals(Files.readAllBytes(csv), Files.readAllBytes(dir.resolve("again.csv")));
        // Free tracks follow the model: fBm with alpha 0.5 is subdiffusive.
        List<Track> many = TrajectoryExport.simulate(s, 400, 257);
        double[][][] xy = new double[400][2][257];
        for (int p = 0; p < 400; p++) {
            for (int f = 0; f < 257; f++) {
                xy[p][0][f] = many.get(p).points().get(f).x();
                xy[p][1][f] = many.get(p).points().get(f).y();
            }
        }
        assertEquals(0.5, Msd.logLogSlope(xy, Msd.octaves(1, 256)), 0.07);
        assertTrue(assertThrows(org.lptem.core.LptemException.class,
                () -> TrajectoryExport.write(dir.resolve("x.csv"), s, 0, 50, Progress.NONE)).getMessage()
                .contains("tracks"));
        assertFalse(Files.exists(dir.resolve("x.csv")));
    }

    /** Records every report; cancels at the {@code cancelAt}-th check (never if 0). */
    @Test
    void trajectorySimulationReportsEveryTrackAndStopsWhenCanceled() {
        SimulationSettings s = SimulationSettings.demo().toBuilder().motion(MotionKind.CTRW).alpha(0.7).seed(8).build();
        CancelAt progress = new CancelAt(0);
        List<Track> tracks = TrajectoryExport.simulate(s, 4, 30, progress);
        assertEquals(List.of(0.25, 0.5, 0.75, 1.0), progress.fractions);
        assertEquals("track 4 of 4", progress.messages.get(3));
        assertEquals(4, progress.checks());
        assertEquals(TrajectoryExport.simulate(s, 4, 30), tracks, "progress does not change the tracks");

        // Canceled before the third track: two tracks were drawn, not all 1000 first.
        CancelAt cancel = new CancelAt(3);
        assertThrows(CanceledException.class, () -> TrajectoryExport.simulate(s, 1000, 30, cancel));
        assertEquals(3, cancel.checks());
        assertEquals(List.of(0.001, 0.002), cancel.fractions);
    }

    @Test
    void aCanceledTrajectoryExportLeavesNoFile(@TempDir Path dir) throws Exception {
        SimulationSettings s = SimulationSettings.demo().toBuilder().seed(8).build();
        CancelAt cancel = new CancelAt(3);
        assertThrows(CanceledException.class,
                () -> TrajectoryExport.write(dir.resolve("t.csv"), s, 10, 20, cancel));
        assertEquals(List.of(0.1, 0.2), cancel.fractions);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList());
        }
    }
}
