package org.lptem.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.Calibration;
import org.lptem.core.Detection;
import org.lptem.core.Track;
import org.lptem.io.CsvReader;
import org.lptem.io.TracksCsv;
import org.lptem.stats.ModelTracks;
import org.lptem.stats.MsdModel;
import org.lptem.stats.TrackSeries;

class MsdCommandTest {

    /** Tracks as records, with orientations (rods turning by 3 degrees per frame) when asked. */
    static List<Track> tracks(List<TrackSeries> series, boolean orientation) {
        SplittableRandom random = new SplittableRandom(3);
        List<Track> out = new ArrayList<>();
        for (TrackSeries s : series) {
            List<Detection> points = new ArrayList<>();
            double angle = 180 * random.nextDouble();
            for (int i = 0; i < s.size(); i++) {
                angle += 3 * random.nextGaussian();
                double wrapped = angle - 180 * Math.floor(angle / 180);
                double o = orientation ? (wrapped > 90 ? wrapped - 180 : wrapped) : Double.NaN;
                points.add(new Detection(s.frame(i), s.x()[i] + 500, s.y()[i] + 500, 20, o, 8, 3, 100, 1, 1));
            }
            out.add(new Track(s.particle(), points));
        }
        return out;
    }

    static Path writeTracks(Path dir, List<TrackSeries> series, boolean orientation, Calibration cal) {
        Path csv = dir.resolve("tracks.csv");
        TracksCsv.write(csv, tracks(series, orientation), cal);
        return csv;
    }

    static List<String[]> rows(Path csv) throws Exception {
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            out.add(line.split(",", -1));
        }
        return out;
    }

    @Test
    void writesTablesPlotsAndReadmeInCalibratedUnits(@TempDir Path dir) throws Exception {
        List<TrackSeries> brownian = ModelTracks.simulate(MsdModel.planar(0), 0.5, 1, 0.09, 40, 120, 1);
        Path csv = writeTracks(dir, brownian, true, Calibration.of(2.0, 0.05));
        Path out = dir.resolve("msd");
        CliRunner.Run r = CliRunner.lptem("msd", csv.toString(), "--out", out.toString(), "--bootstrap", "30");
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("msd_ensemble.csv", "msd_tracks.csv", "fits.csv", "fit_ensemble.csv",
                "track_shapes.csv", "msd.png", "msd.svg", "trajectories.png", "trajectories.svg", "msd_readme.txt",
                "rotational_msd_ensemble.csv", "rotational_fits.csv", "rotational_msd.png", "rotational_msd.svg")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertTrue(Files.readAllLines(out.resolve("msd_ensemble.csv")).get(0)
                .startsWith("lag_frames,lag_s,msd_px2,msd_nm2,n,"), "calibration read from x_nm and t_s");
        String fits = Files.readAllLines(out.resolve("fits.csv")).get(0);
        for (String column : List.of("particle", "D_px2_per_frame", "D_px2_per_frame_lo", "D_nm2_per_s_hi",
                "alpha", "alpha_lo", "alpha_hi", "K_nm2_per_s_alpha", "sigma_nm", "sigma_nm_lo", "n_points_D",
                "n_points_alpha", "sigma_method")) {
            assertTrue(List.of(fits.split(",")).contains(column), column + " in " + fits);
        }
        try (CsvReader reader = CsvReader.open(out.resolve("fit_ensemble.csv"))) {
            CsvReader.Row row = reader.next();
            // D = 0.5 px^2/frame = 0.5 x 4 nm^2 / 0.05 s = 40 nm^2/s; sigma = 0.3 px = 0.6 nm
            assertEquals(40, row.getDouble("D_nm2_per_s"), 4);
            assertTrue(row.getDouble("D_nm2_per_s_lo") < row.getDouble("D_nm2_per_s")
                    && row.getDouble("D_nm2_per_s") < row.getDouble("D_nm2_per_s_hi"));
            assertEquals(0.6, row.getDouble("sigma_nm"), 0.15);
            assertEquals(1, row.getDouble("alpha"), 0.1);
            assertEquals("ensemble", row.get("sigma_method"));
        }
        assertTrue(Files.readAllLines(out.resolve("rotational_fits.csv")).get(0).contains("D_rad2_per_s"));
        assertEquals(800, ImageIO.read(out.resolve("msd.png").toFile()).getWidth());
        String readme = Files.readString(out.resolve("msd_readme.txt"));
        assertTrue(readme.contains("sigma_method") && readme.contains("ensemble (one sigma for all tracks"), readme);
        assertTrue(r.out().contains("translation: ensemble D = "), r.out());
        assertTrue(r.err().contains("100%"), "progress on standard error: " + r.err());
        assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().contains(".partial-")));
    }

    /** The issue's acceptance on the alpha written to fits.csv: fBm, 1,000 tracks of 200 frames. */
    @Test
    void fbmAlphaInFitsCsvIsWithinTheIssuesBounds(@TempDir Path dir) throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        for (double noise : new double[] {0, 0.3}) {
            List<TrackSeries> tracks = new ArrayList<>();
            double[] alpha = new double[1000];
            for (int i = 0; i < alpha.length; i++) {
                alpha[i] = 0.1 + 1.8 * random.nextDouble();
                // unit step per axis: K = 1/2 px^2/frame^alpha
                TrackSeries t = ModelTracks.simulate(MsdModel.planar(0), 0.5, alpha[i], noise * noise, 1, 200,
                        random.nextLong()).get(0);
                tracks.add(new TrackSeries(i + 1, t.frames(), t.x(), t.y()));
            }
            Path sub = Files.createDirectory(dir.resolve("noise" + noise));
            Path csv = writeTracks(sub, tracks, false, Calibration.NONE);
            Path out = sub.resolve("out");
            CliRunner.Run r = CliRunner.lptem("msd", csv.toString(), "--out", out.toString(), "--bootstrap", "0");
            assertEquals(0, r.code(), r.err());
            double mae = 0;
            try (CsvReader reader = CsvReader.open(out.resolve("fits.csv"))) {
                for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
                    mae += Math.abs(row.getDouble("alpha") - alpha[row.getInt("particle") - 1]);
                }
            }
            mae /= alpha.length;
            System.out.printf("fits.csv, fBm 1000 x 200, localisation noise %.1f step: alpha MAE %.4f%n", noise, mae);
            assertTrue(mae <= (noise == 0 ? 0.10 : 0.15), "noise " + noise + ": alpha MAE " + mae);
        }
    }

    @Test
    void optionsOverrideTheTableAndBadInputExitsWithTwo(@TempDir Path dir) throws Exception {
        List<TrackSeries> tracks = ModelTracks.simulate(MsdModel.planar(0), 0.5, 1, 0, 10, 60, 2);
        Path csv = writeTracks(dir, tracks, false, Calibration.NONE);
        Path out = dir.resolve("px");
        assertEquals(0, CliRunner.lptem("msd", csv.toString(), "--out", out.toString(), "--bootstrap", "0").code());
        assertEquals("lag_frames,msd_px2,n,msd_ta_mean_px2,msd_ta_mean_px2_lo,msd_ta_mean_px2_hi,n_tracks,msd_ea_px2,"
                + "n_tracks_ea,eb", Files.readAllLines(out.resolve("msd_ensemble.csv")).get(0));
        assertFalse(Files.exists(out.resolve("rotational_fits.csv")), "no orientation, no rotation");

        Path nm = dir.resolve("nm");
        CliRunner.Run r = CliRunner.lptem("msd", csv.toString(), "--out", nm.toString(), "--pixel-size", "2", "--frame-interval", "0.1",
                "--bootstrap", "0", "--sigma-method", "covariance", "--max-lag", "12");
        assertEquals(0, r.code(), r.err());
        List<String[]> ensemble = rows(nm.resolve("msd_ensemble.csv"));
        assertEquals(13, ensemble.size(), "lags 1..12");
        assertEquals(0.1, Double.parseDouble(ensemble.get(1)[1]), 1e-12);
        assertEquals(4 * Double.parseDouble(ensemble.get(1)[2]), Double.parseDouble(ensemble.get(1)[3]), 1e-9);
        assertTrue(Files.readString(nm.resolve("fits.csv")).contains(",covariance"));

        Path fixed = dir.resolve("fixed");
        assertEquals(0, CliRunner.lptem("msd", csv.toString(), "--out", fixed.toString(), "--sigma-px", "0.25", "--bootstrap",
                "0").code());
        try (CsvReader reader = CsvReader.open(fixed.resolve("fits.csv"))) {
            CsvReader.Row row = reader.next();
            assertEquals(0.25, row.getDouble("sigma_px"), 1e-12);
            assertEquals("fixed", row.get("sigma_method"));
        }
        CliRunner.Run tooLarge = CliRunner.lptem("msd", csv.toString(), "--out", dir.resolve("big").toString(),
                "--sigma-px", "100", "--bootstrap", "0");
        assertEquals(0, tooLarge.code(), tooLarge.err());
        assertTrue(tooLarge.out().contains("D < 0 is not physical"), "a negative D is explained: " + tooLarge.out());
        assertFalse(CliRunner.lptem("msd", csv.toString(), "--out", dir.resolve("ok").toString(), "--bootstrap", "0")
                .out().contains("not physical"));

        for (String[] bad : List.of(new String[] {"msd", dir.resolve("missing.csv").toString()},
                new String[] {"msd", csv.toString(), "--sigma-method", "magic"},
                new String[] {"msd", csv.toString(), "--sigma-nm", "1"},
                new String[] {"msd", csv.toString(), "--exposure-fraction", "2"},
                new String[] {"msd", csv.toString(), "--min-length", "1000"},
                new String[] {"msd", csv.toString(), "--min-length", "-1"},
                new String[] {"msd", csv.toString(), "--pixel-size", "-1"})) {
            Path o = dir.resolve("bad");
            List<String> args = new ArrayList<>(List.of(bad));
            args.addAll(List.of("--out", o.toString()));
            CliRunner.Run b = CliRunner.lptem(args.toArray(String[]::new));
            assertEquals(2, b.code(), String.join(" ", bad) + ": " + b.err());
            assertTrue(b.err().lines().anyMatch(l -> l.startsWith("lptem: ")), b.err());
            assertFalse(Files.exists(o), "no output for " + String.join(" ", bad));
        }
    }
}
