package org.lptem.io;

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
import org.lptem.core.Calibration;
import org.lptem.core.Frame;
import org.lptem.core.InMemoryVideo;
import org.lptem.core.LptemException;
import org.lptem.core.PixelType;
import org.lptem.core.Progress;
import org.lptem.core.Video;

class VideoExportTest {
    private static final int W = 32;
    private static final int H = 20;

    @TempDir
    Path dir;

    /** A dark disc moving right over a bright, 16-bit background. */
    private static InMemoryVideo discs(int frames, Calibration calibration) {
        List<Frame> list = new ArrayList<>();
        for (int k = 0; k < frames; k++) {
            short[] s = new short[W * H];
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    double dx = x - (6 + 3 * k);
                    double dy = y - 10;
                    s[y * W + x] = (short) (dx * dx + dy * dy <= 16 ? 1000 : 3000 + x);
                }
            }
            list.add(Frame.ofShorts(W, H, s, false));
        }
        return new InMemoryVideo("discs", list, calibration);
    }

    @Test
    void tiffKeepsValuesTypeAndCalibration() throws Exception {
        InMemoryVideo video = discs(4, Calibration.of(0.8, 0.05));
        Path out = dir.resolve("copy.tif");
        VideoExport.write(video, out, VideoExport.Format.TIFF, 0, Progress.NONE);
        try (Video back = VideoIO.open(out)) {
            assertEquals(4, back.frameCount());
            assertEquals(PixelType.UINT16, back.pixelType());
            assertEquals(0.8, back.calibration().nmPerPixel().getAsDouble(), 1e-9);
            assertEquals(0.05, back.calibration().secondsPerFrame().getAsDouble(), 1e-9);
            for (int k = 0; k < 4; k++) {
                assertEquals(video.frame(k), back.frame(k), "frame " + k);
            }
        }
    }

    @Test
    void moviesShowTheDiscWhereItIs() throws Exception {
        for (VideoExport.Format format : List.of(VideoExport.Format.MP4, VideoExport.Format.AVI)) {
            Path out = dir.resolve("movie." + format.extension());
            VideoExport.write(discs(5, Calibration.NONE), out, format, 0, Progress.NONE);
            try (Video back = VideoIO.open(out)) {
                assertEquals(5, back.frameCount(), format.name());
                Frame last = back.frame(4);
                // the disc centre (18, 10) in frame 4 is black, the background far from it bright
                assertTrue(last.get(18, 10) < 60, format + " disc " + last.get(18, 10));
                assertTrue(last.get(2, 2) > 150, format + " background " + last.get(2, 2));
            }
        }
    }

    @Test
    void realTimeFrameRateComesFromTheFrameInterval() {
        assertEquals(20, VideoExport.realTime(Calibration.of(null, 0.05)), 1e-9);
        assertEquals(VideoExport.DEFAULT_FPS, VideoExport.realTime(Calibration.NONE));
    }

    @Test
    void formatFollowsTheExtension() {
        assertEquals(VideoExport.Format.TIFF, VideoExport.Format.ofFileName(Path.of("a/B.TIFF")));
        assertEquals(VideoExport.Format.MP4, VideoExport.Format.ofFileName(Path.of("b.mp4")));
        assertEquals(VideoExport.Format.AVI, VideoExport.Format.ofFileName(Path.of("c.avi")));
        LptemException e = assertThrows(LptemException.class,
                () -> VideoExport.Format.ofFileName(Path.of("movie.mov")));
        assertTrue(e.getMessage().contains("movie.mov"), e.getMessage());
    }

    @Test
    void cancelingLeavesNoFile() throws Exception {
        int[] frames = {0};
        Progress cancelAfterTwo = new Progress() {
            @Override
            public void report(double fraction, String message) {
            }

            @Override
            public void checkCanceled() {
                if (frames[0]++ == 2) {
                    throw new CanceledException();
                }
            }
        };
        for (VideoExport.Format format : VideoExport.Format.values()) {
            // a PNG preview is one frame: cancel at its only check
            frames[0] = format == VideoExport.Format.PNG ? 2 : 0;
            Path out = dir.resolve("canceled." + format.extension());
            assertThrows(CanceledException.class,
                    () -> VideoExport.write(discs(6, Calibration.NONE), out, format, 0, cancelAfterTwo));
            assertFalse(Files.exists(out), format.name());
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "temporary files are removed too");
        }
    }

    @Test
    void refusesToOverwriteItsInput() throws Exception {
        Path in = dir.resolve("in.tif");
        VideoExport.write(discs(2, Calibration.NONE), in, VideoExport.Format.TIFF, 0, Progress.NONE);
        byte[] before = Files.readAllBytes(in);
        try (Video video = VideoIO.open(in)) {
            LptemException e = assertThrows(LptemException.class,
                    () -> VideoExport.write(video, in, VideoExport.Format.TIFF, 0, Progress.NONE));
            assertTrue(e.getMessage().contains("input"), e.getMessage());
        }
        assertEquals(before.length, Files.readAllBytes(in).length);
    }

    @Test
    void badFrameRateIsRefused() {
        assertThrows(LptemException.class, () -> VideoExport.write(discs(1, Calibration.NONE),
                dir.resolve("x.mp4"), VideoExport.Format.MP4, -1, Progress.NONE));
    }
}
