package org.lptem.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.Calibration;
import org.lptem.io.CsvReader;
import org.lptem.stats.ModelTracks;
import org.lptem.stats.MsdModel;

class VacfCommandTest {

    @Test
    void subdiffusiveTracksHaveANegativeVacfAtLagOne(@TempDir Path dir) throws Exception {
        double alpha = 0.5;
        Path csv = MsdCommandTest.writeTracks(dir,
                ModelTracks.simulate(MsdModel.planar(0), 0.5, alpha, 0, 200, 100, 5), false, Calibration.of(1.0, 0.01));
        Path out = dir.resolve("v");
        CliRunner.Run r = CliRunner.lptem("vacf", csv.toString(), "--out", out.toString(), "--max-lag", "5");
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("vacf.csv", "vacf_tracks.csv", "vacf.png", "vacf.svg", "vacf_readme.txt")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertEquals("delta_frames,lag_frames,lag_s,vacf_px2_per_frame2,vacf_nm2_per_s2,vacf_normalized,n",
                Files.readAllLines(out.resolve("vacf.csv")).get(0));
        try (CsvReader reader = CsvReader.open(out.resolve("vacf.csv"))) {
            assertEquals(1, reader.next().getDouble("vacf_normalized"), 1e-12);
            CsvReader.Row lag1 = reader.next();
            assertEquals(Math.pow(2, alpha - 1) - 1, lag1.getDouble("vacf_normalized"), 0.03);
            assertEquals(0.01, lag1.getDouble("lag_s"), 1e-12);
        }
        assertEquals(200 * 6 + 1, Files.readAllLines(out.resolve("vacf_tracks.csv")).size());
        assertEquals(2, CliRunner.lptem("vacf", csv.toString(), "--out", dir.resolve("x").toString(), "--delta",
                "0").code());
    }
}
