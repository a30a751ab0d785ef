package org.lptem.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.Calibration;
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
}
