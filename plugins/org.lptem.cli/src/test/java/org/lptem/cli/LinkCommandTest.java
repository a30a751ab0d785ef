package org.lptem.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.lptem.cli.CliRunner.lptem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.Calibration;
import org.lptem.core.Track;
import org.lptem.io.DetectionsCsv;
import org.lptem.io.TracksCsv;
import org.lptem.track.LinkScore;
import org.lptem.track.TrackMateXml;
import org.lptem.track.TrackingScenario;

class LinkCommandTest {

    private static TrackingScenario.Data scene(Path csv) {
        TrackingScenario.Data data = new TrackingScenario(TrackingScenario.brownian(60, 40, 400, 3, 2)).generate();
        DetectionsCsv.write(csv, data.detections(), Calibration.NONE);
        return data;
    }

    @Test
    void linksADetectionTableIntoATrackTable(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("detections.csv");
        TrackingScenario.Data data = scene(in);
        Path out = dir.resolve("tracks.csv");
        Path xml = dir.resolve("tracks.xml");
        Path tp = dir.resolve("tp.csv");
        CliRunner.Run r = lptem("link", in.toString(), "--out", out.toString(), "--max-distance", "9",
                "--max-gap", "2", "--pixel-size", "0.5", "--trackmate", xml.toString(), "--trackpy", tp.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("linked " + data.detections().size() + " detections into "), r.out());
        assertTrue(Files.readAllLines(out).get(0).startsWith("frame,particle,x,y,x_nm,y_nm"));
        List<Track> tracks = TracksCsv.read(out);
        LinkScore s = LinkScore.of(data.truth(), tracks, 2);
        assertTrue(s.recall() > 0.99 && s.precision() > 0.99, s.toString());
        assertEquals(tracks.size(), TrackMateXml.read(xml).size());
        assertEquals("y,x,mass,size,ecc,signal,raw_mass,ep,frame,particle", Files.readAllLines(tp).get(0));
    }

    @Test
    void everyLinkerRuns(@TempDir Path dir) {
        Path in = dir.resolve("detections.csv");
        scene(in);
        for (String linker : List.of("lap", "kalman")) {
            Path out = dir.resolve(linker + ".csv");
            CliRunner.Run r = lptem("link", in.toString(), "-o", out.toString(), "--linker", linker,
                    "--max-distance", "9", "--merging", "--splitting", "--drift", "--min-length", "2",
                    "--events", dir.resolve(linker + "-events.csv").toString());
            assertEquals(0, r.code(), linker + ": " + r.err());
            assertTrue(Files.exists(out), linker);
            assertEquals("event,frame,particle,other_particle", firstLine(dir.resolve(linker + "-events.csv")),
                    "the Particle Linker node's column names");
        }
        assertEquals(0, lptem("link", in.toString(), "-o", dir.resolve("nn.csv").toString(), "--linker", "nn",
                "--max-distance", "9", "--max-gap", "1", "--min-length", "2").code());
        assertEquals(0, lptem("link", in.toString(), "-o", dir.resolve("label.csv").toString(), "--linker",
                "label").code());
        // options a linker would ignore are refused, naming them
        CliRunner.Run nnMerging = lptem("link", in.toString(), "-o", dir.resolve("x.csv").toString(), "--linker",
                "nn", "--merging", "--drift");
        assertEquals(2, nnMerging.code());
        assertTrue(nnMerging.err().contains("--merging, --drift apply to --linker lap and kalman only"),
                nnMerging.err());
        CliRunner.Run labelDistance = lptem("link", in.toString(), "-o", dir.resolve("x.csv").toString(),
                "--linker", "label", "--max-distance", "9");
        assertEquals(2, labelDistance.code());
        assertTrue(labelDistance.err().contains("--max-distance applies"), labelDistance.err());
        assertFalse(Files.exists(dir.resolve("x.csv")));
    }

    @Test
    void badInputExitsWithTwoNamingTheProblemAndWritesNothing(@TempDir Path dir) throws Exception {
        Path noY = dir.resolve("noy.csv");
        Files.writeString(noY, "frame,x\n0,1\n");
        Path out = dir.resolve("t.csv");
        CliRunner.Run r = lptem("link", noY.toString(), "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("noy.csv") && r.err().contains("'y'"), r.err());

        Path in = dir.resolve("d.csv");
        scene(in);
        CliRunner.Run negative = lptem("link", in.toString(), "--out", out.toString(), "--max-distance", "-2");
        assertEquals(2, negative.code());
        assertTrue(negative.err().contains("-2"), negative.err());
        CliRunner.Run gap = lptem("link", in.toString(), "--out", out.toString(), "--max-gap", "-1");
        assertEquals(2, gap.code());
        assertTrue(gap.err().contains("maximum gap"), gap.err());
        CliRunner.Run linker = lptem("link", in.toString(), "--out", out.toString(), "--linker", "magic");
        assertEquals(2, linker.code());
        assertTrue(linker.err().contains("magic"), linker.err());
        assertEquals(2, lptem("link", dir.resolve("missing.csv").toString(), "--out", out.toString()).code());
        Path badCell = dir.resolve("bad.csv");
        Files.writeString(badCell, "frame,x,y\n0,1,2\n1,abc,2\n");
        CliRunner.Run cell = lptem("link", badCell.toString(), "--out", out.toString());
        assertEquals(2, cell.code());
        assertTrue(cell.err().contains("line 3") && cell.err().contains("'x'"), cell.err());
        assertFalse(Files.exists(out), "nothing is written on failure");
    }

    @Test
    void aFailingExtraOutputLeavesNoTracksTableBehind(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("detections.csv");
        scene(in);
        Path out = dir.resolve("tracks.csv");
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file where a folder is needed");
        CliRunner.Run r = lptem("link", in.toString(), "--out", out.toString(), "--max-distance", "9",
                "--trackpy", blocker.resolve("tp.csv").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("tp.csv"), r.err());
        assertFalse(Files.exists(out), "the tracks table appears only with every requested output");
        try (var left = Files.list(dir)) {
            assertEquals(List.of("blocker", "detections.csv"),
                    left.map(p -> p.getFileName().toString()).sorted().toList(), "no staged file is left");
        }
        byte[] detections = Files.readAllBytes(in);
        CliRunner.Run overInput = lptem("link", in.toString(), "--out", in.toString());
        assertEquals(2, overInput.code());
        assertTrue(overInput.err().contains("is an input of this command"), overInput.err());
        assertArrayEquals(detections, Files.readAllBytes(in), "the detections are untouched");
        CliRunner.Run same = lptem("link", in.toString(), "--out", out.toString(), "--trackpy", out.toString());
        assertEquals(2, same.code());
        assertTrue(same.err().contains("two outputs"), same.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void theDetectionsCalibrationTravelsToTheTracks(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("detections.csv");
        TrackingScenario.Data data = new TrackingScenario(TrackingScenario.brownian(30, 10, 200, 3, 2)).generate();
        DetectionsCsv.write(in, data.detections(), Calibration.of(0.8, 0.05));
        Path out = dir.resolve("tracks.csv");
        assertEquals(0, lptem("link", in.toString(), "--out", out.toString(), "--max-distance", "9").code());
        assertEquals(Calibration.of(0.8, 0.05).toString(),
                org.lptem.io.ImpliedCalibration.of(out).toString(), "x_nm and t_s columns carried on");
        Path overridden = dir.resolve("overridden.csv");
        assertEquals(0, lptem("link", in.toString(), "--out", overridden.toString(), "--max-distance", "9",
                "--pixel-size", "2").code());
        assertEquals(Calibration.of(2.0, 0.05).toString(), org.lptem.io.ImpliedCalibration.of(overridden).toString());
    }

    private static String firstLine(Path file) {
        try {
            return Files.readAllLines(file).get(0);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
