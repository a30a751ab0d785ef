package org.lptem.io;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.Calibration;
import org.lptem.core.LptemException;
import org.lptem.core.PixelType;
import org.lptem.core.Video;

/**
 * Random corruption of valid small TIFFs (fixed seed): opening and reading every frame either works or throws an
 * LptemException; never another exception, never OutOfMemoryError, never a hang.
 */
class TiffFuzzTest {
    @TempDir
    Path dir;

    /** Values that break naive readers: zero, all ones, around the file length, sign bits. */
    private static int interesting(Random r, int length) {
        int[] v = {0, -1, length, length - 1, length + 1, 0x7FFFFFFF, 0x80000000, 0xFFFF, 0x10000, 1, 8,
                r.nextInt()};
        return v[r.nextInt(v.length)];
    }

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
        List<byte[]> seeds = seeds();
        // -Dlptem.fuzz.iterations=100000 -Dlptem.fuzz.seed=... for a deeper search than the build's
        int iterations = Integer.getInteger("lptem.fuzz.iterations", 300);
        Random random = new Random(Long.getLong("lptem.fuzz.seed", 20261101L));
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(60 + iterations / 20), () -> {
            for (int i = 0; i < iterations; i++) {
                byte[] seed = seeds.get(i % seeds.size());
                String[] how = new String[1];
                byte[] data = mutate(seed, random, how);
                Path f = Files.write(dir.resolve("fuzz.tif"), data);
                try (Video v = VideoIO.open(f)) {
                    for (int k = 0; k < v.frameCount(); k++) {
                        v.frame(k);
                    }
                    outcomes[0]++;
                } catch (LptemException e) {
                    assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
                    outcomes[1]++;
                } catch (Throwable t) {
                    throw new AssertionError("iteration " + i + " (seed " + i % seeds.size() + ", " + how[0]
                            + ") threw " + t, t);
                }
            }
        });
        // both outcomes must occur, or the mutations are not exercising the reader
        assertTrue(outcomes[0] > 10 && outcomes[1] > 10, Arrays.toString(outcomes));
    }

    private static byte[] mutate(byte[] seed, Random r, String[] how) {
        byte[] d = seed.clone();
        switch (r.nextInt(3)) {
            case 0 -> {
                int flips = 1 + r.nextInt(8);
                for (int j = 0; j < flips; j++) {
                    d[r.nextInt(d.length)] = (byte) r.nextInt(256);
                }
                how[0] = flips + " random bytes";
            }
            case 1 -> {
                int length = r.nextInt(d.length);
                how[0] = "truncated to " + length;
                return Arrays.copyOf(d, length);
            }
            default -> {
                // Structure lives at the start (header, first directory) and, for ImageJ stacks, at the end.
                int region = Math.min(d.length - 4, 256);
                int pos = r.nextBoolean() ? r.nextInt(region) : d.length - 4 - r.nextInt(region);
                ByteOrder order = d[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
                int value = interesting(r, d.length);
                if (r.nextBoolean()) {
                    ByteBuffer.wrap(d).order(order).putInt(pos, value);
                } else {
                    ByteBuffer.wrap(d).order(order).putShort(pos, (short) value);
                }
                how[0] = "value " + value + " at " + pos;
            }
        }
        return d;
    }
}
