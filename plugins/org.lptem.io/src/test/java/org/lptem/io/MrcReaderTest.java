package org.lptem.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteOrder;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.Calibration;
import org.lptem.core.Frame;
import org.lptem.core.PixelType;
import org.lptem.core.Video;

class MrcReaderTest {
    static final int W = 6;
    static final int H = 5;
    static final int FRAMES = 4;

    @TempDir
    Path dir;

    private static final ByteOrder[] ORDERS = {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN};

    @Test
    void modes1And2And6AreExactInBothByteOrdersWithTheExtendedHeaderSkipped() throws Exception {
        int[][] cases = {{1, 1}, {2, 5}, {6, 2}}; // {mode, PixelType ordinal}
        for (ByteOrder order : ORDERS) {
            for (int[] c : cases) {
                PixelType type = PixelType.values()[c[1]];
                MrcBuilder b = MrcBuilder.stack(c[0], W, H, FRAMES, Stacks.samples(type, W, H, FRAMES), order)
                        .pixelSize(1.93);
                b.extended = c[0] * 100 + 28;
                Path f = b.writeTo(dir.resolve("m" + c[0] + order + ".mrcs"));
                try (Video v = VideoIO.open(f)) {
                    assertEquals("mrc", v.format());
                    assertEquals(FRAMES, v.frameCount());
                    assertEquals(W, v.width());
                    assertEquals(H, v.height());
                    assertEquals(type, v.pixelType());
                    // the cell length is a float32, read back as the decimal written (11.58 A over 6 px)
                    assertEquals(Calibration.of(11.58 / W / 10, null), v.calibration());
                    for (int k = FRAMES - 1; k >= 0; k--) {
                        assertEquals(Stacks.frame(type, W, H, k), v.frame(k), f + " frame " + k);
                    }
                }
            }
        }
    }

    @Test
    void mode0IsSignedUnlessImodSaysOtherwise() throws Exception {
        byte[] raw = new byte[W * H * FRAMES];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) (i * 41 + 3);
        }
        try (Video v = VideoIO.open(MrcBuilder.stack(0, W, H, FRAMES, raw, ByteOrder.LITTLE_ENDIAN)
                .writeTo(dir.resolve("signed.mrc")))) {
            assertEquals(PixelType.INT16, v.pixelType());
            Frame f = v.frame(3);
            for (int i = 0; i < W * H; i++) {
                assertEquals(raw[3 * W * H + i], f.get(i));
            }
        }
        MrcBuilder imod = MrcBuilder.stack(0, W, H, FRAMES, raw, ByteOrder.BIG_ENDIAN);
        imod.imodFlags = 0;
        try (Video v = VideoIO.open(imod.writeTo(dir.resolve("imod.mrc")))) {
            assertEquals(PixelType.UINT8, v.pixelType());
            Frame f = v.frame(1);
            for (int i = 0; i < W * H; i++) {
                assertEquals(raw[W * H + i] & 0xFF, f.get(i));
            }
        }
    }

    @Test
    void mode12HalfFloatsConvertExactly() throws Exception {
        // every class of half value: zero, -0, subnormals, normals, the extremes, infinities, NaN
        short[] halves = {0x0000, (short) 0x8000, 0x0001, 0x03FF, 0x0400, 0x3C00, (short) 0xC000, 0x3555, 0x7BFF,
                (short) 0xFBFF, 0x7C00, (short) 0xFC00, 0x7E00, 0x5640, 0x1234, (short) 0x9234};
        float[] expected = {0f, -0f, 0x1p-24f, 1023 * 0x1p-24f, 0x1p-14f, 1f, -2f, 0.33325195f, 65504f, -65504f,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 100f, 1588 * 0x1p-21f, -1588 * 0x1p-21f};
        for (ByteOrder order : ORDERS) {
            try (Video v = VideoIO.open(MrcBuilder.stack(12, 4, 4, 1, halves, order)
                    .writeTo(dir.resolve("half" + order + ".mrc")))) {
                assertEquals(PixelType.FLOAT32, v.pixelType());
                assertEquals(Frame.ofFloats(4, 4, expected), v.frame(0));
            }
        }
    }

    @Test
    void olderFilesWithoutLabelOrStampAreRecognisedByTheirSize() throws Exception {
        for (ByteOrder order : ORDERS) {
            MrcBuilder b = MrcBuilder.stack(1, W, H, FRAMES, Stacks.samples(PixelType.INT16, W, H, FRAMES), order);
            b.mapLabel = false;
            b.stamp = false;
            b.axes = new int[] {0, 0, 0};
            try (Video v = VideoIO.open(b.writeTo(dir.resolve("old" + order + ".map")))) {
                assertEquals(FRAMES, v.frameCount());
                assertEquals(Calibration.NONE, v.calibration());
                assertEquals(Stacks.frame(PixelType.INT16, W, H, 2), v.frame(2));
            }
        }
    }
}
