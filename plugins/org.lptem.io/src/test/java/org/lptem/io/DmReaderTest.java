package org.lptem.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.Calibration;
import org.lptem.core.Frame;
import org.lptem.core.PixelType;
import org.lptem.core.Video;

class DmReaderTest {
    static final int W = 5;
    static final int H = 4;
    static final int FRAMES = 3;

    @TempDir
    Path dir;

    private static final ByteOrder[] ORDERS = {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN};

    /** A 3-frame stack of {@code type}, patterned, in a DM file of {@code version} with the given codes. */
    private Path stack(int version, ByteOrder order, int dataType, int elementType, Object samples, String name)
            throws Exception {
        return DmBuilder.withImage(version, order, dataType, elementType, samples, new long[] {W, H, FRAMES}, 0.25,
                "nm", 0.05, "s").writeTo(dir.resolve(name));
    }

    @Test
    void readsEveryIntegerAndFloat32TypeExactlyInBothVersionsAndByteOrders() throws Exception {
        // {DM data type, tag element type, our pixel type}
        int[][] cases = {{1, 2, 1}, {2, 6, 5}, {6, 10, 0}, {7, 3, 3}, {10, 4, 2}, {11, 5, 4}};
        for (int version : new int[] {3, 4}) {
            for (ByteOrder order : ORDERS) {
                for (int[] c : cases) {
                    PixelType type = PixelType.values()[c[2]];
                    Path f = stack(version, order, c[0], c[1], Stacks.samples(type, W, H, FRAMES),
                            "t" + c[0] + "_" + version + order + ".dm" + version);
                    try (Video v = VideoIO.open(f)) {
                        String label = f.getFileName().toString();
                        assertEquals("dm" + version, v.format(), label);
                        assertEquals(FRAMES, v.frameCount(), label);
                        assertEquals(W, v.width(), label);
                        assertEquals(H, v.height(), label);
                        assertEquals(type, v.pixelType(), label);
                        for (int k = FRAMES - 1; k >= 0; k--) {
                            assertEquals(Stacks.frame(type, W, H, k), v.frame(k), label + " frame " + k);
                        }
                    }
                }
            }
        }
    }

    @Test
    void signedBytesWidenToInt16AndBinaryImagesToUint8() throws Exception {
        byte[] raw = new byte[W * H * FRAMES];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) (i * 37 - 128);
        }
        try (Video v = VideoIO.open(stack(4, ByteOrder.LITTLE_ENDIAN, 9, 9, raw, "int8.dm4"))) {
            assertEquals(PixelType.INT16, v.pixelType());
            short[] s = (short[]) v.frame(1).samples();
            for (int i = 0; i < W * H; i++) {
                assertEquals(raw[W * H + i], s[i]);
            }
        }
        byte[] bits = new byte[W * H * FRAMES];
        bits[3] = 1;
        try (Video v = VideoIO.open(stack(3, ByteOrder.BIG_ENDIAN, 14, 8, bits, "binary.dm3"))) {
            assertEquals(PixelType.UINT8, v.pixelType());
            assertEquals(1.0, v.frame(0).get(3));
            assertEquals(0.0, v.frame(0).get(4));
        }
    }

    @Test
    void float64IsRoundedToFloat32AndRgbBecomesLuminance() throws Exception {
        double[] d = new double[W * H * FRAMES];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.PI * (i - 7) / 3;
        }
        try (Video v = VideoIO.open(stack(4, ByteOrder.BIG_ENDIAN, 12, 7, d, "f64.dm4"))) {
            assertEquals(PixelType.FLOAT32, v.pixelType());
            float[] f = (float[]) v.frame(2).samples();
            for (int i = 0; i < W * H; i++) {
                assertEquals((float) d[2 * W * H + i], f[i]);
            }
        }
        int[] rgb = new int[W * H * FRAMES];
        rgb[0] = 0x00FF0000;
        rgb[1] = 0x0000FF00;
        rgb[2] = 0x000000FF;
        rgb[3] = 0xFF808080;
        try (Video v = VideoIO.open(stack(3, ByteOrder.LITTLE_ENDIAN, 23, 5, rgb, "rgb.dm3"))) {
            assertEquals(PixelType.UINT8, v.pixelType());
            Frame f = v.frame(0);
            assertEquals(Grey.luma(255, 0, 0), f.get(0));
            assertEquals(Grey.luma(0, 255, 0), f.get(1));
            assertEquals(Grey.luma(0, 0, 255), f.get(2));
            assertEquals(128.0, f.get(3));
        }
    }

    @Test
    void calibrationComesFromTheAxisScalesAndUnits() throws Exception {
        Object s = Stacks.samples(PixelType.UINT16, W, H, FRAMES);
        String[][] units = {{"nm", "s"}, {"\u00B5m", "ms"}, {"\u00C5", "min"}};
        double[][] scales = {{0.25, 0.05}, {0.002, 40}, {1.93, 0.01}};
        double[][] factors = {{1, 1}, {1000, 1e-3}, {0.1, 60}};
        for (int i = 0; i < units.length; i++) {
            Path f = DmBuilder.withImage(4, ByteOrder.LITTLE_ENDIAN, 10, 4, s, new long[] {W, H, FRAMES},
                    scales[i][0], units[i][0], scales[i][1], units[i][1]).writeTo(dir.resolve("cal" + i + ".dm4"));
            try (Video v = VideoIO.open(f)) {
                // DigitalMicrograph stores scales as float32; they read back as typed
                assertEquals(Calibration.of(scales[i][0] * factors[i][0], scales[i][1] * factors[i][1]),
                        v.calibration(), units[i][0]);
            }
        }
        Path none = DmBuilder.withImage(3, ByteOrder.LITTLE_ENDIAN, 10, 4, s, new long[] {W, H, FRAMES}, 1, "", 1, "")
                .writeTo(dir.resolve("none.dm3"));
        try (Video v = VideoIO.open(none)) {
            assertEquals(Calibration.NONE, v.calibration());
        }
    }

    @Test
    void aSingleImageIsAOneFrameVideoWithoutFrameTime() throws Exception {
        short[] s = (short[]) Stacks.frame(PixelType.INT16, 7, 3, 4).samples();
        Path f = DmBuilder.withImage(3, ByteOrder.LITTLE_ENDIAN, 1, 2, s, new long[] {7, 3}, 0.5, "nm", 0, "")
                .writeTo(dir.resolve("image.dm3"));
        try (Video v = VideoIO.open(f)) {
            assertEquals(1, v.frameCount());
            assertEquals(7, v.width());
            assertEquals(3, v.height());
            assertArrayEquals(s, (short[]) v.frame(0).samples());
            assertEquals(Calibration.of(0.5, null), v.calibration());
        }
    }

    @Test
    void theMainImageIsNotThePreviewEvenWhenThePreviewIsLarger() throws Exception {
        short[] s = (short[]) Stacks.frame(PixelType.UINT16, 3, 2, 1).samples();
        for (boolean thumbnailsGroup : new boolean[] {true, false}) {
            DmBuilder b = new DmBuilder(4, ByteOrder.LITTLE_ENDIAN);
            DmBuilder.Group list = b.root.group("ImageList");
            b.image(list, 23, 5, new int[64], new long[] {8, 8}, 1, "", 1, "");
            b.image(list, 10, 4, s, new long[] {3, 2}, 1, "nm", 1, "");
            if (thumbnailsGroup) {
                b.root.add("Thumbnails", new DmBuilder.Group().add("", new DmBuilder.Group()
                        .add("ImageIndex", b.uint32(0))));
            }
            try (Video v = VideoIO.open(b.writeTo(dir.resolve("preview" + thumbnailsGroup + ".dm4")))) {
                assertEquals(3, v.width());
                assertArrayEquals(s, (short[]) v.frame(0).samples());
            }
        }
    }

    @Test
    void theFileNameDoesNotMatter() throws Exception {
        Path f = stack(4, ByteOrder.LITTLE_ENDIAN, 10, 4, Stacks.samples(PixelType.UINT16, W, H, FRAMES),
                "exported.tif");
        try (Video v = VideoIO.open(f)) {
            assertEquals("dm4", v.format());
        }
    }

    /** In-Situ frames: one DM4 per frame, frame numbers restarting every second. */
    static Path inSituFrame(Path top, String name, int h, int m, int s, int frame, Object samples, int w, int height,
            int dataType, int elementType) throws Exception {
        String file = String.format("%s_Hour_%02d_Minute_%02d_Second_%02d_Frame_%04d.dm4", name, h, m, s, frame);
        Path p = top.resolve(String.format("Hour_%02d/Minute_%02d/Second_%02d", h, m, s)).resolve(file);
        return DmBuilder.withImage(4, ByteOrder.LITTLE_ENDIAN, dataType, elementType, samples,
                new long[] {w, height}, 0.193, "nm", 0, "").writeTo(p);
    }

    @Test
    void readsAnInSituCaptureTreeInTimeOrder() throws Exception {
        Path top = dir.resolve("run1");
        // 12 frames per second for seconds 59 of minute 0 and 0 of minute 1, then 5 frames: 29 frames,
        // written in scrambled order so nothing relies on the listing order
        int[][] when = new int[29][];
        for (int i = 0; i < 29; i++) {
            int second = i / 12;
            when[i] = new int[] {0, second == 0 ? 0 : 1, second == 0 ? 59 : second - 1, i % 12};
        }
        for (int j = 0; j < 29; j++) {
            int i = (j * 7) % 29;
            Object s = Stacks.frame(PixelType.UINT16, W, H, i).samples();
            inSituFrame(top, "run1", when[i][0], when[i][1], when[i][2], when[i][3], s, W, H, 10, 4);
        }
        try (Video v = VideoIO.open(top)) {
            assertEquals("gatan-insitu", v.format());
            assertEquals(29, v.frameCount());
            assertEquals(PixelType.UINT16, v.pixelType());
            assertEquals(Calibration.of(0.193, 1.0 / 12), v.calibration());
            for (int i = 0; i < 29; i++) {
                assertEquals(Stacks.frame(PixelType.UINT16, W, H, i), v.frame(i), "frame " + i);
            }
        }
    }

    @Test
    void inSituFrameTimeIsLeftUnknownWhenSecondsDisagree() throws Exception {
        Path top = dir.resolve("uneven");
        int[] perSecond = {3, 2, 3};
        int k = 0;
        for (int s = 0; s < perSecond.length; s++) {
            for (int f = 0; f < perSecond[s]; f++) {
                inSituFrame(top, "uneven", 0, 0, s, f, Stacks.frame(PixelType.FLOAT32, W, H, k++).samples(), W, H,
                        2, 6);
            }
        }
        try (Video v = VideoIO.open(top)) {
            assertEquals(8, v.frameCount());
            assertEquals(OptionalDouble.empty(), v.calibration().secondsPerFrame());
            assertEquals(Stacks.frame(PixelType.FLOAT32, W, H, 5), v.frame(5));
        }
    }

    @Test
    void typeCodesOfTheTagTreeAreReadWithTheirOwnByteOrder() throws Exception {
        // the structure is big-endian whatever the value order: a little-endian file reads the same
        for (ByteOrder order : ORDERS) {
            DmBuilder b = new DmBuilder(4, order);
            b.root.add("Answer", b.int32(42)).add("Pi", b.float64(Math.PI)).add("Name", b.string("dm\u00B5"));
            BinaryInput in = BinaryInput.open(b.writeTo(dir.resolve("tags" + order + ".dm4")), ByteOrder.BIG_ENDIAN);
            try (in) {
                DmTags tags = DmTags.read(in);
                assertEquals(42.0, tags.number(tags.root().data("Answer")).getAsDouble());
                assertEquals(Math.PI, tags.number(tags.root().data("Pi")).getAsDouble());
                assertEquals("dm\u00B5", tags.text(tags.root().data("Name")));
                assertFalse(tags.number(tags.root().data("Name")).isPresent());
                assertEquals(order, tags.valueOrder());
            }
        }
    }

    static byte[] bigEndianInt(int v) {
        return ByteBuffer.allocate(4).putInt(v).array();
    }
}
