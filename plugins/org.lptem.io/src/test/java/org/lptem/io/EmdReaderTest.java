package org.lptem.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.Calibration;
import org.lptem.core.LptemException;
import org.lptem.core.PixelType;
import org.lptem.core.Video;

class EmdReaderTest {
    static final int W = 7;
    static final int H = 5;

    @TempDir
    Path dir;

    static short[][] frames(int n) {
        short[][] f = new short[n][];
        for (int k = 0; k < n; k++) {
            f[k] = (short[]) Stacks.frame(PixelType.UINT16, W, H, k).samples();
        }
        return f;
    }

    @Test
    void readsChunkedAndContiguousSeriesFrameByFrame() throws Exception {
        short[][] f = frames(4);
        for (boolean chunked : new boolean[] {true, false}) {
            Path file = VeloxBuilder.write(dir.resolve("series" + chunked + ".emd"), W, H, f, true, chunked,
                    VeloxBuilder.json("2.5e-10", "m", "0.04"));
            try (Video v = VideoIO.open(file)) {
                assertEquals("velox-emd", v.format());
                assertEquals(4, v.frameCount());
                assertEquals(W, v.width());
                assertEquals(H, v.height());
                assertEquals(PixelType.UINT16, v.pixelType());
                assertEquals(Calibration.of(2.5e-10 * 1e9, 0.04), v.calibration());
                for (int k = 3; k >= 0; k--) {
                    assertArrayEquals(f[k], (short[]) v.frame(k).samples(), "chunked " + chunked + " frame " + k);
                }
            }
        }
    }

    @Test
    void signedDataAndMissingMetadata() throws Exception {
        short[][] f = frames(2);
        Path file = VeloxBuilder.write(dir.resolve("signed.emd"), W, H, f, false, true, null);
        try (Video v = VideoIO.open(file)) {
            assertEquals(PixelType.INT16, v.pixelType());
            assertEquals(Calibration.NONE, v.calibration());
            assertArrayEquals(f[1], (short[]) v.frame(1).samples());
        }
        Path nm = VeloxBuilder.write(dir.resolve("nm.emd"), W, H, f, true, false,
                VeloxBuilder.json("0.193", "nm", null));
        try (Video v = VideoIO.open(nm)) {
            assertEquals(Calibration.of(0.193, null), v.calibration());
        }
    }

    @Test
    void anUnchunkedFrameWhoseSamplesLieFarApartReadsOnlyItsOwnBytes() throws Exception {
        // 2100 frames of uint16: one frame's samples lie 4200 bytes apart, more than a page
        int n = 2100;
        short[][] f = new short[n][W * H];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < W * H; i++) {
                f[k][i] = (short) (k * 31 + i * 7);
            }
        }
        Path file = VeloxBuilder.write(dir.resolve("sparse.emd"), W, H, f, true, false, null);
        try (Video v = VideoIO.open(file)) {
            EmdFile emd = (EmdFile) v;
            for (int k : new int[] {1234, 0, n - 1}) {
                long before = emd.rawBytesRead();
                assertArrayEquals(f[k], (short[]) v.frame(k).samples(), "frame " + k);
                assertEquals(W * H * 2, emd.rawBytesRead() - before, "bytes read for frame " + k);
            }
        }
    }

    @Test
    void failedOpensCloseEveryFileTheyOpened() throws Exception {
        Path fds = Path.of("/proc/self/fd");
        Assumptions.assumeTrue(Files.isDirectory(fds), "counting open files needs /proc");
        Path ok = VeloxBuilder.write(dir.resolve("ok.emd"), W, H, frames(3), true, false, null);
        byte[] full = Files.readAllBytes(ok);
        assertTrue(full[8] == 2 || full[8] == 3, "jhdf writes superblock version 2 or 3");
        // jhdf's own constructor fails: the superblock checksum (bytes 44 to 47 of a v2/v3 superblock) is wrong
        byte[] badSum = full.clone();
        badSum[44] ^= 1;
        Path checksum = Files.write(dir.resolve("checksum.emd"), badSum);
        // our layout check fails: the file ends inside the pixel data, with a superblock that agrees
        Path cut = Files.write(dir.resolve("cut.emd"), cutInsideData(ok, full, W * H * 3 * 2));
        for (Path bad : new Path[] {checksum, cut}) {
            // once first, so the classes (and the jars they come from) its failure loads are not counted
            assertThrows(LptemException.class, () -> VideoIO.open(bad).close());
            long before = count(fds);
            for (int i = 0; i < 40; i++) {
                assertThrows(LptemException.class, () -> VideoIO.open(bad).close());
            }
            long after = count(fds);
            assertTrue(after - before < 10, bad.getFileName() + ": " + before + " open files before 40 failed opens, "
                    + after + " after");
        }
        assertTrue(assertThrows(LptemException.class, () -> VideoIO.open(cut)).getMessage()
                .contains("Velox image data at offset"));
    }

    /** The file cut 10 bytes before the end of its pixel data, its superblock's end-of-file moved to match. */
    private static byte[] cutInsideData(Path file, byte[] full, int dataBytes) throws Exception {
        long dataAt;
        try (io.jhdf.HdfFile h = new io.jhdf.HdfFile(file)) {
            dataAt = ((io.jhdf.api.dataset.ContiguousDataset) h.getDatasetByPath("/Data/Image/ab12cd34ef56/Data"))
                    .getDataAddress();
        }
        int length = (int) (dataAt + dataBytes - 10);
        byte[] cut = Arrays.copyOf(full, length);
        ByteBuffer b = ByteBuffer.wrap(cut).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(28, length); // v2/v3: end-of-file address after signature, sizes, flags, base and extension
        b.putInt(44, io.jhdf.checksum.ChecksumUtils.checksum(Arrays.copyOf(cut, 44)));
        return cut;
    }

    private static long count(Path fds) throws Exception {
        try (Stream<Path> s = Files.list(fds)) {
            return s.count();
        }
    }
}
