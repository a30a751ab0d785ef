package org.lptem.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.Track;
import org.lptem.io.TiffStackWriter;
import org.lptem.io.TracksCsv;
import org.lptem.simulate.SimulatedVideo;
import org.lptem.simulate.SimulationSettings;

class AnalyzeCommandTest {

    @Test
    void demoWritesEveryResultAndRecoversTheSimulatedParticles(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("demo");
        CliRunner.Run r = CliRunner.lptem("analyze", "--demo", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("detections.csv", "tracks.csv", "msd_ensemble.csv", "msd_tracks.csv", "fits.csv",
                "fit_ensemble.csv", "msd_readme.txt", "tracks.png", "msd.png", "video.tif", "truth_tracks.csv")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertTrue(r.err().contains("100%"), "progress is shown: " + r.err());
        SimulationSettings s = SimulationSettings.demo();
        List<Track> tracks = TracksCsv.read(out.resolve("tracks.csv"));
        // Every simulated particle is found, and most are followed through most frames.
        long longTracks = tracks.stream().filter(t -> t.size() >= s.frames() * 0.8).count();
        assertTrue(longTracks >= s.particles() - 1, "long tracks: " + longTracks + " of " + tracks.size());
        String header = Files.readAllLines(out.resolve("tracks.csv")).get(0);
        assertTrue(header.startsWith("frame,particle,x,y,x_nm,y_nm,t_s"), header);
        assertTrue(Files.readAllLines(out.resolve("msd_ensemble.csv")).get(0).startsWith("lag_frames,lag_s,"));
        BufferedImage png = ImageIO.read(out.resolve("tracks.png").toFile());
        assertTrue(png.getWidth() >= 256, "overlay width " + png.getWidth());
        // D set to 20 nm^2/s: the analysis, the same fit of the true positions and lptem msd on the tracks agree
        java.util.regex.Matcher d = java.util.regex.Pattern.compile("diffusion D: +([0-9.]+) \\[").matcher(r.out());
        assertTrue(d.find(), r.out());
        double analysed = Double.parseDouble(d.group(1));
        assertEquals(s.diffusionNm2PerS(), analysed, 0.3 * s.diffusionNm2PerS(), r.out());
        CliRunner.Run msd = CliRunner.lptem("msd", out.resolve("tracks.csv").toString(), "--out",
                dir.resolve("msd").toString());
        assertEquals(0, msd.code(), msd.err());
        assertTrue(msd.out().contains("ensemble D = " + d.group(1) + " "), "same D as lptem msd: " + msd.out());
        assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().endsWith(".partial")));
    }

    @Test
    void analysesASixteenBitTiffStackAndUsesItsCalibration(@TempDir Path dir) throws Exception {
        SimulationSettings s = SimulationSettings.demo().toBuilder().frames(20).seed(7).bitDepth(16).build();
        Path tif = dir.resolve("stack.tif");
        try (SimulatedVideo v = new SimulatedVideo(s);
                TiffStackWriter w = new TiffStackWriter(tif, v.width(), v.height(), v.pixelType(), v.calibration())) {
            for (int i = 0; i < v.frameCount(); i++) {
                w.write(v.frame(i));
            }
        }
        Path out = dir.resolve("result");
        CliRunner.Run r = CliRunner.lptem("analyze", tif.toString(), "--out", out.toString(), "--frames", "0:20:2");
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(out.resolve("msd_ensemble.csv"));
        assertTrue(rows.get(0).startsWith("lag_frames,lag_s,msd_px2,msd_nm2,n,"), rows.get(0));
        String[] lag1 = rows.get(1).split(",");
        assertEquals("1", lag1[0]);
        // Every second frame of 0.05 s frames: lag 1 is 0.1 s.
        assertEquals(0.1, Double.parseDouble(lag1[1]), 1e-9);
        assertEquals(Double.parseDouble(lag1[2]) * s.nmPerPixel() * s.nmPerPixel(), Double.parseDouble(lag1[3]),
                1e-6 * Double.parseDouble(lag1[3]));
    }

    @Test
    void badInputsExitWithTwoAndOneLineNamingTheFileAndLeaveNoOutput(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("notes.tif");
        Files.writeString(text, "these are my notes, not an image\n");
        Path emptyFolder = Files.createDirectory(dir.resolve("empty"));
        Path mixed = Files.createDirectory(dir.resolve("mixed"));
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY), "png", mixed.resolve("f1.png").toFile());
        ImageIO.write(new BufferedImage(9, 8, BufferedImage.TYPE_BYTE_GRAY), "png", mixed.resolve("f2.png").toFile());
        Path truncated = dir.resolve("cut.tif");
        SimulationSettings s = SimulationSettings.demo().toBuilder().frames(3).build();
        try (SimulatedVideo v = new SimulatedVideo(s);
                TiffStackWriter w = new TiffStackWriter(truncated, v.width(), v.height(), v.pixelType(),
                        v.calibration())) {
            for (int i = 0; i < v.frameCount(); i++) {
                w.write(v.frame(i));
            }
        }
        byte[] full = Files.readAllBytes(truncated);
        Files.write(truncated, java.util.Arrays.copyOf(full, full.length / 2));

        for (Path bad : List.of(text, emptyFolder, mixed, truncated, dir.resolve("missing.tif"))) {
            Path out = dir.resolve("out-" + bad.getFileName());
            CliRunner.Run r = CliRunner.lptem("analyze", bad.toString(), "--out", out.toString());
            assertEquals(2, r.code(), bad + ": " + r.err());
            List<String> lines = r.err().lines().filter(l -> l.startsWith("lptem: ")).toList();
            assertEquals(1, lines.size(), r.err());
            assertTrue(lines.get(0).contains(bad.getFileName().toString()), lines.get(0));
            assertFalse(Files.exists(out), "no output folder for " + bad);
            assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().endsWith(".partial")),
                    "no staging folder left for " + bad);
        }
    }

    @Test
    void badOptionValuesExitWithTwo(@TempDir Path dir) {
        CliRunner.Run r = CliRunner.lptem("analyze", "--demo", "--out", dir.resolve("x").toString(), "--max-distance", "-3");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("-3"), r.err());
        CliRunner.Run frames = CliRunner.lptem("analyze", "x.tif", "--out", dir.resolve("y").toString(), "--frames", "5:2");
        assertEquals(2, frames.code());
        assertTrue(frames.err().contains("--frames '5:2'"), frames.err());
        assertEquals(2, CliRunner.lptem("analyze", "--out", dir.resolve("z").toString()).code());
    }

    @Test
    void infoPrintsTheVideoAsJson(@TempDir Path dir) throws Exception {
        Path tif = dir.resolve("s.tif");
        SimulationSettings s = SimulationSettings.demo().toBuilder().frames(4).bitDepth(16).build();
        try (SimulatedVideo v = new SimulatedVideo(s);
                TiffStackWriter w = new TiffStackWriter(tif, v.width(), v.height(), v.pixelType(), v.calibration())) {
            for (int i = 0; i < v.frameCount(); i++) {
                w.write(v.frame(i));
            }
        }
        CliRunner.Run r = CliRunner.lptem("info", tif.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"frames\": 4"), r.out());
        assertTrue(r.out().contains("\"width_px\": " + s.width()), r.out());
        assertTrue(r.out().contains("\"height_px\": " + s.height()), r.out());
        assertTrue(r.out().contains("\"pixel_type\": \"uint16\""), r.out());
        assertTrue(r.out().contains("\"nm_per_px\": " + org.lptem.io.JsonText.of(s.nmPerPixel()).trim()), r.out());
        assertEquals(2, CliRunner.lptem("info", dir.resolve("nope.tif").toString()).code());
    }

    @Test
    void resultsNeverGoIntoTheInputsFolder(@TempDir Path dir) throws Exception {
        Path sim = dir.resolve("sim");
        assertEquals(0, CliRunner.lptem("simulate", "--preset", "demo", "--frames", "5", "--out", sim.toString())
                .code());
        byte[] truth = Files.readAllBytes(sim.resolve("tracks.csv"));
        CliRunner.Run r = CliRunner.lptem("analyze", sim.resolve("video.tif").toString(), "--out", sim.toString(),
                "--segmentation", "classical");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("holds the input"), r.err());
        assertArrayEquals(truth, Files.readAllBytes(sim.resolve("tracks.csv")), "the ground truth is untouched");
        CliRunner.Run seg = CliRunner.lptem("segment", sim.resolve("video.tif").toString(), "--out", sim.toString());
        assertEquals(2, seg.code(), seg.err());
    }
}
