package org.lptem.io;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.Calibration;
import org.lptem.core.Detection;
import org.lptem.core.Frame;
import org.lptem.core.InMemoryVideo;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;
import org.lptem.core.Track;

class OverlayTest {
    private static final int W = 40;
    private static final int H = 24;

    @TempDir
    Path dir;

    private static InMemoryVideo flat(int frames) {
        List<Frame> list = new ArrayList<>();
        for (int k = 0; k < frames; k++) {
            short[] s = new short[W * H];
            for (int i = 0; i < s.length; i++) {
                s[i] = (short) (1000 + (i % 7));
            }
            list.add(Frame.ofShorts(W, H, s, false));
        }
        return new InMemoryVideo("flat", list, Calibration.NONE);
    }

    /** Label 5 is a 6 x 6 square whose left edge moves one pixel right per frame. */
    private static InMemoryVideo labels(int frames) {
        List<Frame> list = new ArrayList<>();
        for (int k = 0; k < frames; k++) {
            short[] s = new short[W * H];
            for (int y = 8; y < 14; y++) {
                for (int x = 10 + k; x < 16 + k; x++) {
                    s[y * W + x] = 5;
                }
            }
            list.add(Frame.ofShorts(W, H, s, false));
        }
        return new InMemoryVideo("labels", list, Calibration.NONE);
    }

    private static boolean isGrey(int rgb) {
        int r = rgb >> 16 & 255;
        int g = rgb >> 8 & 255;
        int b = rgb & 255;
        return r == g && g == b;
    }

    @Test
    void outlinesFollowTheLabelsOfTheMappedFrame() {
        InMemoryVideo video = flat(6);
        // the drawn video starts at frame 2 of the labels' numbering and takes every second frame
        Overlay overlay = new Overlay(labels(6), List.of(), 0, 2, 2);
        BufferedImage img = FrameImages.grey(video.frame(0), FrameImages.DisplayRange.of(video.frame(0)));
        overlay.paint(img, 1); // labels frame 4: square spans x = 14..19
        int colour = FrameImages.colour(5).getRGB();
        assertEquals(colour, img.getRGB(14, 10));
        assertEquals(colour, img.getRGB(19, 10));
        assertTrue(isGrey(img.getRGB(13, 10)), "left of the square stays grey");
        assertTrue(isGrey(img.getRGB(16, 10)), "inside the square stays grey");
        assertEquals(4, overlay.frameOf(1));
    }

    @Test
    void trackTailsAreDrawnOnlyUpToTheCurrentFrame() {
        Track t = new Track(3, List.of(Detection.at(0, 5, 12), Detection.at(1, 15, 12), Detection.at(2, 25, 12),
                Detection.at(3, 35, 12)));
        Overlay overlay = Overlay.of(null, List.of(t), 10);
        InMemoryVideo video = flat(4);
        BufferedImage img = FrameImages.grey(video.frame(1), FrameImages.DisplayRange.of(video.frame(1)));
        overlay.paint(img, 1);
        assertFalse(isGrey(img.getRGB(8, 12)), "the tail from frame 0 to 1 is drawn");
        assertTrue(isGrey(img.getRGB(30, 12)), "frames after the current one are not drawn");
        BufferedImage none = FrameImages.grey(video.frame(1), FrameImages.DisplayRange.of(video.frame(1)));
        Overlay.of(null, List.of(t), 0).paint(none, 1);
        assertTrue(isGrey(none.getRGB(8, 12)), "without a tail only the ring at the current position is drawn");
    }

    @Test
    void pngPreviewWithOverlayIsWrittenAndDecodes() throws Exception {
        Path out = dir.resolve("preview.png");
        VideoExport.write(flat(3), out, VideoExport.Format.ofFileName(out), 0, Overlay.of(labels(3), List.of(), 0),
                Progress.NONE);
        BufferedImage back = ImageIO.read(out.toFile());
        assertEquals(W, back.getWidth());
        assertEquals(FrameImages.colour(5).getRGB(), back.getRGB(10, 10));
    }

    @Test
    void labelsOfTheWrongSizeOrTooFewFramesAreRejectedBeforeWriting() {
        Path out = dir.resolve("movie.avi");
        List<Frame> small = List.of(Frame.blank(10, 10, org.lptem.core.PixelType.UINT16));
        LptemException size = assertThrows(LptemException.class, () -> VideoExport.write(flat(3), out,
                VideoExport.Format.AVI, 5, Overlay.of(new InMemoryVideo("small", small, Calibration.NONE),
                        List.of(), 0), Progress.NONE));
        assertTrue(size.getMessage().contains("10 x 10"), size.getMessage());
        LptemException frames = assertThrows(LptemException.class, () -> VideoExport.write(flat(5), out,
                VideoExport.Format.AVI, 5, Overlay.of(labels(3), List.of(), 0), Progress.NONE));
        assertTrue(frames.getMessage().contains("3 label frames"), frames.getMessage());
        assertFalse(Files.exists(out));
        assertThrows(LptemException.class, () -> VideoExport.write(flat(2), dir.resolve("x.tif"),
                VideoExport.Format.TIFF, 0, Overlay.of(null, List.of(), 0), Progress.NONE));
    }
}
