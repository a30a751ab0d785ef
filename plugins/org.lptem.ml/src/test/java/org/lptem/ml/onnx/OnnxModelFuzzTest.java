package org.lptem.ml.onnx;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lptem.core.LptemException;

/**
 * Seeded mutation fuzzing of model loading: a small graph written by the project's ONNX writer, its bytes truncated,
 * flipped or overwritten with boundary values, then loaded and run. ONNX Runtime parses the file; what is checked
 * here is that whatever it makes of a damaged model reaches the user as an LptemException naming the model, never
 * another exception or a crash. {@code -Dlptem.fuzz.iterations=N -Dlptem.fuzz.seed=S} search deeper.
 */
class OnnxModelFuzzTest {

    @Test
    void damagedModelsLoadOrFailNamingTheModel() {
        byte[] good = new OnnxGraphBuilder("affine").input("x", OnnxGraphBuilder.FLOAT, 1, 3)
                .output("y", OnnxGraphBuilder.FLOAT, 1, 3).initializer("w", new float[] {2f, 3f, 4f}, 1, 3)
                .initializer("b", new float[] {1f, 1f, -1f}, 1, 3).node("Mul", List.of("x", "w"), List.of("xw"))
                .node("Add", List.of("xw", "b"), List.of("y")).build();
        int iterations = Integer.getInteger("lptem.fuzz.iterations", 1500);
        Random random = new Random(Long.getLong("lptem.fuzz.seed", 3));
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(60 + iterations / 20), () -> {
            for (int i = 0; i < iterations; i++) {
                byte[] b = good.clone();
                String how;
                int kind = random.nextInt(3);
                if (kind == 0) {
                    int n = random.nextInt(b.length);
                    how = "truncated to " + n;
                    b = java.util.Arrays.copyOf(b, n);
                } else if (kind == 1) {
                    int flips = 1 + random.nextInt(4);
                    how = flips + " bytes flipped";
                    for (int k = 0; k < flips; k++) {
                        b[random.nextInt(b.length)] ^= (byte) (1 + random.nextInt(255));
                    }
                } else {
                    int at = random.nextInt(b.length);
                    byte v = new byte[] {0, (byte) 0xFF, 0x7F, (byte) 0x80, 1}[random.nextInt(5)];
                    how = "byte " + at + " = " + v;
                    b[at] = v;
                }
                String name = "fuzz" + i + ".onnx";
                try (OnnxModel model = OnnxModel.load(name, b, ExecutionDevice.CPU)) {
                    // by the names the caller expects: a damaged model may have lost or renamed them
                    model.run("x", new float[] {1f, 2f, 3f}, new long[] {1, 3}, "y");
                    outcomes[0]++;
                } catch (LptemException e) {
                    assertTrue(e.getMessage().startsWith(name), "iteration " + i + " (" + how + "): "
                            + e.getMessage());
                    outcomes[1]++;
                } catch (Throwable t) {
                    throw new AssertionError("iteration " + i + " (" + how + ") threw " + t, t);
                }
            }
        });
        assertTrue(outcomes[0] > iterations / 50 && outcomes[1] > iterations / 4,
                "ran " + outcomes[0] + ", rejected " + outcomes[1]);
    }
}
