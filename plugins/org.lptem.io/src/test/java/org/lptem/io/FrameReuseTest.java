package org.lptem.io;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.Calibration;
import org.lptem.core.Frame;
import org.lptem.core.PixelType;
import org.lptem.core.Video;
import org.lptem.core.VideoView;

class FrameReuseTest {
    private static final int W = 300;
    private static final int H = 250; // large enough for the mapped path

    @TempDir
    Path dir;

    private static short[] pattern(int k) {
        short[] s = new short[W * H];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (i * 7 + k * 1013);
        }
        return s;
    }

    private static void checkReuse(Video v) {
        Frame first = v.frame(0, null);
        assertEquals(Frame.ofShorts(W, H, pattern(0), false), first);
        Frame second = v.frame(1, first);
        assertSame(first, second, "a frame of the same shape is decoded in place");
        assertEquals(Frame.ofShorts(W, H, pattern(1), false), second);
        assertEquals(v.frame(1), second, "the same values as a fresh decode");
        Frame other = Frame.blank(W, H, PixelType.FLOAT32);
        Frame third = v.frame(2, other);
        assertNotSame(other, third, "a frame of another type is left alone");
        assertEquals(Frame.ofShorts(W, H, pattern(2), false), third);
        assertEquals(0f, ((float[]) other.samples())[0]);
    }

    @Test
    void tiffStacksDecodeIntoTheGivenFrame() throws Exception {
        Path file = dir.resolve("s.tif");
        try (TiffStackWriter w = new TiffStackWriter(file, W, H, PixelType.UINT16, Calibration.NONE)) {
            for (int k = 0; k < 3; k++) {
                w.write(Frame.ofShorts(W, H, pattern(k), false));
            }
        }
        try (Video v = VideoIO.open(file)) {
            checkReuse(v);
        }
        try (Video v = new VideoView(VideoIO.open(file), 1, 3, 1, Calibration.NONE)) {
            Frame a = v.frame(0, null);
            assertSame(a, v.frame(1, a));
            assertEquals(Frame.ofShorts(W, H, pattern(2), false), a, "views map the index and keep the reuse");
        }
    }

    @Test
    void planeFormatsDecodeIntoTheGivenFrame() throws Exception {
        short[] all = new short[3 * W * H];
        for (int k = 0; k < 3; k++) {
            System.arraycopy(pattern(k), 0, all, k * W * H, W * H);
        }
        // MRC mode 6 is unsigned 16-bit
        Path file = dir.resolve("s.mrc");
        Files.write(file, MrcBuilder.stack(6, W, H, 3, all, ByteOrder.LITTLE_ENDIAN).build());
        try (Video v = VideoIO.open(file)) {
            checkReuse(v);
        }
    }
}
