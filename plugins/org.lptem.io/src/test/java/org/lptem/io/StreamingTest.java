package org.lptem.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.Calibration;
import org.lptem.core.PixelType;
import org.lptem.core.Video;

/**
 * A 64 MB 16-bit stack written and read back frame by frame. A child JVM with a 32 MB heap reads it all, which only
 * works if neither side keeps frames.
 */
class StreamingTest {
    static final int SIZE = 512;
    static final int FRAMES = 128; // 512 x 512 x 2 bytes x 128 = 64 MiB

    @TempDir
    Path dir;

    @Test
    void sixtyFourMegabyteStackStreamsBothWays() throws Exception {
        Path stack = dir.resolve("big.tif");
        try (TiffStackWriter w = new TiffStackWriter(stack, SIZE, SIZE, PixelType.UINT16, Calibration.of(0.2, 0.01))) {
            for (int k = 0; k < FRAMES; k++) {
                w.write(TiffStackWriterTest.patterned(PixelType.UINT16, SIZE, SIZE, k));
            }
        }
        assertTrue(Files.size(stack) > 64L * 1024 * 1024);
        try (Video v = VideoIO.open(stack)) {
            assertEquals(FRAMES, v.frameCount());
            for (int k : randomOrder(7)) {
                assertArrayEquals((short[]) TiffStackWriterTest.patterned(PixelType.UINT16, SIZE, SIZE, k).samples(),
                        (short[]) v.frame(k).samples(), "frame " + k);
            }
        }
        assertEquals("read " + FRAMES + " frames", runWithSmallHeap(stack));
    }

    static List<Integer> randomOrder(long seed) {
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < FRAMES; k++) {
            order.add(k);
        }
        Collections.shuffle(order, new Random(seed));
        return order;
    }

    private static String runWithSmallHeap(Path stack) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                SmallHeapReader.class.getName(), stack.toString()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child JVM did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /** Run in a JVM whose heap is half the stack: reads every frame in random order and checks its values. */
    public static final class SmallHeapReader {
        public static void main(String[] args) throws Exception {
            try (Video v = VideoIO.open(Path.of(args[0]))) {
                for (int k : randomOrder(11)) {
                    short[] expected = (short[]) TiffStackWriterTest.patterned(PixelType.UINT16, SIZE, SIZE, k)
                            .samples();
                    if (!java.util.Arrays.equals(expected, (short[]) v.frame(k).samples())) {
                        System.out.println("frame " + k + " has wrong values");
                        System.exit(1);
                    }
                }
                System.out.println("read " + v.frameCount() + " frames");
            }
        }
    }
}
