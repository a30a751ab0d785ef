package org.lptem.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.jcodec.common.DemuxerTrackMeta;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.containers.mp4.demuxer.MP4Demuxer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.Frame;
import org.lptem.core.LptemException;
import org.lptem.core.Video;

class MovieWriterTest {
    static final int W = 40;
    static final int H = 24;

    @TempDir
    Path dir;

    /** A grey gradient with a white disc moving right, the kind of frame an overlay movie shows. */
    static BufferedImage frame(int k) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int g = 40 + 2 * x + 3 * y;
                img.setRGB(x, y, g << 16 | g << 8 | g);
            }
        }
        Graphics2D gr = img.createGraphics();
        gr.setColor(Color.WHITE);
        gr.fillOval(4 + 3 * k, 8, 8, 8);
        gr.dispose();
        return img;
    }

    private static double meanError(Frame f, BufferedImage expected) {
        double e = 0;
        for (int y = 0; y < f.height(); y++) {
            for (int x = 0; x < f.width(); x++) {
                int c = expected.getRGB(Math.min(x, W - 1), Math.min(y, H - 1)) & 0xFF;
                e += Math.abs(f.get(x, y) - c);
            }
        }
        return e / (f.width() * f.height());
    }

    @Test
    void writesMovieFilesThatTheReadersOpen() throws Exception {
        for (MovieWriter.Kind kind : MovieWriter.Kind.values()) {
            Path out = dir.resolve("overlay." + kind.name().toLowerCase(java.util.Locale.ROOT));
            try (MovieWriter w = new MovieWriter(out, kind, W, H, 10)) {
                for (int k = 0; k < 6; k++) {
                    w.write(frame(k));
                }
                assertEquals(6, w.frameCount());
            }
            try (Video v = VideoIO.open(out)) {
                assertEquals(kind == MovieWriter.Kind.MP4 ? "mp4" : "avi", v.format());
                assertEquals(6, v.frameCount());
                assertEquals(W, v.width());
                assertEquals(H, v.height());
                for (int k = 0; k < 6; k++) {
                    double e = meanError(v.frame(k), frame(k));
                    // H.264 through jcodec's colour conversion is the lossier of the two
                    assertTrue(e < (kind == MovieWriter.Kind.MP4 ? 10 : 2), kind + " frame " + k + " error " + e);
                }
            }
        }
    }

    @Test
    void oddSizesArePaddedInMp4AndKeptInAvi() throws Exception {
        BufferedImage odd = new BufferedImage(13, 9, BufferedImage.TYPE_INT_ARGB);
        Path mp4 = dir.resolve("odd.mp4");
        try (MovieWriter w = new MovieWriter(mp4, MovieWriter.Kind.MP4, 13, 9, 25)) {
            w.write(odd);
        }
        try (Video v = VideoIO.open(mp4)) {
            assertEquals(14, v.width());
            assertEquals(10, v.height());
        }
        Path avi = dir.resolve("odd.avi");
        try (MovieWriter w = new MovieWriter(avi, MovieWriter.Kind.AVI, 13, 9, 25)) {
            w.write(odd);
        }
        try (Video v = VideoIO.open(avi)) {
            assertEquals(13, v.width());
            assertEquals(9, v.height());
        }
    }

    @Test
    void nothingAppearsUnlessTheMovieIsComplete() throws Exception {
        Path out = dir.resolve("failed.avi");
        MovieWriter w = new MovieWriter(out, MovieWriter.Kind.AVI, W, H, 10);
        w.write(frame(0));
        assertThrows(IllegalArgumentException.class, () -> w.write(new BufferedImage(3, 3, 1)));
        w.abort();
        assertFalse(Files.exists(out));
        Path empty = dir.resolve("empty.mp4");
        LptemException e = assertThrows(LptemException.class,
                () -> new MovieWriter(empty, MovieWriter.Kind.MP4, W, H, 10).close());
        assertTrue(e.getMessage().contains("no frames were written"), e.getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count(), "no file and no temporary file is left");
        }
    }

    @Test
    void slowTimeLapsesKeepTheirFrameRate() throws Exception {
        // one frame an hour, as a real-time export of such a time-lapse asks: 1/1000 fps steps rounded this to 0
        double fps = 1 / 3600.0;
        Path avi = dir.resolve("hourly.avi");
        try (MovieWriter w = new MovieWriter(avi, MovieWriter.Kind.AVI, W, H, fps)) {
            w.write(frame(0));
            w.write(frame(1));
        }
        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(avi)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("strh", new String(Arrays.copyOfRange(header.array(), 100, 104), StandardCharsets.US_ASCII));
        int scale = header.getInt(128); // strh dwScale, then dwRate: rate / scale frames per second
        int rate = header.getInt(132);
        assertEquals(fps, (double) rate / scale, 1e-12);
        assertEquals(3_600_000_000L, Integer.toUnsignedLong(header.getInt(32)), "avih microseconds per frame");

        Path mp4 = dir.resolve("hourly.mp4");
        try (MovieWriter w = new MovieWriter(mp4, MovieWriter.Kind.MP4, W, H, fps)) {
            for (int k = 0; k < 3; k++) {
                w.write(frame(k));
            }
        }
        try (FileChannelWrapper in = NIOUtils.readableChannel(mp4.toFile())) {
            DemuxerTrackMeta meta = MP4Demuxer.createMP4Demuxer(in).getVideoTrack().getMeta();
            assertEquals(3, meta.getTotalFrames());
            assertEquals(3 * 3600.0, meta.getTotalDuration(), 1e-6);
        }
        try (Video v = VideoIO.open(mp4)) {
            assertEquals(3, v.frameCount());
        }
    }

    @Test
    void aFrameIntervalNoContainerCanHoldIsRefusedLeavingNothing() throws Exception {
        Path out = dir.resolve("glacial.avi");
        LptemException e = assertThrows(LptemException.class,
                () -> new MovieWriter(out, MovieWriter.Kind.AVI, W, H, 1e-7));
        assertTrue(e.getMessage().contains("glacial.avi: cannot store the frame rate: a frame interval of 1.0E7 s"),
                e.getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }
}
