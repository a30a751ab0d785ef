package org.lptem.leonardo;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.ml.torch.Torch;

/**
 * Seeded mutation fuzzing of the model file: a valid model with every optional part (aggregate, joint and frame
 * priors, per-frame latents) is damaged inside its archive — a property set to a boundary or nonsense value or
 * removed, a binary entry truncated, overwritten with boundary integers or removed, or the archive's own bytes
 * flipped — then read and sampled. Each attempt must either work or throw an LptemException naming the file; never
 * another exception, never OutOfMemoryError, never a hang. {@code -Dlptem.fuzz.iterations=N
 * -Dlptem.fuzz.seed=S} search deeper.
 */
class ModelFileFuzzTest {
    private static final String[] VALUES = {"-1", "0", "1", "2", "3", "7", "64", "1000000", "2147483647",
        "-2147483648", "NaN", "Infinity", "-Infinity", "1e308", "-0.0", "0.5", "abc", "", " ", "1,2"};
    private static final int[] INTS = {0, -1, 1, 0x7fffffff, 0x80000000, 0x10000, 0xffff, 3};

    @Test
    void damagedModelsLoadOrFailNamingTheFile(@TempDir Path dir) throws Exception {
        int iterations = Integer.getInteger("lptem.fuzz.iterations", 400);
        Random random = new Random(Long.getLong("lptem.fuzz.seed", 11));
        Path good = dir.resolve("good.leonardo");
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU)) {
            try (LeonardoModel model = ModelFileTest.complete(m)) {
                ModelFile.write(good, model);
            }
            Map<String, byte[]> entries = ModelArchives.read(good);
            List<String> keys = new ArrayList<>();
            for (String line : new String(entries.get(ModelFile.PROPERTIES), StandardCharsets.ISO_8859_1)
                    .split("\n")) {
                keys.add(line.substring(0, line.indexOf('=')));
            }
            int[] outcomes = new int[2];
            assertTimeoutPreemptively(Duration.ofSeconds(120 + iterations / 10), () -> {
                for (int i = 0; i < iterations; i++) {
                    String[] how = new String[1];
                    byte[] data = mutate(entries, keys, random, how);
                    Path f = Files.write(dir.resolve("fuzz.leonardo"), data);
                    try (LeonardoModel back = ModelFile.read(f, m)) {
                        new Generator(back).generate(2, i, Map.of(), Progress.NONE);
                        outcomes[0]++;
                    } catch (LptemException e) {
                        assertTrue(e.getMessage().startsWith(f.toString()), "iteration " + i + " (" + how[0]
                                + "): " + e.getMessage());
                        outcomes[1]++;
                    } catch (Throwable t) {
                        throw new AssertionError("iteration " + i + " (" + how[0] + ") threw " + t, t);
                    }
                }
            });
            // both outcomes, often: the mutations reach past the first check and the checks catch most of them
            assertTrue(outcomes[0] > iterations / 20 && outcomes[1] > iterations / 4,
                    "loaded " + outcomes[0] + ", rejected " + outcomes[1]);
        }
    }

    private static byte[] mutate(Map<String, byte[]> entries, List<String> keys, Random random, String[] how)
            throws IOException {
        Map<String, byte[]> e = new LinkedHashMap<>(entries);
        int kind = random.nextInt(8);
        if (kind <= 2) {
            String key = keys.get(random.nextInt(keys.size()));
            String value = kind == 2 ? null : VALUES[random.nextInt(VALUES.length)];
            how[0] = key + (value == null ? " removed" : " = '" + value + "'");
            e.put(ModelFile.PROPERTIES, ModelArchives.withProperty(e.get(ModelFile.PROPERTIES), key, value));
            return ModelArchives.zip(e);
        }
        List<String> binaries = new ArrayList<>(e.keySet());
        binaries.remove(ModelFile.PROPERTIES);
        String name = binaries.get(random.nextInt(binaries.size()));
        byte[] b = e.get(name).clone();
        switch (kind) {
            case 3 -> {
                int n = random.nextInt(b.length + 1);
                how[0] = name + " truncated to " + n;
                b = java.util.Arrays.copyOf(b, n);
            }
            case 4, 5 -> {
                // header fields sit at the start; boundary values there and anywhere
                int at = kind == 4 ? 4 * random.nextInt(Math.max(1, Math.min(b.length, 64) / 4))
                        : random.nextInt(Math.max(1, b.length - 3));
                int v = INTS[random.nextInt(INTS.length)];
                how[0] = name + " int " + v + " at " + at;
                if (at + 4 <= b.length) {
                    ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(at, v);
                }
            }
            case 6 -> {
                how[0] = name + " removed";
                e.remove(name);
                return ModelArchives.zip(e);
            }
            default -> {
                byte[] z = ModelArchives.zip(e);
                int flips = 1 + random.nextInt(8);
                how[0] = flips + " archive bytes flipped";
                for (int k = 0; k < flips; k++) {
                    z[random.nextInt(z.length)] ^= (byte) (1 + random.nextInt(255));
                }
                return z;
            }
        }
        e.put(name, b);
        return ModelArchives.zip(e);
    }
}
