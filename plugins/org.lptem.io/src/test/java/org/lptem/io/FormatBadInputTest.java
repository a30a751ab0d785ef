package org.lptem.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lptem.io.BadInputTest.assertMentions;
import static org.lptem.io.BadInputTest.failureOf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.PixelType;
import org.lptem.core.Video;

/**
 * Crafted bad files for every binary reader besides TIFF (which {@link BadInputTest} covers): truncated, wrong magic,
 * absurd declared sizes (an error before any allocation, not OutOfMemoryError), negative or circular offsets,
 * unsupported modes. Each error names the file and says what is wrong.
 */
class FormatBadInputTest {
    static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    static final ByteOrder BE = ByteOrder.BIG_ENDIAN;

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    private static int indexOf(byte[] hay, String needle, int from) {
        byte[] n = needle.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = from; i <= hay.length - n.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (hay[i + j] != n[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(needle + " not found");
    }

    private static byte[] dm(int version) {
        return DmBuilder.withImage(version, LE, 10, 4, Stacks.samples(PixelType.UINT16, 5, 4, 3),
                new long[] {5, 4, 3}, 0.25, "nm", 0.05, "s").build();
    }

    // ---- Gatan DM3 / DM4

    @Test
    void dmTruncatedAnywhere() throws Exception {
        for (int version : new int[] {3, 4}) {
            byte[] full = dm(version);
            int data = indexOf(full, "Data", 0);
            int[] cuts = {6, 14, 60, data + 20, data + 90, full.length - 200, full.length - 9};
            for (int cut : cuts) {
                String name = "cut" + cut + ".dm" + version;
                String m = failureOf(write(name, Arrays.copyOf(full, cut)));
                assertMentions(m, name);
                if (!(m.contains("truncated") || m.contains("ends early"))) {
                    throw new AssertionError("not reported as truncated: " + m);
                }
            }
        }
    }

    @Test
    void dmWithAnInvalidByteOrderFlag() throws Exception {
        byte[] b = dm(3);
        ByteBuffer.wrap(b).putInt(8, 7);
        assertMentions(failureOf(write("order.dm3", b)), "order.dm3: DM header declares byte order 7");
    }

    @Test
    void dmWithAbsurdDimensionsFailsBeforeAllocating() throws Exception {
        byte[] b = DmBuilder.withImage(4, LE, 10, 4, new short[60], new long[] {100_000, 100_000, 3}, 1, "nm", 1, "s")
                .build();
        assertMentions(failureOf(write("huge.dm4", b)), "huge.dm4: the DM image declares 100000 x 100000 pixels",
                "(20000000000 bytes) but the file has only");
        byte[] mismatch = DmBuilder.withImage(3, BE, 10, 4, new short[40], new long[] {5, 4, 3}, 1, "nm", 1, "s")
                .build();
        assertMentions(failureOf(write("short.dm3", mismatch)), "short.dm3", "5 x 4 x 3 pixels",
                "(120 bytes) but its Data holds 80 bytes");
        byte[] fourD = DmBuilder.withImage(4, LE, 10, 4, new short[120], new long[] {5, 4, 3, 2}, 1, "nm", 1, "s")
                .build();
        assertMentions(failureOf(write("4d.dm4", fourD)), "4d.dm4", "4 dimensions", "4D data are not");
    }

    @Test
    void dmWithAbsurdCountsAndSizesInTheTagTree() throws Exception {
        byte[] count = dm(3);
        ByteBuffer.wrap(count).putInt(14, 0x7FFFFFFF); // the root group's entry count
        assertMentions(failureOf(write("count.dm3", count)), "count.dm3", "declares 2147483647 entries",
                "more than the rest of the file can hold");
        byte[] info = dm(3);
        ByteBuffer.wrap(info).putInt(indexOf(info, "%%%%", 0) + 4, 0x7FFFFFFF);
        assertMentions(failureOf(write("info.dm3", info)), "info.dm3", "type description of 2147483647 values");
        byte[] negative = dm(4);
        int nameLength = ByteBuffer.wrap(negative).getShort(27);
        ByteBuffer.wrap(negative).putLong(29 + nameLength, -5);
        assertMentions(failureOf(write("negative.dm4", negative)), "negative.dm4", "declared size -5",
                "beyond the end of the file");
        byte[] huge = dm(4);
        ByteBuffer.wrap(huge).putLong(29 + nameLength, Long.MAX_VALUE);
        assertMentions(failureOf(write("size.dm4", huge)), "size.dm4", "beyond the end of the file");
    }

    @Test
    void dmWithBrokenStructure() throws Exception {
        byte[] kind = dm(4);
        kind[26] = 7; // the first entry's kind
        assertMentions(failureOf(write("kind.dm4", kind)), "kind.dm4", "has kind 7 (expected 20 for a group or 21");
        byte[] marker = dm(3);
        marker[indexOf(marker, "%%%%", 0) + 1] = '#';
        assertMentions(failureOf(write("marker.dm3", marker)), "marker.dm3", "lacks its %%%% marker");
        DmBuilder deep = new DmBuilder(4, LE);
        DmBuilder.Group g = deep.root;
        for (int i = 0; i < 70; i++) {
            g = g.group("g");
        }
        assertMentions(failureOf(deep.writeTo(dir.resolve("deep.dm4"))), "deep.dm4", "nested more than 64 deep");
        DmBuilder none = new DmBuilder(3, LE);
        none.root.add("Answer", none.int32(42));
        assertMentions(failureOf(none.writeTo(dir.resolve("none.dm3"))), "none.dm3", "without an ImageList");
        DmBuilder type = new DmBuilder(4, LE);
        type.root.add("Weird", new DmBuilder.Value(new long[] {20, 15, 0, 1, 0, 18, 3}, new byte[0]));
        assertMentions(failureOf(type.writeTo(dir.resolve("type.dm4"))), "type.dm4",
                "tag Weird has a struct field of unsupported type 18");
        DmBuilder bare = new DmBuilder(3, LE);
        bare.root.add("Odd", new DmBuilder.Value(new long[] {20, 18, 3}, new byte[0]));
        assertMentions(failureOf(bare.writeTo(dir.resolve("bare.dm3"))), "bare.dm3",
                "tag Odd has an unsupported type description [20, 18, 3]");
    }

    @Test
    void dmWithUnsupportedDataTypes() throws Exception {
        byte[] packed = DmBuilder.withImage(4, LE, 5, 6, new float[40], new long[] {5, 4}, 1, "nm", 1, "").build();
        assertMentions(failureOf(write("packed.dm4", packed)), "packed.dm4",
                "DM image data type 5 (packed complex) is not supported");
    }

    @Test
    void dmComplexImagesShowTheirMagnitudeAndInt64BecomesFloat() throws Exception {
        float[] pairs = new float[40];
        for (int i = 0; i < 20; i++) {
            pairs[2 * i] = 3 * i;
            pairs[2 * i + 1] = -4 * i; // |z| = 5 i
        }
        byte[] complex = DmBuilder.withImage(4, LE, 3, 6, pairs, new long[] {5, 4}, 1, "nm", 1, "").build();
        try (Video v = VideoIO.open(write("complex.dm4", complex))) {
            float[] f = (float[]) v.frame(0).samples();
            for (int i = 0; i < 20; i++) {
                assertEquals(5f * i, f[i], 1e-5f);
            }
        }
        long[] big = new long[20];
        for (int i = 0; i < 20; i++) {
            big[i] = i == 19 ? -7 : 1L << i;
        }
        byte[] int64 = DmBuilder.withImage(4, LE, 39, 11, big, new long[] {5, 4}, 1, "nm", 1, "").build();
        try (Video v = VideoIO.open(write("long.dm4", int64))) {
            float[] f = (float[]) v.frame(0).samples();
            assertEquals(1f, f[0]);
            assertEquals(1 << 18, f[18]);
            assertEquals(-7f, f[19]);
        }
    }

    // ---- In-Situ capture trees

    @Test
    void inSituFramesThatDoNotMatch() throws Exception {
        Path top = dir.resolve("capture");
        for (int f = 0; f < 3; f++) {
            int w = f == 2 ? 6 : 5;
            DmReaderTest.inSituFrame(top, "capture", 0, 0, 0, f, new short[w * 4], w, 4, 10, 4);
        }
        String m = failureOf(top);
        assertMentions(m, "capture_Hour_00_Minute_00_Second_00_Frame_0002.dm4: frame 2: is 1 x 6 x 4 uint16",
                "but frame 0 (capture_Hour_00_Minute_00_Second_00_Frame_0000.dm4) is one 5 x 4 uint16 image");
        Path unnamed = dir.resolve("unnamed");
        DmReaderTest.inSituFrame(unnamed, "unnamed", 0, 0, 0, 0, new short[20], 5, 4, 10, 4);
        Files.write(unnamed.resolve("Hour_00/Minute_00/Second_00/extra.dm4"), new byte[8]);
        assertMentions(failureOf(unnamed), "unnamed", "extra.dm4 has no frame number (_Frame_NNNN.dm4)");
        Path stack = dir.resolve("stack");
        Path first = DmReaderTest.inSituFrame(stack, "stack", 0, 0, 0, 0, new short[40], 5, 4, 10, 4);
        Files.write(first, DmBuilder.withImage(4, LE, 10, 4, new short[40], new long[] {5, 4, 2}, 1, "nm", 1, "s")
                .build());
        assertMentions(failureOf(stack), "Frame_0000.dm4: frame 0: holds 2 frames; an In-Situ capture has one image");
        Path empty = dir.resolve("empty");
        Files.createDirectories(empty.resolve("Hour_00/Minute_00"));
        assertMentions(failureOf(empty), "empty: a Gatan In-Situ capture folder without frames");
    }

    // ---- MRC

    private static byte[] mrc(ByteOrder order) {
        return MrcBuilder.stack(1, 6, 5, 3, Stacks.samples(PixelType.INT16, 6, 5, 3), order).pixelSize(2).build();
    }

    @Test
    void mrcTruncated() throws Exception {
        byte[] full = mrc(LE);
        assertMentions(failureOf(write("head.mrc", Arrays.copyOf(full, 500))), "head.mrc",
                "truncated MRC header (500 bytes; the header alone has 1024)");
        assertMentions(failureOf(write("data.mrc", Arrays.copyOf(full, full.length - 1))), "data.mrc",
                "declares 3 frames of 6 x 5 16-bit signed integer (60 bytes each) from offset 1024",
                "holds only 2 (truncated or corrupt dimensions?)");
    }

    @Test
    void mrcWithAbsurdOrNegativeSizes() throws Exception {
        for (ByteOrder order : new ByteOrder[] {LE, BE}) {
            byte[] huge = mrc(order);
            ByteBuffer.wrap(huge).order(order).putInt(0, 100_000).putInt(4, 100_000);
            assertMentions(failureOf(write("huge.mrc", huge)), "huge.mrc",
                    "100000 x 100000 pixels of 16-bit signed integer (20000000000 bytes) but the file has only");
            byte[] negative = mrc(order);
            ByteBuffer.wrap(negative).order(order).putInt(92, -100);
            assertMentions(failureOf(write("ext.mrc", negative)), "ext.mrc",
                    "extended header of -100 bytes");
            byte[] beyond = mrc(order);
            ByteBuffer.wrap(beyond).order(order).putInt(92, 0x7FFFFFFF);
            assertMentions(failureOf(write("beyond.mrc", beyond)), "beyond.mrc", "holds only 0");
            byte[] frames = mrc(order);
            ByteBuffer.wrap(frames).order(order).putInt(8, -3);
            assertMentions(failureOf(write("nz.mrc", frames)), "nz.mrc", "declares -3 frames");
        }
    }

    @Test
    void mrcComplexModesShowTheirMagnitude() throws Exception {
        byte[] ints = MrcBuilder.stack(3, 2, 1, 1, new short[] {3, -4, -6, 8}, LE).build();
        try (Video v = VideoIO.open(write("c3.mrc", ints))) {
            assertEquals(PixelType.FLOAT32, v.pixelType());
            assertArrayEquals(new float[] {5, 10}, (float[]) v.frame(0).samples());
        }
        byte[] floats = MrcBuilder.stack(4, 2, 1, 1, new float[] {0.3f, 0.4f, 0, -2}, BE).build();
        try (Video v = VideoIO.open(write("c4.mrc", floats))) {
            assertArrayEquals(new float[] {0.5f, 2}, (float[]) v.frame(0).samples(), 1e-6f);
        }
    }

    @Test
    void mrcWithUnsupportedModesOrAxes() throws Exception {
        int[] modes = {101, 7};
        String[] words = {"mode 101 (4-bit", "mode 7 is not supported"};
        for (int i = 0; i < modes.length; i++) {
            byte[] b = mrc(BE);
            ByteBuffer.wrap(b).order(BE).putInt(12, modes[i]);
            assertMentions(failureOf(write("mode.mrc", b)), "mode.mrc", words[i],
                    "modes 0, 1, 2, 3, 4, 6 and 12 are");
        }
        byte[] axes = mrc(LE);
        ByteBuffer.wrap(axes).order(LE).putInt(64, 2).putInt(68, 1);
        assertMentions(failureOf(write("axes.mrc", axes)), "axes.mrc", "(MAPC, MAPR, MAPS) = (2, 1, 3)");
    }

    // ---- TIA SER

    private static SerBuilder ser(int version) {
        SerBuilder b = SerBuilder.of(2, 6, 4);
        for (int k = 0; k < 3; k++) {
            b.frame(Stacks.frame(PixelType.UINT16, 6, 4, k).samples());
        }
        b.version = version;
        return b;
    }

    /** Position of the offset table, from the header. */
    private static int table(byte[] b, boolean wide) {
        ByteBuffer h = ByteBuffer.wrap(b).order(LE);
        return (int) (wide ? h.getLong(22) : h.getInt(22));
    }

    @Test
    void serWithWrongVersionTypeOrCounts() throws Exception {
        byte[] version = ser(0x0220).build();
        ByteBuffer.wrap(version).order(LE).putShort(4, (short) 0x0300);
        assertMentions(failureOf(write("v_1.ser", version)), "v_1.ser", "SER version 0x300 is not supported");
        byte[] spectra = ser(0x0220).build();
        ByteBuffer.wrap(spectra).order(LE).putInt(6, 0x4120);
        assertMentions(failureOf(write("s_1.ser", spectra)), "s_1.ser", "holds spectra (1D data), not images");
        byte[] counts = ser(0x0210).build();
        ByteBuffer.wrap(counts).order(LE).putInt(18, 9);
        assertMentions(failureOf(write("c_1.ser", counts)), "c_1.ser", "declares 9 valid of 3 elements");
        byte[] complex = SerBuilder.of(9, 2, 2).frame(new float[] {3, 4, 0, 1, 6, 8, 0, 0}).build();
        try (Video v = VideoIO.open(write("x_1.ser", complex))) {
            assertArrayEquals(new float[] {5, 1, 10, 0}, (float[]) v.frame(0).samples());
        }
        byte[] unknown = SerBuilder.of(12, 2, 2).frame(new float[8]).build();
        assertMentions(failureOf(write("u_1.ser", unknown)), "u_1.ser", "SER data type 12 is not supported");
    }

    @Test
    void serWithNegativeCircularOrOutOfRangeOffsets() throws Exception {
        byte[] negative = ser(0x0220).build();
        ByteBuffer.wrap(negative).order(LE).putLong(table(negative, true) + 8, -16);
        assertMentions(failureOf(write("neg_1.ser", negative)), "neg_1.ser: frame 1: SER element header at offset",
                "lies beyond the end of the file");
        byte[] circular = ser(0x0210).build();
        int t = table(circular, false);
        ByteBuffer.wrap(circular).order(LE).putInt(t + 4, t); // frame 1's element "is" the offset table
        assertMentions(failureOf(write("loop_1.ser", circular)), "loop_1.ser: frame 1:");
        byte[] table = ser(0x0210).build();
        ByteBuffer.wrap(table).order(LE).putInt(22, table.length - 4);
        assertMentions(failureOf(write("table_1.ser", table)), "table_1.ser", "SER offset table (3 elements)",
                "lies beyond the end of the file");
        byte[] full = ser(0x0220).build();
        String m = failureOf(write("cut_1.ser", Arrays.copyOf(full, 300)));
        assertMentions(m, "cut_1.ser", "beyond the end of the file");
    }

    @Test
    void serWithAbsurdOrMismatchedElementSizes() throws Exception {
        byte[] huge = ser(0x0220).build();
        int first = (int) ByteBuffer.wrap(huge).order(LE).getLong(table(huge, true));
        ByteBuffer.wrap(huge).order(LE).putInt(first + 42, 100_000).putInt(first + 46, 100_000);
        assertMentions(failureOf(write("huge_1.ser", huge)), "huge_1.ser",
                "100000 x 100000 pixels of 16-bit unsigned integer (20000000000 bytes) but the file has only");
        byte[] other = ser(0x0220).build();
        int second = (int) ByteBuffer.wrap(other).order(LE).getLong(table(other, true) + 8);
        ByteBuffer.wrap(other).order(LE).putInt(second + 42, 3);
        assertMentions(failureOf(write("other_1.ser", other)), "other_1.ser: frame 1: is a 3 x 4 element",
                "but frame 0 is 6 x 4");
    }

    // ---- Velox EMD (HDF5)

    @Test
    void hdf5FilesThatAreNotVeloxOrAreCorrupt() throws Exception {
        Path other = dir.resolve("other.h5");
        try (io.jhdf.WritableHdfFile hdf = io.jhdf.HdfFile.write(other)) {
            hdf.putGroup("entry").putDataset("data", new int[] {1, 2, 3});
        }
        assertMentions(failureOf(other), "other.h5: an HDF5 file without /Data/Image: not a Velox EMD image file");
        Path emd = VeloxBuilder.write(dir.resolve("ok.emd"), 5, 4, EmdReaderTest.frames(3), true, true, null);
        byte[] full = Files.readAllBytes(emd);
        assertMentions(failureOf(write("cut.emd", Arrays.copyOf(full, 200))), "cut.emd: the HDF5 file is truncated "
                + "or corrupt: its superblock says it ends at byte " + full.length + " but it has 200");
        assertMentions(failureOf(write("tiny.emd", Arrays.copyOf(full, 12))), "tiny.emd",
                "truncated HDF5 superblock (12 bytes)");
        byte[] version = Arrays.copyOf(full, full.length);
        version[8] = 9;
        assertMentions(failureOf(write("v9.emd", version)), "v9.emd", "HDF5 superblock version 9 is not supported");
        byte[] garbage = Arrays.copyOf(full, full.length);
        Arrays.fill(garbage, 8, 60, (byte) 0xFF);
        assertMentions(failureOf(write("garbage.emd", garbage)), "garbage.emd", "HDF5");
    }

    // ---- AVI and MP4

    private static AviBuilder grey() {
        AviBuilder b = new AviBuilder(7, 5, 8, null);
        for (int k = 0; k < 3; k++) {
            b.indexed(MovieReaderTest.grey(k, 7, 5));
        }
        return b;
    }

    @Test
    void aviWithUnsupportedCompressionOrNoVideo() throws Exception {
        byte[] xvid = new AviBuilder(7, 5, 24, "XVID").rgb(new int[35]).build();
        assertMentions(failureOf(write("x.avi", xvid)), "x.avi", "AVI video compression 'XVID' is not supported",
                "ffmpeg -c:v mjpeg");
        byte[] audio = grey().build();
        int vids = indexOf(audio, "vids", 0);
        System.arraycopy("auds".getBytes(StandardCharsets.US_ASCII), 0, audio, vids, 4);
        assertMentions(failureOf(write("a.avi", audio)), "a.avi", "has no video stream header");
        byte[] noFrames = new AviBuilder(7, 5, 8, null).build();
        assertMentions(failureOf(write("n.avi", noFrames)), "n.avi", "holds no video frames");
    }

    @Test
    void aviWithAbsurdOrOutOfRangeSizes() throws Exception {
        byte[] huge = grey().build();
        int strf = indexOf(huge, "strf", 0) + 8;
        ByteBuffer.wrap(huge).order(LE).putInt(strf + 4, 100_000).putInt(strf + 8, 100_000);
        assertMentions(failureOf(write("huge.avi", huge)), "huge.avi", "100000 x 100000 pixels",
                "more than the file");
        byte[] list = grey().build();
        int hdrl = indexOf(list, "hdrl", 0) - 4;
        ByteBuffer.wrap(list).order(LE).putInt(hdrl, 0x7FFFFFF0);
        assertMentions(failureOf(write("list.avi", list)), "list.avi", "declares 2147483632 bytes, beyond the end");
        byte[] full = grey().build();
        assertMentions(failureOf(write("cut.avi", Arrays.copyOf(full, 100))), "cut.avi", "beyond the end");
        byte[] minHeight = grey().build();
        ByteBuffer.wrap(minHeight).order(LE).putInt(strf + 8, Integer.MIN_VALUE);
        assertMentions(failureOf(write("min.avi", minHeight)), "min.avi", "declares 7 x -2147483648 pixels");
    }

    /** Found by fuzzing: jcodec's format probe loops forever on a 64-bit box size below 16; we must refuse first. */
    @Test
    void mp4BoxSizesThatWouldHangTheDecoder() throws Exception {
        byte[] ok = FormatFuzzTest.mp4Seeds(dir).get(0).bytes();
        byte[] big = Arrays.copyOf(ok, ok.length);
        ByteBuffer.wrap(big).putInt(0, 1).putLong(8, 10); // ftyp with size 1, then a 64-bit size of 10
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () ->
                assertMentions(failureOf(write("large.mp4", big)), "large.mp4: MP4 box 'ftyp' at offset 0 declares 10 "
                        + "bytes, less than its own header"));
        byte[] small = Arrays.copyOf(ok, ok.length);
        ByteBuffer.wrap(small).putInt(0, 5);
        assertMentions(failureOf(write("small.mp4", small)), "small.mp4: MP4 box 'ftyp' at offset 0 declares 5 bytes");
        byte[] cut = Arrays.copyOf(ok, ok.length - 30);
        assertMentions(failureOf(write("cut2.mp4", cut)), "cut2.mp4: MP4 box", "beyond the end of the file (truncated?)");
    }

    @Test
    void mp4ThatIsTruncatedOrNotH264() throws Exception {
        Path mp4 = FormatFuzzTest.mp4Seeds(dir).get(0).bytes() == null ? null
                : write("ok.mp4", FormatFuzzTest.mp4Seeds(dir).get(0).bytes());
        byte[] full = Files.readAllBytes(mp4);
        assertMentions(failureOf(write("cut.mp4", Arrays.copyOf(full, 40))), "cut.mp4", "MP4");
        byte[] box = new byte[64];
        ByteBuffer.wrap(box).putInt(0, 64).put(4, (byte) 'f').put(5, (byte) 't').put(6, (byte) 'y').put(7, (byte) 'p');
        assertMentions(failureOf(write("empty.mp4", box)), "empty.mp4", "MP4");
    }
}
