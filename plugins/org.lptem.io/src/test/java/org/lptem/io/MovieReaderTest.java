package org.lptem.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.jcodec.api.SequenceEncoder;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.Calibration;
import org.lptem.core.Frame;
import org.lptem.core.PixelType;
import org.lptem.core.Video;

/** AVI (uncompressed and Motion JPEG) and MP4 (H.264) exports. */
class MovieReaderTest {
    static final int W = 13; // odd: rows need padding in AVI, macroblocks need cropping in H.264
    static final int H = 10;

    @TempDir
    Path dir;

    static byte[] grey(int k, int w, int h) {
        byte[] b = new byte[w * h];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) ((k * 37 + i * 11) % 256);
        }
        return b;
    }

    @Test
    void uncompressed8BitGreyIsExact() throws Exception {
        AviBuilder b = new AviBuilder(W, H, 8, null);
        for (int k = 0; k < 4; k++) {
            b.indexed(grey(k, W, H));
        }
        b.audioStreamFirst = true;
        try (Video v = VideoIO.open(b.writeTo(dir.resolve("grey.avi")))) {
            assertEquals("avi", v.format());
            assertEquals(4, v.frameCount());
            assertEquals(W, v.width());
            assertEquals(H, v.height());
            assertEquals(PixelType.UINT8, v.pixelType());
            assertEquals(Calibration.NONE, v.calibration());
            for (int k = 3; k >= 0; k--) {
                assertEquals(Frame.ofBytes(W, H, grey(k, W, H)), v.frame(k), "frame " + k);
            }
        }
    }

    @Test
    void colourPalettesAnd24BitBecomeLuminance() throws Exception {
        AviBuilder p = new AviBuilder(W, H, 8, null);
        p.palette = new int[256];
        for (int i = 0; i < 256; i++) {
            p.palette[i] = (i << 16) | ((255 - i) << 8) | (i / 2); // BGRA stored little-endian: 0x00RRGGBB
        }
        p.indexed(grey(1, W, H));
        try (Video v = VideoIO.open(p.writeTo(dir.resolve("palette.avi")))) {
            byte[] idx = grey(1, W, H);
            Frame f = v.frame(0);
            for (int i = 0; i < idx.length; i++) {
                int c = idx[i] & 0xFF;
                assertEquals(Grey.luma(c, 255 - c, c / 2), f.get(i));
            }
        }
        int[] rgb = new int[W * H];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (i * 97 % 256) << 16 | (i * 31 % 256) << 8 | (i * 7 % 256);
        }
        try (Video v = VideoIO.open(new AviBuilder(W, H, 24, null).rgb(rgb).rgb(rgb).writeTo(dir.resolve("rgb.avi")))) {
            assertEquals(2, v.frameCount());
            Frame f = v.frame(1);
            for (int i = 0; i < rgb.length; i++) {
                assertEquals(Grey.luma(rgb[i] >> 16, (rgb[i] >> 8) & 0xFF, rgb[i] & 0xFF), f.get(i));
            }
        }
    }

    @Test
    void motionJpegDecodesAsTheJdkDecodesEachFrameWithOrWithoutHuffmanTables() throws Exception {
        BufferedImage[] images = new BufferedImage[3];
        AviBuilder full = new AviBuilder(W, H, 24, "MJPG");
        AviBuilder stripped = new AviBuilder(W, H, 24, "MJPG");
        for (int k = 0; k < 3; k++) {
            images[k] = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
            System.arraycopy(grey(k, W, H), 0, ((DataBufferByte) images[k].getRaster().getDataBuffer()).getData(), 0,
                    W * H);
            full.jpeg(images[k], false);
            stripped.jpeg(images[k], true);
        }
        try (Video a = VideoIO.open(full.writeTo(dir.resolve("mjpg.avi")));
                Video b = VideoIO.open(stripped.writeTo(dir.resolve("mjpg-noDHT.avi")))) {
            assertEquals(3, a.frameCount());
            for (int k = 0; k < 3; k++) {
                BufferedImage expected = ImageIO.read(new ByteArrayInputStream(AviBuilder.encodeJpeg(images[k])));
                byte[] e = ((DataBufferByte) expected.getRaster().getDataBuffer()).getData();
                assertEquals(Frame.ofBytes(W, H, e), a.frame(k), "frame " + k);
                assertEquals(a.frame(k), b.frame(k), "frame " + k + " without Huffman tables");
            }
        }
    }

    @Test
    void mp4FramesDecodeInOrderAndByJumping() throws Exception {
        int w = 36;
        int h = 20;
        Path mp4 = dir.resolve("movie.mp4");
        SequenceEncoder enc = SequenceEncoder.createSequenceEncoder(mp4.toFile(), 10);
        for (int k = 0; k < 12; k++) {
            // jcodec keeps 8-bit samples as signed bytes offset by -128; grey: R = G = B
            Picture p = Picture.create(w, h, ColorSpace.RGB);
            byte[] rgb = p.getPlaneData(0);
            for (int i = 0; i < w * h; i++) {
                byte v = (byte) (smooth(k, i % w, i / w) - 128);
                rgb[3 * i] = v;
                rgb[3 * i + 1] = v;
                rgb[3 * i + 2] = v;
            }
            enc.encodeNativeFrame(p);
        }
        enc.finish();
        // jcodec's own grabber over its own channel, with the video-range expansion done here: the reference
        Frame[] reference = new Frame[12];
        org.jcodec.api.FrameGrab grab = org.jcodec.api.FrameGrab.createFrameGrab(
                org.jcodec.common.io.NIOUtils.readableChannel(mp4.toFile()));
        for (int k = 0; k < 12; k++) {
            Picture p = grab.getNativeFrame();
            byte[] y = p.getPlaneData(0);
            byte[] g = new byte[w * h];
            for (int i = 0; i < w * h; i++) {
                int coded = y[(i / w) * p.getPlaneWidth(0) + i % w] + 128;
                g[i] = (byte) Math.max(0, Math.min(255, Math.round((coded - 16) * 255.0 / 219)));
            }
            reference[k] = Frame.ofBytes(w, h, g);
        }
        try (Video v = VideoIO.open(mp4)) {
            assertEquals("mp4", v.format());
            assertEquals(12, v.frameCount());
            assertEquals(w, v.width());
            assertEquals(h, v.height());
            for (int k = 0; k < 12; k++) {
                Frame f = v.frame(k);
                assertEquals(reference[k], f, "frame " + k);
                assertTrue(correlation(f, k, w, h) > 0.99, "frame " + k + " follows the pattern it was made from");
            }
            for (int k : new int[] {7, 2, 11, 0, 5}) {
                assertEquals(reference[k], v.frame(k), "frame " + k + " reached by seeking");
            }
        }
    }

    private static double correlation(Frame f, int k, int w, int h) {
        int n = w * h;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += f.get(i) / n;
            mb += (double) smooth(k, i % w, i / w) / n;
        }
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < n; i++) {
            double a = f.get(i) - ma;
            double b = smooth(k, i % w, i / w) - mb;
            ab += a * b;
            aa += a * a;
            bb += b * b;
        }
        return ab / Math.sqrt(aa * bb);
    }

    /** A smooth pattern H.264 codes closely. */
    private static int smooth(int k, int x, int y) {
        return 40 + 2 * x + 3 * y + 4 * k; // at most 211: no wrap-around
    }
}
