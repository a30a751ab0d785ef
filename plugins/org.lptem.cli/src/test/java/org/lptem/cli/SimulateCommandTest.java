package org.lptem.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.Track;
import org.lptem.io.TracksCsv;

class SimulateCommandTest {

    private static CliRunner.Run lptem(String... args) {
        return CliRunner.lptem(args);
    }

    private static List<String> errorLines(CliRunner.Run r) {
        return r.err().lines().filter(l -> l.startsWith("lptem: ")).toList();
    }

    @Test
    void writesTheVideoAndItsGroundTruth(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sim");
        CliRunner.Run r = lptem("simulate", "--preset", "demo", "--frames", "5", "--seed", "3", "--set", "shape=rod",
                "--set", "particleLengthNm=40", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("video.tif", "labels.tif", "tracks.csv", "metadata.json")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertEquals("frame,particle,x,y,x_nm,y_nm,t_s,orientation_deg,visible",
                Files.readAllLines(out.resolve("tracks.csv")).get(0));
        assertEquals(1 + 8 * 5, Files.readAllLines(out.resolve("tracks.csv")).size());
        String json = Files.readString(out.resolve("metadata.json"));
        assertTrue(json.contains("\"seed\": 3") && json.contains("\"shape\": \"rod\"")
                && json.contains("\"preset\": \"demo\""), json);
        assertTrue(r.err().contains("100%"), "progress on standard error: " + r.err());
        assertTrue(r.out().contains("per-pixel SNR:"), r.out());
        assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().contains(".partial-")));
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes(@TempDir Path dir) throws Exception {
        for (String[] run : List.of(new String[] {"a", "7"}, new String[] {"b", "7"}, new String[] {"c", "8"})) {
            assertEquals(0, lptem("simulate", "--frames", "3", "--seed", run[1], "--out",
                    dir.resolve(run[0]).toString()).code());
        }
        for (String f : List.of("video.tif", "labels.tif", "tracks.csv", "metadata.json")) {
            byte[] a = Files.readAllBytes(dir.resolve("a").resolve(f));
            assertArrayEquals(a, Files.readAllBytes(dir.resolve("b").resolve(f)), f);
            assertFalse(Arrays.equals(a, Files.readAllBytes(dir.resolve("c").resolve(f))), f);
        }
    }

    @Test
    void badSettingsExitWithTwoNamingTheOptionAndLeaveNoOutput(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("x");
        CliRunner.Run r = lptem("simulate", "--set", "motion=fbm", "--set", "alpha=2.5", "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(List.of("lptem: --set alpha=2.5: alpha must be in (0, 2) for fbm, got 2.5"), errorLines(r));
        assertFalse(Files.exists(out));

        CliRunner.Run alpha = lptem("simulate", "--trajectories", "--model", "ctrw", "--alpha", "1.5", "--out",
                dir.resolve("t.csv").toString());
        assertEquals(2, alpha.code());
        assertTrue(errorLines(alpha).get(0).startsWith("lptem: --alpha 1.5: alpha must be in (0, 1] for ctrw"),
                alpha.err());
        assertFalse(Files.exists(dir.resolve("t.csv")));

        CliRunner.Run preset = lptem("simulate", "--preset", "rods", "--out", out.toString());
        assertEquals(2, preset.code());
        assertTrue(errorLines(preset).get(0).contains("rod-1024"), preset.err());
        assertEquals(2, lptem("simulate", "--set", "colour=red", "--out", out.toString()).code());
        assertEquals(2, lptem("simulate", "--frames", "0", "--out", out.toString()).code());
        assertEquals(2, lptem("simulate").code(), "--out is required");
        assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().contains(".partial-")));
    }

    @Test
    void trajectoryModeWritesTracksOfTheModel(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("fbm.csv");
        CliRunner.Run r = lptem("simulate", "--trajectories", "--model", "fbm", "--n", "10", "--length", "50", "--alpha", "0.5",
                "--out", csv.toString());
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(csv);
        assertEquals("frame,particle,x,y,x_nm,y_nm,t_s", rows.get(0));
        assertEquals(1 + 10 * 50, rows.size());
        List<Track> tracks = TracksCsv.read(csv);
        assertEquals(10, tracks.size());
        assertEquals(50, tracks.get(9).size());
        assertTrue(r.out().contains("10 fbm tracks of 50 frames"), r.out());
        assertEquals(2, lptem("simulate", "--n", "5", "--out", dir.resolve("v").toString()).code(),
                "--n without --trajectories");
    }

    @Test
    void listShowsPresetsAndEveryParameter() {
        CliRunner.Run r = lptem("simulate", "--preset", "rod-1024", "--list");
        assertEquals(0, r.code(), r.err());
        for (String s : List.of("thickness-150nm", "multi", "targetSnr", "rotationalDiffusionRad2PerS",
                "doseRateElectronsPerA2PerS")) {
            assertTrue(r.out().contains(s), s);
        }
        assertTrue(r.out().matches("(?s).*shape\\s+rod.*"), r.out());
    }

    @Test
    void benchPrintsFramesPerSecond() {
        CliRunner.Run r = lptem("simulate", "--bench", "--frames", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s)1024 x 1024, 10 rods, 2 frames: [0-9.]+ frames/s.*"), r.out());
    }
}
