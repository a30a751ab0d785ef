package org.lptem.segment.onnx;

import org.lptem.ml.onnx.OnnxGraphBuilder;
import org.lptem.ml.onnx.OnnxModel;
import org.lptem.ml.onnx.ExecutionDevice;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.Frame;
import org.lptem.core.LptemException;

class OnnxModelTest {

    @Test
    void writtenGraphRunsInOnnxRuntimeWithTheExpectedArithmetic() {
        byte[] bytes = new OnnxGraphBuilder("affine")
                .input("x", OnnxGraphBuilder.FLOAT, 1L, "n")
                .output("y", OnnxGraphBuilder.FLOAT, 1L, "n")
                .initializer("a", new float[] {3f}, 1)
                .initializer("b", new float[] {-1f}, 1)
                .node("Mul", List.of("x", "a"), List.of("ax"))
                .node("Add", List.of("ax", "b"), List.of("y"))
                .build();
        try (OnnxModel m = OnnxModel.load("affine", bytes, ExecutionDevice.CPU)) {
            assertArrayEquals(new long[] {1, -1}, m.inputs().get("x"));
            float[] y = m.run("x", new float[] {0, 1, 2.5f}, new long[] {1, 3}, "y");
            assertArrayEquals(new float[] {-1, 2, 6.5f}, y, 1e-6f);
        }
    }

    @Test
    void sameGraphGivesSameBytes() {
        assertArrayEquals(BlobFilterModel.build(2, true, 0.5, 8), BlobFilterModel.build(2, true, 0.5, 8));
    }

    @Test
    void blobModelMarksADarkDiscAndNotTheBackground() {
        int w = 64;
        int h = 48;
        float[] img = new float[w * h];
        java.util.Random rnd = new java.util.Random(5);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean inside = (x - 20) * (x - 20) + (y - 30) * (y - 30) <= 25;
                img[y * w + x] = (float) (1000 + (inside ? -60 : 0) + 10 * rnd.nextGaussian());
            }
        }
        try (ProbabilityModel m = new ProbabilityModel(OnnxModel.load("dog",
                BlobFilterModel.build(3, true, 0.3, 10), ExecutionDevice.CPU))) {
            float[] p = m.predict(Frame.ofFloats(w, h, img));
            assertTrue(p[30 * w + 20] > 0.9, "centre of the disc: " + p[30 * w + 20]);
            assertTrue(p[10 * w + 50] < 0.1, "background: " + p[10 * w + 50]);
        }
    }

    @Test
    void errorsNameTheModel(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("garbage.onnx");
        Files.write(bad, new byte[] {1, 2, 3, 4, 5});
        LptemException e = assertThrows(LptemException.class, () -> OnnxModel.load(bad, ExecutionDevice.CPU));
        assertTrue(e.getMessage().startsWith(bad.toString() + ": not a model ONNX Runtime can load"),
                e.getMessage());
        LptemException missing = assertThrows(LptemException.class,
                () -> OnnxModel.load(dir.resolve("none.onnx"), ExecutionDevice.CPU));
        assertTrue(missing.getMessage().endsWith("none.onnx: model file does not exist"), missing.getMessage());
        byte[] twoInputs = new OnnxGraphBuilder("two")
                .input("a", OnnxGraphBuilder.FLOAT, 1L, 1L, 4L, 4L)
                .input("b", OnnxGraphBuilder.FLOAT, 1L, 1L, 4L, 4L)
                .output("c", OnnxGraphBuilder.FLOAT, 1L, 1L, 4L, 4L)
                .node("Add", List.of("a", "b"), List.of("c"))
                .build();
        LptemException shape = assertThrows(LptemException.class,
                () -> new ProbabilityModel(OnnxModel.load("two.onnx", twoInputs, ExecutionDevice.CPU)));
        assertTrue(shape.getMessage().contains("two.onnx: a probability model needs exactly one input"),
                shape.getMessage());
    }

    @Test
    void cudaRequestFailsClearlyWithoutTheGpuBuild() {
        byte[] m = BlobFilterModel.build(2, true, 0.5, 8);
        LptemException e = assertThrows(LptemException.class, () -> OnnxModel.load("dog", m, ExecutionDevice.CUDA));
        assertTrue(e.getMessage().contains("CUDA was requested but"), e.getMessage());
    }
}
