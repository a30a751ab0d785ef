package org.lptem.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.Calibration;
import org.lptem.core.Detection;
import org.lptem.core.LptemException;
import org.lptem.core.Track;

class TablesTest {
    @TempDir
    Path dir;

    private static final Detection A = new Detection(0, 10.25, 20.5, 31, 45.5, 8.25, 4.125, 1234.5, 0.75, 1);
    private static final Detection B = new Detection(3, 1 / 3.0, 2e-7, 12, -89.9, Double.NaN, 1, 0, 1, 2);

    @Test
    void detectionsWithFullCalibration() throws Exception {
        Path f = dir.resolve("det.csv");
        DetectionsCsv.write(f, List.of(A, B), Calibration.of(2.0, 0.1));
        List<String> lines = Files.readAllLines(f);
        assertEquals("frame,x,y,x_nm,y_nm,t_s,area_px2,area_nm2,orientation_deg,major_axis_px,minor_axis_px,"
                + "mean_intensity,score,label", lines.get(0));
        assertEquals("0,10.25,20.5,20.5,41,0,31,124,45.5,8.25,4.125,1234.5,0.75,1", lines.get(1));
        assertEquals("3,0.3333333333333333,2E-7,0.6666666666666666,4E-7,0.30000000000000004,12,48,-89.9,,1,0,1,2",
                lines.get(2));
        assertEquals(List.of(A, B), DetectionsCsv.read(f));
    }

    @Test
    void uncalibratedTablesHaveNoPhysicalColumns() throws Exception {
        Path f = dir.resolve("plain.csv");
        DetectionsCsv.write(f, List.of(A), Calibration.NONE);
        assertEquals("frame,x,y,area_px2,orientation_deg,major_axis_px,minor_axis_px,mean_intensity,score,label",
                Files.readAllLines(f).get(0));
        Path t = dir.resolve("time-only.csv");
        TracksCsv.write(t, List.of(new Track(1, List.of(A))), Calibration.of(null, 0.5));
        assertEquals("frame,particle,x,y,t_s,area_px2,orientation_deg,major_axis_px,minor_axis_px,mean_intensity,"
                + "score,label", Files.readAllLines(t).get(0));
    }

    @Test
    void positionOnlyTablesReadWithNaNMeasures() throws Exception {
        Path f = Files.writeString(dir.resolve("pos.csv"), "y,x,frame\n2.5,1.5,4\n");
        Detection d = DetectionsCsv.read(f).get(0);
        assertEquals(Detection.at(4, 1.5, 2.5), d);
        assertTrue(Double.isNaN(d.area()) && Double.isNaN(d.score()));
        assertEquals(0, d.label());
        Path bad = Files.writeString(dir.resolve("nox.csv"), "frame,y\n1,2\n");
        LptemException e = assertThrows(LptemException.class, () -> DetectionsCsv.read(bad));
        assertTrue(e.getMessage().contains("nox.csv: no column 'x'"), e.getMessage());
    }

    @Test
    void negativeFramesAndNonFinitePositionsAreRejectedNamingTheCell() throws Exception {
        String[][] cases = {
            {"frame,x,y\n0,1,2\n-5,1,1\n", "line 3, column 'frame': '-5' is negative but must be 0 or more"},
            {"frame,x,y\n0,nan,2\n", "line 2, column 'x': 'nan' is not a finite number"},
            {"frame,x,y\n0,1,inf\n", "line 2, column 'y': 'inf' is not a finite number"},
            {"frame,x,y\n0,-Infinity,1\n", "line 2, column 'x': '-Infinity' is not a finite number"},
            {"frame,x,y\n0,,1\n", "line 2, column 'x': '' is empty but must be a finite number"}};
        for (int i = 0; i < cases.length; i++) {
            Path f = Files.writeString(dir.resolve("bad" + i + ".csv"), cases[i][0]);
            LptemException e = assertThrows(LptemException.class, () -> DetectionsCsv.read(f));
            assertEquals(f + ": " + cases[i][1], e.getMessage());
        }
        Path track = Files.writeString(dir.resolve("track.csv"), "frame,particle,x,y\n-4,2,1.5,1\n");
        LptemException e = assertThrows(LptemException.class, () -> TracksCsv.read(track));
        assertEquals(track + ": line 2, column 'frame': '-4' is negative but must be 0 or more", e.getMessage());
        // measures other than the position may be missing or not finite, as before
        Path measures = Files.writeString(dir.resolve("measures.csv"),
                "frame,x,y,area_px2,orientation_deg,score\n0,1,2,,nan,inf\n");
        Detection d = DetectionsCsv.read(measures).get(0);
        assertTrue(Double.isNaN(d.area()) && Double.isNaN(d.orientationDeg()));
        assertEquals(Double.POSITIVE_INFINITY, d.score());
    }

    @Test
    void streamingDetectionWriterPublishesOnClose() throws Exception {
        Path f = dir.resolve("stream.csv");
        try (DetectionsCsv.Writer w = new DetectionsCsv.Writer(f, Calibration.NONE)) {
            w.add(A);
            assertFalse(Files.exists(f));
            w.add(B);
        }
        assertEquals(List.of(A, B), DetectionsCsv.read(f));
        Path g = dir.resolve("abandoned.csv");
        DetectionsCsv.Writer w = new DetectionsCsv.Writer(g, Calibration.NONE);
        w.add(A);
        w.abort();
        assertFalse(Files.exists(g));
    }

    @Test
    void tracksRoundTrip() throws Exception {
        Detection a2 = new Detection(5, 11, 21, 30, 40, 8, 4, 1200, 0.7, 3);
        List<Track> tracks = List.of(new Track(1, List.of(A, a2)), new Track(7, List.of(B)));
        Path f = dir.resolve("tracks.csv");
        TracksCsv.write(f, tracks, Calibration.of(0.5, 0.25));
        List<String> lines = Files.readAllLines(f);
        assertEquals("frame,particle,x,y,x_nm,y_nm,t_s,area_px2,area_nm2,orientation_deg,major_axis_px,"
                + "minor_axis_px,mean_intensity,score,label", lines.get(0));
        assertEquals("5,1,11,21,5.5,10.5,1.25,30,7.5,40,8,4,1200,0.7,3", lines.get(2));
        assertEquals(tracks, TracksCsv.read(f));
    }

    @Test
    void readsSamEmAndTrackpyTables() throws Exception {
        Path sam = Files.writeString(dir.resolve("trajectories.csv"),
                "frame,particle_id,x,y,angle\n1,2,5.5,6.5,30\n0,2,5,6,-45\n0,1,1,1,0\n");
        List<Track> t = TracksCsv.read(sam);
        assertEquals(2, t.size());
        assertEquals(1, t.get(0).particle());
        assertEquals(List.of(0, 1), t.get(1).points().stream().map(Detection::frame).toList());
        assertEquals(-45.0, t.get(1).points().get(0).orientationDeg());
        assertEquals(5.5, t.get(1).points().get(1).x());

        Path trackpy = Files.writeString(dir.resolve("trackpy.csv"),
                ",y,x,mass,size,ecc,signal,raw_mass,ep,frame,particle\n"
                        + "0,3.5,4.5,100,1.2,0.1,5,200,0.01,0,0.0\n1,3.75,4.25,90,1.1,0.2,4,190,0.02,1,0.0\n");
        List<Track> p = TracksCsv.read(trackpy);
        assertEquals(1, p.size());
        assertEquals(0, p.get(0).particle());
        assertEquals(Detection.at(1, 4.25, 3.75), p.get(0).points().get(1));
    }

    @Test
    void aParticleTwiceInOneFrameIsAnError() throws Exception {
        Path f = Files.writeString(dir.resolve("dup.csv"), "frame,particle,x,y\n3,1,0,0\n3,1,1,1\n");
        LptemException e = assertThrows(LptemException.class, () -> TracksCsv.read(f));
        assertTrue(e.getMessage().contains("dup.csv: particle 1 has two rows for frame 3"), e.getMessage());
    }
}
