package org.lptem.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lptem.cli.CliRunner.lptem;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.Calibration;
import org.lptem.core.Frame;
import org.lptem.core.PixelType;
import org.lptem.core.Video;
import org.lptem.io.TiffStackWriter;
import org.lptem.io.VideoIO;

class ConvertCommandTest {
    static final int W = 9;
    static final int H = 7;

    static short[] pattern(int k) {
        short[] s = new short[W * H];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (k * 4099 + i * 257 - 32768);
        }
        return s;
    }

    /** An MRC2014 stack of 16-bit signed sections (mode 1), big-endian, 1.5 A/px, with an extended header. */
    static Path mrc(Path file, int frames) throws Exception {
        int extended = 40;
        ByteBuffer b = ByteBuffer.allocate(1024 + extended + 2 * W * H * frames).order(ByteOrder.BIG_ENDIAN);
        b.putInt(0, W).putInt(4, H).putInt(8, frames).putInt(12, 1);
        b.putInt(28, W).putInt(32, H).putInt(36, frames);
        b.putFloat(40, 1.5f * W).putFloat(44, 1.5f * H).putFloat(48, frames);
        b.putInt(64, 1).putInt(68, 2).putInt(72, 3).putInt(92, extended);
        b.put(208, (byte) 'M').put(209, (byte) 'A').put(210, (byte) 'P').put(211, (byte) ' ');
        b.put(212, (byte) 0x11).put(213, (byte) 0x11);
        b.position(1024 + extended);
        for (int k = 0; k < frames; k++) {
            for (short v : pattern(k)) {
                b.putShort(v);
            }
        }
        Files.write(file, b.array());
        return file;
    }

    @Test
    void convertsAnMrcStackToTiffWithValuesAndCalibrationUnchanged(@TempDir Path dir) throws Exception {
        Path in = mrc(dir.resolve("movie.mrcs"), 6);
        Path out = dir.resolve("movie.tif");
        CliRunner.Run r = lptem("convert", in.toString(), out.toString(), "--frame-interval", "0.05");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("wrote 6 frames of 9 x 7 int16 (mrc) to " + out), r.out());
        try (Video v = VideoIO.open(out)) {
            assertEquals("tiff", v.format());
            assertEquals(6, v.frameCount());
            assertEquals(PixelType.INT16, v.pixelType());
            // 1.5 A/px = 0.15 nm/px as the MRC header holds it (float32 cell length over the sampling)
            assertEquals(Calibration.of((double) (1.5f * W) / W / 10, 0.05), v.calibration());
            for (int k = 0; k < 6; k++) {
                assertArrayEquals(pattern(k), (short[]) v.frame(k).samples(), "frame " + k);
            }
        }
    }

    @Test
    void aFrameRangeSelectsAndStretchesTheFrameInterval(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.tif");
        try (TiffStackWriter w = new TiffStackWriter(in, W, H, PixelType.INT16, Calibration.of(0.5, 0.1))) {
            for (int k = 0; k < 10; k++) {
                w.write(Frame.ofShorts(W, H, pattern(k), true));
            }
        }
        Path out = dir.resolve("every-third.tif");
        CliRunner.Run r = lptem("convert", in.toString(), out.toString(), "--frames", "1:9:3");
        assertEquals(0, r.code(), r.err());
        try (Video v = VideoIO.open(out)) {
            assertEquals(3, v.frameCount());
            assertEquals(0.5, v.calibration().nmPerPixel().getAsDouble());
            assertEquals(0.1 * 3, v.calibration().secondsPerFrame().getAsDouble(), 1e-15);
            int[] taken = {1, 4, 7};
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(pattern(taken[i]), (short[]) v.frame(i).samples(), "frame " + taken[i]);
            }
        }
    }

    @Test
    void badInputIsExitCode2AndLeavesNoOutput(@TempDir Path dir) throws Exception {
        Path in = mrc(dir.resolve("cut.mrc"), 4);
        byte[] all = Files.readAllBytes(in);
        Files.write(in, java.util.Arrays.copyOf(all, all.length - 10));
        Path out = dir.resolve("out.tif");
        CliRunner.Run r = lptem("convert", in.toString(), out.toString());
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains(in.toString()) && r.err().contains("holds only 3"), r.err());
        assertFalse(Files.exists(out));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no partial file is left behind");
        }
        CliRunner.Run range = lptem("convert", mrc(dir.resolve("ok.mrc"), 2).toString(), out.toString(),
                "--frames", "5:9");
        assertEquals(2, range.code());
        assertTrue(range.err().contains("frame range 5:9:1 is not inside the video's 2 frames"), range.err());
        CliRunner.Run same = lptem("convert", in.toString(), in.toString());
        assertEquals(2, same.code());
        assertTrue(same.err().contains("is the input file"), same.err());
    }

    @Test
    void infoNamesTheDetectedFormat(@TempDir Path dir) throws Exception {
        Path in = mrc(dir.resolve("stack.dat"), 3);
        CliRunner.Run r = lptem("info", in.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"format\": \"mrc\""), r.out());
        assertTrue(r.out().contains("\"frames\": 3"), r.out());
        assertTrue(r.out().contains("\"pixel_type\": \"int16\""), r.out());
    }

    @Test
    void moviesAndPreviewsDrawTheSimulatorsLabelsAndTracks(@TempDir Path dir) throws Exception {
        Path sim = dir.resolve("sim");
        assertEquals(0, lptem("simulate", "--preset", "demo", "--frames", "4", "--seed", "3", "--out",
                sim.toString()).code());
        Path png = dir.resolve("preview.png");
        CliRunner.Run r = lptem("convert", sim.resolve("video.tif").toString(), png.toString(), "--frames", "2:3",
                "--labels", sim.resolve("labels.tif").toString(), "--tracks", sim.resolve("tracks.csv").toString());
        assertEquals(0, r.code(), r.err());
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        int coloured = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                if ((p >> 16 & 255) != (p & 255) || (p >> 8 & 255) != (p & 255)) {
                    coloured++;
                }
            }
        }
        assertTrue(coloured > 50, "outlines and track rings are drawn, got " + coloured + " coloured pixels");
        Path movie = dir.resolve("movie.avi");
        assertEquals(0, lptem("convert", sim.resolve("video.tif").toString(), movie.toString(), "--tracks",
                sim.resolve("tracks.csv").toString()).code());
        try (Video back = VideoIO.open(movie)) {
            assertEquals(4, back.frameCount());
        }
        CliRunner.Run bad = lptem("convert", sim.resolve("video.tif").toString(), dir.resolve("x.tif").toString(),
                "--labels", sim.resolve("labels.tif").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("TIFF stack keeps the measured values"), bad.err());
        assertFalse(Files.exists(dir.resolve("x.tif")));
    }
}
