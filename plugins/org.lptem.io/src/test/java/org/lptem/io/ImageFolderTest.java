package org.lptem.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferUShort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.Calibration;
import org.lptem.core.Frame;
import org.lptem.core.LptemException;
import org.lptem.core.PixelType;
import org.lptem.core.Video;

class ImageFolderTest {
    @TempDir
    Path dir;

    /** A grey PNG whose every pixel is {@code value}. */
    private static void greyPng(Path file, int w, int h, int value) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.getRaster().setSample(x, y, 0, value);
            }
        }
        ImageIO.write(img, "png", file.toFile());
    }

    @Test
    void framesAreOrderedNumericallyNotByName() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("run"));
        for (int i = 0; i <= 11; i++) {
            greyPng(folder.resolve("frame_" + i + ".png"), 4, 3, 10 + i);
        }
        try (Video v = VideoIO.open(folder)) {
            assertEquals("image-folder", v.format());
            assertEquals(12, v.frameCount());
            for (int i = 0; i <= 11; i++) {
                assertEquals(10 + i, v.frame(i).get(2, 1), "frame " + i);
            }
        }
    }

    @Test
    void numberIsTheLastRunOfDigitsAndZeroPaddingDoesNotMatter() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("run2"));
        String[] names = {"img10.png", "img2.png", "img1.png", "img0003.png"};
        int[] values = {10, 2, 1, 3};
        for (int i = 0; i < names.length; i++) {
            greyPng(folder.resolve(names[i]), 2, 2, values[i]);
        }
        try (Video v = VideoIO.open(folder)) {
            double[] seen = new double[v.frameCount()];
            for (int i = 0; i < seen.length; i++) {
                seen[i] = v.frame(i).get(0);
            }
            assertArrayEquals(new double[] {1, 2, 3, 10}, seen);
        }
        assertEquals(List.of("a1.png", "a2.png", "a10.png"), FrameFiles.list(orderFolder("s2_t", 10, 1, 2))
                .stream().map(p -> p.getFileName().toString().replace("s2_t", "a")).toList());
    }

    private Path orderFolder(String prefix, int... numbers) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("o" + prefix));
        for (int n : numbers) {
            greyPng(folder.resolve(prefix + n + ".png"), 1, 1, 0);
        }
        return folder;
    }

    @Test
    void ignoresOtherFilesAndMixesFormatsOfOneSizeAndType() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("mixed"));
        greyPng(folder.resolve("f_0.png"), 3, 3, 7);
        try (TiffStackWriter w = new TiffStackWriter(folder.resolve("f_1.tif"), 3, 3, PixelType.UINT8,
                Calibration.NONE)) {
            byte[] px = new byte[9];
            Arrays.fill(px, (byte) 99);
            w.write(Frame.ofBytes(3, 3, px));
        }
        greyPng(folder.resolve("f_2.PNG"), 3, 3, 200);
        Files.writeString(folder.resolve("log_5.txt"), "acquisition log");
        greyPng(folder.resolve(".f_3.png"), 3, 3, 1); // hidden (e.g. macOS resource fork)
        Files.createDirectory(folder.resolve("sub_4.png"));
        try (Video v = VideoIO.open(folder)) {
            assertEquals(3, v.frameCount());
            assertEquals(7, v.frame(0).get(4));
            assertEquals(99, v.frame(1).get(4));
            assertEquals(200, v.frame(2).get(4));
        }
    }

    @Test
    void colourBecomesLuminanceAnd16BitGreyStays16Bit() throws Exception {
        BufferedImage rgb = new BufferedImage(3, 1, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, 0xFF0000);
        rgb.setRGB(1, 0, 0x00FF00);
        rgb.setRGB(2, 0, 0x808080);
        Path rgbFile = dir.resolve("colour.png");
        ImageIO.write(rgb, "png", rgbFile.toFile());
        try (Video v = VideoIO.open(rgbFile)) {
            assertEquals(PixelType.UINT8, v.pixelType());
            assertArrayEquals(new byte[] {76, (byte) 150, (byte) 128}, (byte[]) v.frame(0).samples());
        }

        BufferedImage grey16 = new BufferedImage(2, 2, BufferedImage.TYPE_USHORT_GRAY);
        short[] values = {0, 1000, (short) 40000, (short) 65535};
        System.arraycopy(values, 0, ((DataBufferUShort) grey16.getRaster().getDataBuffer()).getData(), 0, 4);
        Path folder = Files.createDirectory(dir.resolve("g16"));
        ImageIO.write(grey16, "png", folder.resolve("g_1.png").toFile());
        try (Video v = VideoIO.open(folder)) {
            assertEquals(PixelType.UINT16, v.pixelType());
            assertArrayEquals(values, (short[]) v.frame(0).samples());
        }
    }

    @Test
    void jpegFramesDecodeToGrey() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("jpeg"));
        for (int i = 0; i < 2; i++) {
            BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_3BYTE_BGR);
            for (int p = 0; p < 256; p++) {
                img.setRGB(p % 16, p / 16, i == 0 ? 0x404040 : 0xC0C0C0);
            }
            ImageIO.write(img, "jpeg", folder.resolve("shot" + i + ".jpg").toFile());
        }
        try (Video v = VideoIO.open(folder)) {
            assertEquals(PixelType.UINT8, v.pixelType());
            assertEquals(0x40, v.frame(0).get(8, 8), 3); // lossy, but a flat grey survives closely
            assertEquals(0xC0, v.frame(1).get(8, 8), 3);
        }
    }

    @Test
    void framesAreDecodedOnlyWhenAsked() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("lazy"));
        for (int i = 0; i < 3; i++) {
            greyPng(folder.resolve("f" + i + ".png"), 2, 2, i);
        }
        Files.write(folder.resolve("f1.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
        try (Video v = VideoIO.open(folder)) {
            assertEquals(3, v.frameCount()); // opening read only the list and frame 0's header
            assertEquals(2, v.frame(2).get(0));
            LptemException e = assertThrows(LptemException.class, () -> v.frame(1));
            assertTrue(e.getMessage().contains("f1.png: frame 1:"), e.getMessage());
        }
    }

    @Test
    void ambiguousNumberingIsAnError() throws Exception {
        Path dup = orderFolder("frame_", 1, 2);
        greyPng(dup.resolve("frame_01.png"), 1, 1, 0);
        LptemException e = assertThrows(LptemException.class, () -> VideoIO.open(dup));
        assertTrue(e.getMessage().contains("frame_01.png and frame_1.png have the same frame number 1"),
                e.getMessage());

        Path stray = orderFolder("shot", 1, 2);
        greyPng(stray.resolve("background.png"), 1, 1, 0);
        e = assertThrows(LptemException.class, () -> VideoIO.open(stray));
        assertTrue(e.getMessage().contains("background.png has no frame number"), e.getMessage());
    }
}
