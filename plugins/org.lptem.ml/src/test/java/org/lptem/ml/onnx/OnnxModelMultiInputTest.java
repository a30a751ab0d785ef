package org.lptem.ml.onnx;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lptem.core.LptemException;
import org.lptem.ml.onnx.OnnxModel.Tensor;

class OnnxModelMultiInputTest {
    private static final int INT32 = 6;

    /** y = x * float(k) with x float [n,2] and k int32 [1]; also k as int64 output. */
    private static OnnxModel model() {
        byte[] bytes = new OnnxGraphBuilder("scale")
                .input("x", OnnxGraphBuilder.FLOAT, "n", 2L)
                .input("k", INT32, 1L)
                .output("y", OnnxGraphBuilder.FLOAT, "n", 2L)
                .output("k64", OnnxGraphBuilder.INT64, 1L)
                .node("Cast", List.of("k"), List.of("kf"), OnnxGraphBuilder.attrs("to", 1L))
                .node("Cast", List.of("k"), List.of("k64"), OnnxGraphBuilder.attrs("to", 7L))
                .node("Mul", List.of("x", "kf"), List.of("y"))
                .build();
        return OnnxModel.load("scale.onnx", bytes, ExecutionDevice.CPU);
    }

    @Test
    void inputsAreConvertedToTheDeclaredTypesAndOutputsComeBackAsFloats() {
        try (OnnxModel m = model()) {
            assertEquals(Map.of("x", "FLOAT", "k", "INT32"), m.inputTypes());
            assertEquals(Map.of("y", "FLOAT", "k64", "INT64"), m.outputTypes());
            Map<String, Tensor> out = m.run(Map.of("x", Tensor.of(new float[] {1, 2, 3, 4}, 2, 2),
                    "k", Tensor.of(new float[] {3f}, 1)), List.of("y", "k64"));
            assertArrayEquals(new float[] {3, 6, 9, 12}, out.get("y").data(), 0f);
            assertArrayEquals(new long[] {2, 2}, out.get("y").shape());
            assertArrayEquals(new float[] {3f}, out.get("k64").data(), 0f);
            assertEquals(1, m.runCount());
            assertTrue(m.inferenceNanos() > 0);
        }
    }

    @Test
    void missingUnknownAndMisshapenInputsAreNamed() {
        try (OnnxModel m = model()) {
            LptemException missing = assertThrows(LptemException.class,
                    () -> m.run(Map.of("x", Tensor.of(new float[] {1, 2}, 1, 2)), List.of("y")));
            assertTrue(missing.getMessage().contains("scale.onnx: input 'k' was not given"), missing.getMessage());
            LptemException unknown = assertThrows(LptemException.class, () -> m.run(Map.of("x",
                    Tensor.of(new float[] {1, 2}, 1, 2), "k", Tensor.of(new float[] {1}, 1), "z",
                    Tensor.of(new float[] {1}, 1)), List.of("y")));
            assertTrue(unknown.getMessage().contains("has no input 'z'"), unknown.getMessage());
            LptemException shape = assertThrows(LptemException.class, () -> m.run(Map.of("x",
                    Tensor.of(new float[] {1, 2, 3}, 1, 3), "k", Tensor.of(new float[] {1}, 1)), List.of("y")));
            assertTrue(shape.getMessage().contains("input 'x' gets shape [1, 3] but the model expects [-1, 2]"),
                    shape.getMessage());
            LptemException output = assertThrows(LptemException.class, () -> m.run(Map.of("x",
                    Tensor.of(new float[] {1, 2}, 1, 2), "k", Tensor.of(new float[] {1}, 1)), List.of("masks")));
            assertTrue(output.getMessage().contains("has no output 'masks'"), output.getMessage());
        }
    }

    @Test
    void aResidentTensorFeedsManyRuns() {
        try (OnnxModel m = model(); OnnxModel.Resident x = OnnxModel.resident(Tensor.of(new float[] {1, -2}, 1, 2))) {
            for (int k = 1; k <= 3; k++) {
                Map<String, Tensor> out = m.run(Map.of("x", x, "k", Tensor.of(new float[] {k}, 1)), List.of("y"));
                assertArrayEquals(new float[] {k, -2 * k}, out.get("y").data(), 0f);
            }
            LptemException intInput = assertThrows(LptemException.class,
                    () -> m.run(Map.of("x", x, "k", x), List.of("y")));
            assertTrue(intInput.getMessage().contains("input 'k'"), intInput.getMessage());
        }
    }

    @Test
    void keptOutputsFeedTheNextRunWithoutLeavingOnnxRuntime() {
        try (OnnxModel m = model(); OnnxModel.Outputs first = m.runKeeping(Map.of("x",
                Tensor.of(new float[] {1, -2, 0.5f, 4}, 2, 2), "k", Tensor.of(new float[] {3}, 1)),
                List.of("y", "k64"))) {
            assertArrayEquals(new long[] {2, 2}, first.shape("y"));
            Map<String, Tensor> second = m.run(Map.of("x", first.resident("y"), "k", Tensor.of(new float[] {-2}, 1)),
                    List.of("y"));
            assertArrayEquals(new float[] {-6, 12, -3, -24}, second.get("y").data(), 0f);
            assertArrayEquals(new float[] {3, -6, 1.5f, 12}, first.read("y").data(), 0f,
                    "the kept output is unchanged by the run that read it");
            LptemException type = assertThrows(LptemException.class,
                    () -> m.run(Map.of("x", first.resident("y"), "k", first.resident("k64")), List.of("y")));
            assertTrue(type.getMessage().contains("input 'k' is INT32, but the resident tensor given is INT64"),
                    type.getMessage());
            LptemException unrequested = assertThrows(LptemException.class, () -> first.read("kf"));
            assertTrue(unrequested.getMessage().contains("'kf' was not requested"), unrequested.getMessage());
        }
    }

    @Test
    void aFilledDirectBufferIsFedInPlace() {
        java.nio.FloatBuffer b = OnnxModel.directFloats(8);
        b.put(new float[] {9, 9, 1, 2, 3, 4}).flip().position(2);
        try (OnnxModel m = model(); OnnxModel.Resident x = OnnxModel.resident(b, new long[] {2, 2})) {
            Map<String, Tensor> out = m.run(Map.of("x", x, "k", Tensor.of(new float[] {2}, 1)), List.of("y"));
            assertArrayEquals(new float[] {2, 4, 6, 8}, out.get("y").data(), 0f);
        }
        assertThrows(IllegalArgumentException.class, () -> OnnxModel.resident(b, new long[] {3, 2}));
        assertThrows(IllegalArgumentException.class,
                () -> OnnxModel.resident(java.nio.FloatBuffer.allocate(4), new long[] {2, 2}));
    }

    @Test
    void outputsAreWrittenIntoGivenBuffersRunAfterRun() {
        try (OnnxModel m = model()) {
            java.nio.FloatBuffer buffer = OnnxModel.directFloats(4);
            try (OnnxModel.Resident y = OnnxModel.resident(buffer, new long[] {2, 2})) {
                for (float k : new float[] {3, 5}) {
                    Map<String, Tensor> out = m.run(Map.of("x", Tensor.of(new float[] {1, 2, 3, 4}, 2, 2),
                            "k", Tensor.of(new float[] {k}, 1)), List.of("k64"), Map.of("y", y));
                    assertEquals(List.of("k64"), List.copyOf(out.keySet()), "the written output is not copied");
                    assertArrayEquals(new float[] {k}, out.get("k64").data(), 0f);
                    float[] written = new float[4];
                    buffer.duplicate().get(written);
                    assertArrayEquals(new float[] {k, 2 * k, 3 * k, 4 * k}, written, 0f);
                }
                Map<String, Tensor> in = Map.of("x", Tensor.of(new float[] {1, 2}, 1, 2), "k",
                        Tensor.of(new float[] {1}, 1));
                LptemException both = assertThrows(LptemException.class,
                        () -> m.run(in, List.of("y"), Map.of("y", y)));
                assertTrue(both.getMessage().contains("output 'y' is both requested and written into a buffer"),
                        both.getMessage());
                LptemException unknown = assertThrows(LptemException.class,
                        () -> m.run(in, List.of(), Map.of("masks", y)));
                assertTrue(unknown.getMessage().contains("scale.onnx: has no output 'masks'"), unknown.getMessage());
                // y is [1, 2] for this x: a [2, 2] buffer does not fit, and the run says so
                LptemException shape = assertThrows(LptemException.class,
                        () -> m.run(in, List.of(), Map.of("y", y)));
                assertTrue(shape.getMessage().contains("scale.onnx: inference failed"), shape.getMessage());
            }
        }
    }

    @Test
    void tensorShapesMustHoldTheirValues() {
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(new float[3], 2, 2));
    }

    /** Two threads sharing one model each get their own input back (the input buffers are reused between runs). */
    @Test
    void threadsSharingAModelGetTheirOwnResults() throws Exception {
        byte[] bytes = new OnnxGraphBuilder("identity").input("x", OnnxGraphBuilder.FLOAT, 4096L)
                .output("y", OnnxGraphBuilder.FLOAT, 4096L).node("Identity", List.of("x"), List.of("y")).build();
        try (OnnxModel m = OnnxModel.load("identity.onnx", bytes, ExecutionDevice.CPU)) {
            int[] wrong = new int[2];
            Thread[] threads = new Thread[2];
            for (int t = 0; t < 2; t++) {
                int id = t;
                threads[t] = new Thread(() -> {
                    float[] x = new float[4096];
                    java.util.Arrays.fill(x, id + 1);
                    for (int r = 0; r < 500; r++) {
                        float[] y = m.run(Map.of("x", Tensor.of(x, 4096)), List.of("y")).get("y").data();
                        if (!java.util.Arrays.equals(x, y)) {
                            wrong[id]++;
                        }
                    }
                });
                threads[t].start();
            }
            for (Thread t : threads) {
                t.join();
            }
            assertArrayEquals(new int[2], wrong, "runs that returned the other thread's input");
            assertEquals(1000, m.runCount());
        }
    }
}
