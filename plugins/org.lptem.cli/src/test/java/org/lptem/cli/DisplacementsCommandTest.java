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

class DisplacementsCommandTest {

    @Test
    void writesVanHoveMomentsAndTurningAngles(@TempDir Path dir) throws Exception {
        Path csv = MsdCommandTest.writeTracks(dir, ModelTracks.simulate(MsdModel.planar(0), 0.5, 1, 0, 200, 100, 4),
                false, Calibration.of(0.5, null));
        Path out = dir.resolve("d");
        CliRunner.Run r = CliRunner.lptem("displacements", csv.toString(), "--out", out.toString(), "--lags",
                "1,3,9", "--max-lag", "10");
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("van_hove.csv", "displacement_moments.csv", "turning_angles.csv", "van_hove.png",
                "van_hove.svg", "non_gaussian.png", "turning_angles.svg", "displacements_readme.txt")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertEquals("lag_frames,n,dx_px,dx_nm,histogram_per_px,histogram_per_nm,kde_per_px,kde_per_nm,"
                + "gaussian_per_px,gaussian_per_nm,bandwidth_px,bandwidth_nm",
                Files.readAllLines(out.resolve("van_hove.csv")).get(0), "no frame interval, no lag_s");
        int rows = 0;
        try (CsvReader reader = CsvReader.open(out.resolve("displacement_moments.csv"))) {
            for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
                assertEquals(0, row.getDouble("alpha2"), 0.05, "Brownian at lag " + row.getInt("lag_frames"));
                assertEquals(200 * (100 - row.getInt("lag_frames")), row.getInt("n"));
                rows++;
            }
        }
        assertEquals(10, rows);
        assertEquals(3 * 51 + 1, Files.readAllLines(out.resolve("van_hove.csv")).size());
        assertTrue(r.out().contains("alpha2"), r.out());
        assertEquals(2, CliRunner.lptem("displacements", csv.toString(), "--out", dir.resolve("x").toString(),
                "--lags", "0").code());
    }
}
