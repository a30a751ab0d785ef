package org.lptem.io;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.lptem.core.LptemException;
import org.lptem.core.Video;

/**
 * Seeded mutation fuzzing shared by the format tests: valid files made by the test builders are corrupted (random
 * bytes, truncation, boundary values written into the structure at the start or end), then opened and read in full.
 * Each attempt must either work or throw an LptemException naming the file; never another exception, never
 * OutOfMemoryError, never a hang. {@code -Dlptem.fuzz.iterations=N -Dlptem.fuzz.seed=S} search deeper.
 */
final class FuzzHarness {
    /** A valid file to start from; {@code order} is the byte order boundary values are written in. */
    record Seed(String name, byte[] bytes, ByteOrder order) {
    }

    private FuzzHarness() {
    }

    static int iterations(int byDefault) {
        return Integer.getInteger("lptem.fuzz.iterations", byDefault);
    }

    /**
     * Runs the mutations and checks both outcomes occurred often enough to show the parser was exercised; returns
     * {opened, rejected}.
     */
    static int[] run(Path dir, String extension, List<Seed> seeds, int iterations, long defaultSeed) {
        Random random = new Random(Long.getLong("lptem.fuzz.seed", defaultSeed));
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(60 + iterations / 20), () -> {
            for (int i = 0; i < iterations; i++) {
                Seed seed = seeds.get(i % seeds.size());
                String[] how = new String[1];
                byte[] data = mutate(seed.bytes(), random, how, seed.order());
                Path f = Files.write(dir.resolve("fuzz" + extension), data);
                try (Video v = VideoIO.open(f)) {
                    for (int k = 0; k < v.frameCount(); k++) {
                        v.frame(k);
                    }
                    outcomes[0]++;
                } catch (LptemException e) {
                    assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
                    outcomes[1]++;
                } catch (Throwable t) {
                    throw new AssertionError("iteration " + i + " (seed " + seed.name() + ", " + how[0] + ") threw "
                            + t, t);
                }
            }
        });
        int least = Math.max(1, iterations / 30);
        assertTrue(outcomes[0] >= least && outcomes[1] >= least, extension + ": both outcomes must occur, or the "
                + "mutations do not exercise the reader: " + Arrays.toString(outcomes));
        return outcomes;
    }

    /** Values that break naive readers: zero, all ones, around the file length, sign bits. */
    private static int interesting(Random r, int length) {
        int[] v = {0, -1, length, length - 1, length + 1, 0x7FFFFFFF, 0x80000000, 0xFFFF, 0x10000, 1, 8,
                r.nextInt()};
        return v[r.nextInt(v.length)];
    }

    static byte[] mutate(byte[] seed, Random r, String[] how, ByteOrder order) {
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
                // Structure lives at the start (headers, tag trees) and often at the end (indexes, directories).
                int region = Math.min(d.length - 4, 256);
                int pos = r.nextBoolean() ? r.nextInt(region) : d.length - 4 - r.nextInt(region);
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
