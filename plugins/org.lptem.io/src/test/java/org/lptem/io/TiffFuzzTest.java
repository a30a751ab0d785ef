package org.lptem.io;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.Calibration;
import org.lptem.core.PixelType;

/**
 * Random corruption of valid small TIFFs (fixed seed, {@link FuzzHarness}): opening and reading every frame either
 * works or throws an LptemException; never another exception, never OutOfMemoryError, never a hang.
 */
class TiffFuzzTest {
    @TempDir
    Path dir;

    private List<byte[]> seeds() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        TiffBuilder tifffile = TiffBuilder.tifffile().description("{\"shape\": [3, 6, 8]}").rowsPerStrip(4);
        TiffBuilder imageJ = TiffBuilder.imageJ().description("ImageJ=1.54f\nimages=3\nunit=nm\nfinterval=0.1\n")
                .resolution(3, 2);
        for (int p = 0; p < 3; p++) {
            tifffile.page(8, 6, TiffReaderTest.pattern16(p, 8, 6));
            imageJ.page(8, 6, TiffReaderTest.pattern16(p, 8, 6));
        }
        seeds.add(tifffile.build());
        seeds.add(imageJ.build());
        seeds.add(TiffBuilder.tifffile().bigTiff().page(4, 4, new short[16]).page(4, 4, new short[16]).build());
        Path lzw = dir.resolve("lzw.tif");
        TiffReaderTest.writeCompressed(lzw, "LZW", 2, 12, 8);
        seeds.add(Files.readAllBytes(lzw));
        Path ours = dir.resolve("ours.tif");
        try (TiffStackWriter w = new TiffStackWriter(ours, 5, 4, PixelType.FLOAT32, Calibration.of(0.7, 0.2))) {
            for (int k = 0; k < 3; k++) {
                w.write(TiffStackWriterTest.patterned(PixelType.FLOAT32, 5, 4, k));
            }
        }
        seeds.add(Files.readAllBytes(ours));
        return seeds;
    }

    @Test
    void corruptedFilesFailCleanly() throws Exception {
        List<FuzzHarness.Seed> seeds = new ArrayList<>();
        int n = 0;
        for (byte[] seed : seeds()) {
            ByteOrder order = seed[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            seeds.add(new FuzzHarness.Seed("tiff " + n++, seed, order));
        }
        FuzzHarness.run(dir, ".tif", seeds, FuzzHarness.iterations(300), 20261101L);
    }
}
