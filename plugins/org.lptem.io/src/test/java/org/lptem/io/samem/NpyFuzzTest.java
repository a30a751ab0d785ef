package org.lptem.io.samem;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.LptemException;

/**
 * Seeded mutation fuzzing of the {@code .npy} parser and the {@code .npz} reader (SAM-EM outputs come in through
 * them): valid arrays are damaged in their header text (characters a numpy header is made of, put anywhere in it),
 * their header length (boundary values), by truncation and by random bytes, then parsed and read in full; whole
 * archives get flipped bytes. Each attempt must work or throw an LptemException naming its source; never another
 * exception or a hang. {@code -Dlptem.fuzz.iterations=N -Dlptem.fuzz.seed=S} search deeper.
 */
class NpyFuzzTest {
    private static final String HEADER_CHARS = "0123456789-,() 'L:{}<>|=TrueFalsdcrhp_ofibu\n\t\"";
    private static final int[] LENGTHS = {0, 1, 9, 10, 0xFFFF, 0x7FFFFFFF, 0xFFFFFFFF, 0x80000000, 64};

    private static final List<NpyArray> SEEDS = List.of(NpyArray.ofUint8(new byte[] {1, 2, 3, 4}, 2, 2),
            NpyArray.ofInt32(new int[] {7, -2, 300}, 3), NpyArray.ofFloat32(new float[] {1, 2, 3, 4, 5, 6}, 2, 3),
            NpyArray.ofFloat32(new float[] {0.5f}));

    @Test
    void damagedArraysParseOrFailNamingTheSource() {
        int iterations = Integer.getInteger("lptem.fuzz.iterations", 5000);
        Random random = new Random(Long.getLong("lptem.fuzz.seed", 5));
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(60 + iterations / 100), () -> {
            for (int i = 0; i < iterations; i++) {
                String[] how = new String[1];
                byte[] bytes = mutate(SEEDS.get(i % SEEDS.size()).toBytes(), random, how);
                String source = "fuzz" + i + ".npy";
                try {
                    NpyArray a = NpyArray.parse(bytes, source);
                    for (int k = 0; k < a.size(); k++) {
                        a.get(k);
                    }
                    outcomes[0]++;
                } catch (LptemException e) {
                    assertTrue(e.getMessage().startsWith(source), e.getMessage());
                    outcomes[1]++;
                } catch (Throwable t) {
                    throw new AssertionError("iteration " + i + " (" + how[0] + ") threw " + t, t);
                }
            }
        });
        assertTrue(outcomes[0] > iterations / 20 && outcomes[1] > iterations / 4,
                "parsed " + outcomes[0] + ", rejected " + outcomes[1]);
    }

    @Test
    void damagedArchivesReadOrFailNamingTheFile(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.npz");
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        for (int i = 0; i < SEEDS.size(); i++) {
            arrays.put("a" + i, SEEDS.get(i));
        }
        Npz.write(good, arrays);
        byte[] bytes = Files.readAllBytes(good);
        int iterations = Integer.getInteger("lptem.fuzz.iterations", 5000) / 10;
        Random random = new Random(Long.getLong("lptem.fuzz.seed", 6));
        int rejected = 0;
        for (int i = 0; i < iterations; i++) {
            byte[] b = bytes.clone();
            int flips = 1 + random.nextInt(6);
            for (int k = 0; k < flips; k++) {
                b[random.nextInt(b.length)] ^= (byte) (1 + random.nextInt(255));
            }
            Path f = Files.write(dir.resolve("fuzz.npz"), b);
            try {
                Npz.read(f).values().forEach(a -> {
                    for (int k = 0; k < a.size(); k++) {
                        a.get(k);
                    }
                });
            } catch (LptemException e) {
                assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
                rejected++;
            } catch (Throwable t) {
                throw new AssertionError("iteration " + i + " (" + flips + " bytes flipped) threw " + t, t);
            }
        }
        assertTrue(rejected > iterations / 4, "rejected " + rejected + " of " + iterations);
    }

    private static byte[] mutate(byte[] good, Random random, String[] how) {
        byte[] b = good.clone();
        int headerLength = ByteBuffer.wrap(b, 8, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF;
        switch (random.nextInt(5)) {
            case 0, 1 -> {
                int edits = 1 + random.nextInt(4);
                how[0] = edits + " header characters";
                for (int k = 0; k < edits; k++) {
                    b[10 + random.nextInt(headerLength)] = (byte) HEADER_CHARS.charAt(
                            random.nextInt(HEADER_CHARS.length()));
                }
            }
            case 2 -> {
                int major = 1 + random.nextInt(3);
                int v = LENGTHS[random.nextInt(LENGTHS.length)];
                how[0] = "version " + major + ", header length " + v;
                b[6] = (byte) major;
                ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
                if (major == 1) {
                    bb.putShort(8, (short) v);
                } else {
                    bb.putInt(8, v);
                }
            }
            case 3 -> {
                int n = random.nextInt(b.length + 1);
                how[0] = "truncated to " + n;
                b = java.util.Arrays.copyOf(b, n);
            }
            default -> {
                int flips = 1 + random.nextInt(6);
                how[0] = flips + " random bytes";
                for (int k = 0; k < flips; k++) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
            }
        }
        return b;
    }
}
