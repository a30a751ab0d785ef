package org.lptem.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferUShort;
import java.nio.ByteOrder;
import java.nio.file.Path;

import javax.imageio.IIOImage;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.Calibration;
import org.lptem.core.Frame;
import org.lptem.core.PixelType;
import org.lptem.core.Video;

import com.twelvemonkeys.imageio.plugins.tiff.TIFFImageWriterSpi;

class TiffReaderTest {
    @TempDir
    Path dir;

    /** A value pattern unique to each page and pixel, so a wrong page or a shifted pixel shows. */
    static short[] pattern16(int page, int width, int height) {
        short[] s = new short[width * height];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (page * 1000 + i * 7 + 40000);
        }
        return s;
    }

    private static void assertFrame(short[] expected, Frame f) {
        assertEquals(PixelType.UINT16, f.type());
        assertArrayEquals(expected, (short[]) f.samples());
    }

    @Test
    void readsTifffileLayoutWithJsonDescription() throws Exception {
        TiffBuilder b = TiffBuilder.tifffile().description("{\"shape\": [3, 4, 5]}");
        for (int p = 0; p < 3; p++) {
            b.page(5, 4, pattern16(p, 5, 4));
        }
        try (Video v = VideoIO.open(b.writeTo(dir.resolve("tifffile.tif")))) {
            assertEquals("tiff", v.format());
            assertEquals(3, v.frameCount());
            assertEquals(5, v.width());
            assertEquals(4, v.height());
            assertEquals(PixelType.UINT16, v.pixelType());
            assertEquals(Calibration.NONE, v.calibration());
            for (int p = 2; p >= 0; p--) {
                assertFrame(pattern16(p, 5, 4), v.frame(p));
            }
            assertEquals(40000 + 1000 * 2 + 7 * 6, v.frame(2).get(1, 1)); // unsigned, above 32767
        }
    }

    @Test
    void readsImageJLayoutBigEndianWithCalibration() throws Exception {
        TiffBuilder b = TiffBuilder.imageJ()
                .description("ImageJ=1.54f\nimages=4\nslices=4\nunit=nm\nfinterval=0.05\nloop=false\n")
                .resolution(10, 21); // 10 pixels per 21 nm
        for (int p = 0; p < 4; p++) {
            b.page(6, 3, pattern16(p, 6, 3));
        }
        try (Video v = VideoIO.open(b.writeTo(dir.resolve("imagej.tif")))) {
            assertEquals(4, v.frameCount());
            assertEquals(2.1, v.calibration().nmPerPixel().getAsDouble(), 0.0);
            assertEquals(0.05, v.calibration().secondsPerFrame().getAsDouble(), 0.0);
            for (int p : new int[] {3, 0, 2, 1}) {
                assertFrame(pattern16(p, 6, 3), v.frame(p));
            }
        }
    }

    @Test
    void trustsImageJImageCountWhenOnlyTheFirstDirectoryExists() throws Exception {
        // ImageJ's layout beyond 4 GB: one directory, the count from images=N, frames back to back.
        TiffBuilder b = TiffBuilder.imageJ().description("ImageJ=1.54f\nimages=5\nframes=5\n")
                .withoutTrailingDirectories();
        for (int p = 0; p < 5; p++) {
            b.page(4, 4, pattern16(p, 4, 4));
        }
        try (Video v = VideoIO.open(b.writeTo(dir.resolve("big-layout.tif")))) {
            assertEquals(5, v.frameCount());
            assertFrame(pattern16(4, 4, 4), v.frame(4));
            assertFrame(pattern16(1, 4, 4), v.frame(1));
        }
    }

    @Test
    void imageJCountIsNotTrustedWhenTheLayoutDoesNotMatch() throws Exception {
        // Claims 2 images, and 2 would fit, but the pages are not back to back: walk the chain, which finds 3.
        TiffBuilder b = TiffBuilder.tifffile().description("ImageJ=1.54f\nimages=2\n");
        for (int p = 0; p < 3; p++) {
            b.page(8, 8, pattern16(p, 8, 8));
        }
        try (Video v = VideoIO.open(b.writeTo(dir.resolve("claims.tif")))) {
            assertEquals(3, v.frameCount());
            assertFrame(pattern16(2, 8, 8), v.frame(2));
        }
    }

    @Test
    void micronUnitsInEverySpellingGiveNanometres() throws Exception {
        String[] units = {"micron", "um", "\u00B5m", "\\u00B5m"};
        for (int i = 0; i < units.length; i++) {
            Path f = TiffBuilder.imageJ().description("ImageJ=1.54f\nunit=" + units[i] + "\n")
                    .resolution(500, 1).page(2, 2, new short[4]).writeTo(dir.resolve("u" + i + ".tif"));
            try (Video v = VideoIO.open(f)) {
                assertEquals(2.0, v.calibration().nmPerPixel().getAsDouble(), 1e-12, units[i]);
                assertFalse(v.calibration().hasFrameInterval());
            }
        }
    }

    @Test
    void frameIntervalHonoursImageJTimeUnit() throws Exception {
        Path f = TiffBuilder.imageJ().description("ImageJ=1.54f\nfinterval=25\ntunit=ms\n")
                .page(2, 2, new short[4]).writeTo(dir.resolve("ms.tif"));
        try (Video v = VideoIO.open(f)) {
            assertEquals(0.025, v.calibration().secondsPerFrame().getAsDouble(), 1e-15);
            assertFalse(v.calibration().hasPixelSize());
        }
    }

    @Test
    void centimetreResolutionIsUsedOnlyAtMicroscopeScales() throws Exception {
        Path micro = TiffBuilder.tifffile().resolution(2_000_000, 1).resolutionUnit(3).page(2, 2, new short[4])
                .writeTo(dir.resolve("cm.tif"));
        Path dpi = TiffBuilder.tifffile().resolution(7200, 254).resolutionUnit(3).page(2, 2, new short[4])
                .writeTo(dir.resolve("dpi.tif"));
        Path inch = TiffBuilder.tifffile().resolution(2_000_000, 1).resolutionUnit(2).page(2, 2, new short[4])
                .writeTo(dir.resolve("inch.tif"));
        try (Video a = VideoIO.open(micro); Video b = VideoIO.open(dpi); Video c = VideoIO.open(inch)) {
            assertEquals(5.0, a.calibration().nmPerPixel().getAsDouble(), 1e-12);
            assertFalse(b.calibration().hasPixelSize());
            assertFalse(c.calibration().hasPixelSize());
        }
    }

    @Test
    void overrideReplacesOnlyWhatItKnows() throws Exception {
        Path f = TiffBuilder.imageJ().description("ImageJ=1.54f\nunit=nm\nfinterval=0.1\n").resolution(1, 3)
                .page(2, 2, new short[4]).writeTo(dir.resolve("o.tif"));
        try (Video v = VideoIO.open(f, Calibration.of(0.5, null))) {
            assertEquals(0.5, v.calibration().nmPerPixel().getAsDouble(), 0.0);
            assertEquals(0.1, v.calibration().secondsPerFrame().getAsDouble(), 0.0);
        }
    }

    @Test
    void readsEveryIntegerAndFloatSampleType() throws Exception {
        int[] u32 = {0, 1, 0x7FFFFFFF, (int) 4_000_000_000L};
        int[] i32 = {Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE};
        float[] f32 = {-1.5f, Float.NaN, Float.POSITIVE_INFINITY, 3.25e-20f};
        short[] i16 = {Short.MIN_VALUE, -2, 0, Short.MAX_VALUE};
        byte[] u8 = {0, 1, (byte) 200, (byte) 255};
        byte[] s8 = {-128, -1, 0, 127};
        ByteOrder[] orders = {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN};
        for (ByteOrder o : orders) {
            assertArrayEquals(u32, (int[]) read(TiffBuilder.tifffile().order(o).samples(32, 1).page(2, 2, u32),
                    PixelType.UINT32).samples());
            assertArrayEquals(i32, (int[]) read(TiffBuilder.tifffile().order(o).samples(32, 2).page(2, 2, i32),
                    PixelType.INT32).samples());
            assertArrayEquals(f32, (float[]) read(TiffBuilder.tifffile().order(o).samples(32, 3).page(2, 2, f32),
                    PixelType.FLOAT32).samples());
            assertArrayEquals(i16, (short[]) read(TiffBuilder.tifffile().order(o).samples(16, 2).page(2, 2, i16),
                    PixelType.INT16).samples());
        }
        assertArrayEquals(u8, (byte[]) read(TiffBuilder.tifffile().samples(8, 1).page(2, 2, u8), PixelType.UINT8)
                .samples());
        // signed 8-bit has no type of its own: it widens to INT16 with its sign
        assertArrayEquals(new short[] {-128, -1, 0, 127},
                (short[]) read(TiffBuilder.tifffile().samples(8, 2).page(2, 2, s8), PixelType.INT16).samples());
        assertEquals(4_000_000_000.0, read(TiffBuilder.tifffile().samples(32, 1).page(2, 2, u32),
                PixelType.UINT32).get(3));
    }

    private int files;

    private Frame read(TiffBuilder b, PixelType expected) throws Exception {
        try (Video v = VideoIO.open(b.writeTo(dir.resolve("t" + files++ + ".tif")))) {
            assertEquals(expected, v.pixelType());
            Frame f = v.frame(0);
            assertEquals(expected, f.type());
            return f;
        }
    }

    @Test
    void readsStripsWhereverTheyAre() throws Exception {
        // 7 rows in strips of 2, stored last strip first: offsets, not file order, decide where rows go.
        short[] s = pattern16(1, 5, 7);
        TiffBuilder b = TiffBuilder.tifffile().rowsPerStrip(2).reverseStrips().page(5, 7, s).page(5, 7,
                pattern16(2, 5, 7));
        try (Video v = VideoIO.open(b.writeTo(dir.resolve("strips.tif")))) {
            assertFrame(s, v.frame(0));
            assertFrame(pattern16(2, 5, 7), v.frame(1));
        }
    }

    @Test
    void rgbPagesBecomeLuminance() throws Exception {
        byte[] rgb = {(byte) 255, 0, 0, 0, (byte) 255, 0, 0, 0, (byte) 255, (byte) 200, (byte) 200, (byte) 200};
        Frame f = read(TiffBuilder.tifffile().rgb().samples(8, 1).page(2, 2, rgb), PixelType.UINT8);
        assertArrayEquals(new byte[] {76, (byte) 150, 29, (byte) 200}, (byte[]) f.samples());
    }

    @Test
    void readsBigTiff() throws Exception {
        TiffBuilder b = TiffBuilder.tifffile().bigTiff();
        for (int p = 0; p < 3; p++) {
            b.page(3, 3, pattern16(p, 3, 3));
        }
        try (Video v = VideoIO.open(b.writeTo(dir.resolve("big.tif")))) {
            assertEquals(3, v.frameCount());
            assertFrame(pattern16(2, 3, 3), v.frame(2));
        }
    }

    @Test
    void skipsThumbnails() throws Exception {
        TiffBuilder b = TiffBuilder.tifffile().page(4, 4, pattern16(0, 4, 4)).thumbnail(2, 2, new short[4])
                .page(4, 4, pattern16(1, 4, 4));
        try (Video v = VideoIO.open(b.writeTo(dir.resolve("thumb.tif")))) {
            assertEquals(2, v.frameCount());
            assertFrame(pattern16(1, 4, 4), v.frame(1));
        }
    }

    @Test
    void compressedPagesAreDecodedByTwelveMonkeys() throws Exception {
        for (String compression : new String[] {"LZW", "Deflate", "PackBits"}) {
            Path f = dir.resolve(compression + ".tif");
            writeCompressed(f, compression, 3, 20, 10);
            try (Video v = VideoIO.open(f)) {
                assertEquals(3, v.frameCount(), compression);
                assertEquals(PixelType.UINT16, v.pixelType());
                for (int p : new int[] {2, 0, 1}) {
                    assertFrame(pattern16(p, 20, 10), v.frame(p));
                }
            }
        }
    }

    @Test
    void compressedMinIsWhitePagesKeepTheStoredValuesAsUncompressedOnesDo() throws Exception {
        Object[] samples = {new byte[] {10, (byte) 200, 0, (byte) 255}, new short[] {10, (short) 40000, 0, -1},
            new float[] {0.25f, 3000f, -2f, 0f}};
        int[][] formats = {{8, 1}, {16, 1}, {32, 3}};
        for (int i = 0; i < samples.length; i++) {
            String what = formats[i][0] + "-bit";
            Path plain = TiffBuilder.tifffile().minIsWhite().samples(formats[i][0], formats[i][1])
                    .page(2, 2, samples[i]).writeTo(dir.resolve("white" + i + ".tif"));
            Path packed = TiffBuilder.tifffile().minIsWhite().samples(formats[i][0], formats[i][1]).compression(32773)
                    .page(2, 2, samples[i]).writeTo(dir.resolve("white" + i + "_packbits.tif"));
            try (Video a = VideoIO.open(plain); Video b = VideoIO.open(packed)) {
                Frame stored = a.frame(0);
                Frame decoded = b.frame(0);
                assertEquals(stored.type(), decoded.type(), what);
                for (int k = 0; k < 4; k++) {
                    assertEquals(stored.get(k), decoded.get(k), what + " pixel " + k);
                }
            }
        }
        // the stored values themselves, not just agreement: 200 stays 200 (inverted it would be 55)
        try (Video v = VideoIO.open(dir.resolve("white0_packbits.tif"))) {
            assertEquals(200.0, v.frame(0).get(1));
        }
        try (Video v = VideoIO.open(dir.resolve("white2_packbits.tif"))) {
            assertEquals(3000.0, v.frame(0).get(1)); // and floats are not clamped to [0, 1]
        }
    }

    /** A multi-page 16-bit TIFF written by TwelveMonkeys itself, compressed. */
    static void writeCompressed(Path file, String compression, int pages, int width, int height) throws Exception {
        ImageWriter writer = new TIFFImageWriterSpi().createWriterInstance(null);
        try (FileImageOutputStream out = new FileImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType(compression);
            writer.prepareWriteSequence(null);
            for (int p = 0; p < pages; p++) {
                BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
                short[] data = ((DataBufferUShort) img.getRaster().getDataBuffer()).getData();
                System.arraycopy(pattern16(p, width, height), 0, data, 0, data.length);
                writer.writeToSequence(new IIOImage(img, null, null), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        assertTrue(java.nio.file.Files.size(file) > 0);
    }
}
