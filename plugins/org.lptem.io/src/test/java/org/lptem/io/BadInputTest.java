package org.lptem.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.LptemException;
import org.lptem.core.Video;

/** Every kind of bad input gives an LptemException naming the file (and frame) and what is wrong. */
class BadInputTest {
    @TempDir
    Path dir;

    /** Opens {@code path}, reads every frame, and returns the message of the LptemException that must come. */
    static String failureOf(Path path) {
        try (Video v = VideoIO.open(path)) {
            for (int i = 0; i < v.frameCount(); i++) {
                v.frame(i);
            }
        } catch (LptemException e) {
            return e.getMessage();
        } catch (Exception e) {
            throw new AssertionError("expected an LptemException for " + path + ", got " + e, e);
        }
        return fail("expected an LptemException for " + path);
    }

    static void assertMentions(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), "message lacks \"" + p + "\": " + message);
        }
    }

    private static byte[] smallStack() {
        TiffBuilder b = TiffBuilder.tifffile();
        for (int p = 0; p < 3; p++) {
            b.page(8, 6, TiffReaderTest.pattern16(p, 8, 6));
        }
        return b.build();
    }

    @Test
    void missingFile() {
        Path missing = dir.resolve("x.tif");
        assertEquals(missing + ": file does not exist", failureOf(missing));
    }

    @Test
    void emptyFile() throws Exception {
        Path f = Files.write(dir.resolve("empty.tif"), new byte[0]);
        assertEquals(f + ": file is empty", failureOf(f));
    }

    @Test
    void textFileNamedTif() throws Exception {
        Path f = Files.writeString(dir.resolve("notes.tif"), "hello, this is text");
        assertMentions(failureOf(f), "notes.tif", "not a supported video", "starts with bytes 68 65 6C 6C",
                "expected TIFF");
    }

    @Test
    void zipArchiveNamedTif() throws Exception {
        Path f = Files.write(dir.resolve("movie.tif"), new byte[] {0x50, 0x4B, 3, 4, 20, 0, 0, 0});
        assertMentions(failureOf(f), "movie.tif: not a supported video (starts with bytes 50 4B 03 04",
                "ZIP", "expected TIFF");
    }

    @Test
    void truncatedAtEveryKindOfPlace() throws Exception {
        byte[] full = smallStack();
        // header, first directory, first page's data, a later directory, the last page's data, one byte short
        int[] cuts = {3, 7, 12, 100, 250, full.length / 2, full.length - 50, full.length - 1};
        for (int cut : cuts) {
            Path f = Files.write(dir.resolve("cut" + cut + ".tif"), Arrays.copyOf(full, cut));
            String m = failureOf(f);
            assertMentions(m, "cut" + cut + ".tif");
            assertTrue(m.contains("truncated") || m.contains("ends early"), m);
        }
        // cut inside the last page's pixels: the message names that frame
        String last = failureOf(Files.write(dir.resolve("lastpage.tif"), Arrays.copyOf(full, full.length - 1)));
        assertMentions(last, "lastpage.tif: frame 2: pixel data", "beyond the end of the file");
    }

    @Test
    void absurdDimensionsAreCaughtBeforeAllocating() throws Exception {
        Path f = TiffBuilder.tifffile().page(100_000, 100_000, new short[16]).writeTo(dir.resolve("huge.tif"));
        assertMentions(failureOf(f), "huge.tif", "100000 x 100000", "20000000000 bytes", "the file has only");
        Path c = TiffBuilder.tifffile().compression(5).page(100_000, 100_000, new short[16])
                .writeTo(dir.resolve("hugelzw.tif"));
        assertMentions(failureOf(c), "hugelzw.tif", "100000 x 100000", "the file has only");
        Path wide = TiffBuilder.tifffile().samples(8, 1).page(3_000_000_000L, 1, new byte[16])
                .writeTo(dir.resolve("wide.tif"));
        assertMentions(failureOf(wide), "wide.tif", "3000000000 x 1 pixels, more than one frame can hold");
    }

    @Test
    void unsupportedCompressionAndSampleFormats() throws Exception {
        Path jp2 = TiffBuilder.tifffile().compression(34712).page(2, 2, new short[4]).writeTo(dir.resolve("j.tif"));
        assertMentions(failureOf(jp2), "j.tif", "compression 34712 (JPEG 2000) is not supported");
        Path f64 = TiffBuilder.tifffile().samples(64, 3).page(2, 2, new double[4]).writeTo(dir.resolve("d.tif"));
        assertMentions(failureOf(f64), "d.tif", "64-bit floating-point samples are not supported");
        Path f16 = TiffBuilder.tifffile().samples(16, 3).page(2, 2, new short[4]).writeTo(dir.resolve("h.tif"));
        assertMentions(failureOf(f16), "h.tif", "16-bit floating-point samples are not supported");
        Path b12 = TiffBuilder.tifffile().samples(12, 1).page(2, 2, new short[4]).writeTo(dir.resolve("b.tif"));
        assertMentions(failureOf(b12), "b.tif", "12-bit unsigned integer samples are not supported");
    }

    @Test
    void pagesOfDifferentSizesOrTypes() throws Exception {
        Path sizes = TiffBuilder.tifffile().page(5, 4, new short[20]).page(5, 4, new short[20])
                .page(4, 4, new short[16]).writeTo(dir.resolve("sizes.tif"));
        assertMentions(failureOf(sizes), "sizes.tif: frame 2: is 4 x 4 16-bit unsigned integer but frame 0 is 5 x 4");
    }

    @Test
    void directoryChainThatLoops() throws Exception {
        byte[] tiff = TiffBuilder.tifffile().page(2, 2, new short[4]).page(2, 2, new short[4]).build();
        ByteBuffer b = ByteBuffer.wrap(tiff).order(ByteOrder.LITTLE_ENDIAN);
        int second = nextPointerPosition(b, b.getInt(4));
        int secondIfd = b.getInt(second);
        b.putInt(nextPointerPosition(b, secondIfd), b.getInt(4)); // the second page links back to the first
        Path f = Files.write(dir.resolve("loop.tif"), tiff);
        assertMentions(failureOf(f), "loop.tif", "loops back to offset 8");
    }

    static int nextPointerPosition(ByteBuffer b, int ifd) {
        return ifd + 2 + 12 * b.getShort(ifd);
    }

    @Test
    void imageJCountBeyondTheEndOfTheFile() throws Exception {
        TiffBuilder b = TiffBuilder.imageJ().description("ImageJ=1.54f\nimages=50\n").withoutTrailingDirectories();
        b.page(4, 4, new short[16]).page(4, 4, new short[16]);
        assertMentions(failureOf(b.writeTo(dir.resolve("ij50.tif"))), "ij50.tif",
                "declares 50 images", "holds only 2");
    }

    @Test
    void multiChannelImageJHyperstackIsRejected() throws Exception {
        Path f = TiffBuilder.imageJ().description("ImageJ=1.54f\nimages=4\nchannels=2\nframes=2\n")
                .page(2, 2, new short[4]).writeTo(dir.resolve("ch.tif"));
        assertMentions(failureOf(f), "ch.tif", "2 channels");
    }

    @Test
    void emptyFolder() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("frames"));
        Files.writeString(empty.resolve("notes.txt"), "not an image");
        Files.write(empty.resolve(".hidden.png"), new byte[10]);
        assertEquals(empty + ": no image frames found (looked for .png, .jpg, .jpeg, .tif, .tiff)",
                failureOf(empty));
    }

    @Test
    void folderFrameOfAnotherSizeNamesTheFileAndBothSizes() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("mixed"));
        for (int i = 0; i < 3; i++) {
            int w = i == 2 ? 9 : 8;
            ImageIO.write(new BufferedImage(w, 6, BufferedImage.TYPE_BYTE_GRAY), "png",
                    folder.resolve("frame_" + i + ".png").toFile());
        }
        assertMentions(failureOf(folder), "frame_2.png: frame 2: is 9 x 6 uint8 but frame 0 (frame_0.png) is 8 x 6");
    }

    @Test
    void corruptFolderFrameNamesTheFile() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("corrupt"));
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY), "png",
                folder.resolve("f1.png").toFile());
        byte[] png = Files.readAllBytes(folder.resolve("f1.png"));
        Files.write(folder.resolve("f2.png"), Arrays.copyOf(png, 30)); // PNG signature, then cut off
        assertMentions(failureOf(folder), "f2.png: frame 1: cannot decode PNG");
    }

    @Test
    void framesOutOfRange() throws Exception {
        Path f = TiffBuilder.tifffile().page(2, 2, new short[4]).writeTo(dir.resolve("one.tif"));
        try (Video v = VideoIO.open(f)) {
            LptemException e = assertThrows(LptemException.class, () -> v.frame(1));
            assertMentions(e.getMessage(), "one.tif", "frame 1 does not exist");
        }
    }
}
