package org.lptem.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.Calibration;
import org.lptem.core.Frame;
import org.lptem.core.LptemException;
import org.lptem.core.PixelType;
import org.lptem.core.Video;

import com.twelvemonkeys.imageio.plugins.tiff.TIFFImageReaderSpi;

class TiffStackWriterTest {
    @TempDir
    Path dir;

    /** Frame k of a test stack: distinct per frame and pixel, with the type's extremes in the first pixels. */
    static Frame patterned(PixelType type, int w, int h, int k) {
        Frame f = Frame.blank(w, h, type);
        for (int i = 0; i < w * h; i++) {
            f.set(i, switch (type) {
                case UINT8 -> (k * 31 + i * 7) % 256;
                case INT16 -> (k * 977 + i * 131) % 65536 - 32768;
                case UINT16 -> (k * 977 + i * 131) % 65536;
                case INT32 -> (k * 1_000_003L + i * 104_729L) % 4_000_000_000L - 2_000_000_000L;
                case UINT32 -> (k * 1_000_003L + i * 104_729L) % 4_294_967_296L;
                case FLOAT32 -> (k - 1.5) * Math.pow(10, i % 40 - 20) / 3.0;
            });
        }
        switch (type) {
            case INT16 -> {
                f.set(0, Short.MIN_VALUE);
                f.set(1, Short.MAX_VALUE);
            }
            case UINT16 -> f.set(0, 65535);
            case INT32 -> {
                f.set(0, Integer.MIN_VALUE);
                f.set(1, Integer.MAX_VALUE);
            }
            case UINT32 -> f.set(0, 4_294_967_295L);
            case FLOAT32 -> {
                f.set(0, Float.NaN);
                f.set(1, Float.NEGATIVE_INFINITY);
                f.set(2, -Float.MIN_VALUE);
            }
            default -> f.set(0, 255);
        }
        return f;
    }

    private Path writeStack(String name, PixelType type, int w, int h, int frames, Calibration cal) {
        Path out = dir.resolve(name);
        try (TiffStackWriter writer = new TiffStackWriter(out, w, h, type, cal)) {
            for (int k = 0; k < frames; k++) {
                writer.write(patterned(type, w, h, k));
            }
        }
        return out;
    }

    @Test
    void everyPixelTypeRoundTripsExactly() throws Exception {
        Calibration cal = Calibration.of(0.193, 0.05);
        for (PixelType type : PixelType.values()) {
            Path out = writeStack(type.label() + ".tif", type, 7, 5, 3, cal);
            try (Video v = VideoIO.open(out)) {
                assertEquals(type, v.pixelType());
                assertEquals(3, v.frameCount());
                assertEquals(cal, v.calibration(), type.label());
                for (int k : new int[] {2, 0, 1}) {
                    assertEquals(patterned(type, 7, 5, k), v.frame(k), type + " frame " + k);
                }
            }
        }
    }

    @Test
    void pixelSizeRoundTripsBitForBit() throws Exception {
        double[] sizes = {0.193, 2.0934579439252336, 1 / 3.0, 0.1, 123.456, 1e-3, 5000.0, Math.PI, 0.0123456789012};
        for (int i = 0; i < sizes.length; i++) {
            Path out = writeStack("px" + i + ".tif", PixelType.UINT8, 2, 2, 1, Calibration.of(sizes[i], null));
            try (Video v = VideoIO.open(out)) {
                assertEquals(sizes[i], v.calibration().nmPerPixel().getAsDouble(), 0.0);
                assertFalse(v.calibration().hasFrameInterval());
            }
        }
    }

    @Test
    void writesImageJDescriptionAndBackToBackFrames() throws Exception {
        Path out = writeStack("ij.tif", PixelType.UINT16, 4, 3, 3, Calibration.of(0.5, 0.02));
        ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
        int ifd = file.getInt(4);
        String description = null;
        int strip = -1;
        for (int e = 0; e < file.getShort(ifd); e++) {
            int pos = ifd + 2 + 12 * e;
            int tag = file.getShort(pos) & 0xFFFF;
            if (tag == 270) {
                byte[] text = new byte[file.getInt(pos + 4) - 1];
                file.get(file.getInt(pos + 8), text);
                description = new String(text, StandardCharsets.US_ASCII);
            } else if (tag == 273) {
                strip = file.getInt(pos + 8);
            }
        }
        assertEquals("ImageJ=1.54f\nimages=3\nframes=3\nhyperstack=true\nunit=nm\nfinterval=0.02\nloop=false\n",
                description);
        // ImageJ reads frame k at the first strip + k * frame size and ignores the other directories
        for (int k = 0; k < 3; k++) {
            short[] expected = (short[]) patterned(PixelType.UINT16, 4, 3, k).samples();
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], file.getShort(strip + k * 24 + 2 * i));
            }
        }
    }

    @Test
    void otherReadersFindEveryPageThroughTheDirectoryChain() throws Exception {
        Path out = writeStack("chain.tif", PixelType.UINT16, 6, 4, 3, Calibration.NONE);
        ImageReader reader = new TIFFImageReaderSpi().createReaderInstance(null);
        try (FileImageInputStream in = new FileImageInputStream(out.toFile())) {
            reader.setInput(in);
            assertEquals(3, reader.getNumImages(true));
            int[] samples = reader.read(2).getRaster().getSamples(0, 0, 6, 4, 0, (int[]) null);
            short[] expected = (short[]) patterned(PixelType.UINT16, 6, 4, 2).samples();
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i] & 0xFFFF, samples[i]);
            }
        } finally {
            reader.dispose();
        }
    }

    @Test
    void beyondTheOffsetLimitOnlyTheFirstDirectoryIsWrittenAndTheStackStillReads() throws Exception {
        Path out = dir.resolve("huge-layout.tif");
        try (TiffStackWriter w = new TiffStackWriter(out, 5, 5, PixelType.FLOAT32, Calibration.NONE, 0)) {
            for (int k = 0; k < 4; k++) {
                w.write(patterned(PixelType.FLOAT32, 5, 5, k));
            }
        }
        ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
        int ifd = file.getInt(4);
        assertEquals(0, file.getInt(ifd + 2 + 12 * file.getShort(ifd)), "no next directory");
        try (Video v = VideoIO.open(out)) {
            assertEquals(4, v.frameCount());
            assertEquals(patterned(PixelType.FLOAT32, 5, 5, 3), v.frame(3));
        }
    }

    @Test
    void fileAppearsOnlyWhenClosedAndAbortLeavesNothing() throws Exception {
        Path out = dir.resolve("atomic.tif");
        TiffStackWriter w = new TiffStackWriter(out, 3, 3, PixelType.UINT8, Calibration.NONE);
        w.write(patterned(PixelType.UINT8, 3, 3, 0));
        assertFalse(Files.exists(out));
        w.close();
        assertTrue(Files.exists(out));

        Path aborted = dir.resolve("aborted.tif");
        TiffStackWriter a = new TiffStackWriter(aborted, 3, 3, PixelType.UINT8, Calibration.NONE);
        a.write(patterned(PixelType.UINT8, 3, 3, 0));
        a.abort();
        a.close(); // after abort, close does nothing
        assertFalse(Files.exists(aborted));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void replacesAnExistingFile() throws Exception {
        Path out = dir.resolve("old.tif");
        Files.writeString(out, "old content");
        writeStack("old.tif", PixelType.UINT8, 2, 2, 2, Calibration.NONE);
        try (Video v = VideoIO.open(out)) {
            assertEquals(2, v.frameCount());
        }
    }

    @Test
    void aStackNeedsFramesOfItsOwnSizeAndAtLeastOne() {
        Path out = dir.resolve("empty.tif");
        TiffStackWriter w = new TiffStackWriter(out, 3, 3, PixelType.UINT8, Calibration.NONE);
        assertThrows(IllegalArgumentException.class, () -> w.write(Frame.blank(3, 4, PixelType.UINT8)));
        assertThrows(IllegalArgumentException.class, () -> w.write(Frame.blank(3, 3, PixelType.UINT16)));
        LptemException e = assertThrows(LptemException.class, w::close);
        assertTrue(e.getMessage().contains("empty.tif") && e.getMessage().contains("no frames"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void labelImagesAreUnsigned16Bit() throws Exception {
        Path out = dir.resolve("labels.tif");
        Frame labels = Frame.ofShorts(2, 2, new short[] {0, 1, (short) 65535, 300}, false);
        try (TiffStackWriter w = TiffStackWriter.labels(out, 2, 2, Calibration.of(1.5, null))) {
            w.write(labels);
        }
        try (Video v = VideoIO.open(out)) {
            assertEquals(PixelType.UINT16, v.pixelType());
            assertArrayEquals((short[]) labels.samples(), (short[]) v.frame(0).samples());
            assertEquals(65535.0, v.frame(0).get(2));
        }
    }
}
