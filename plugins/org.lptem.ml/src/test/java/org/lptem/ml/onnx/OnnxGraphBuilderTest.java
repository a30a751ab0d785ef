package org.lptem.ml.onnx;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class OnnxGraphBuilderTest {
    @Test
    void aGraphWrittenByTheBuilderRunsInOnnxRuntime() {
        byte[] bytes = new OnnxGraphBuilder("affine")
                .input("x", OnnxGraphBuilder.FLOAT, 1, 3)
                .output("y", OnnxGraphBuilder.FLOAT, 1, 3)
                .initializer("w", new float[] {2f, 3f, 4f}, 1, 3)
                .initializer("b", new float[] {1f, 1f, -1f}, 1, 3)
                .node("Mul", List.of("x", "w"), List.of("xw"))
                .node("Add", List.of("xw", "b"), List.of("y"))
                .build();
        try (OnnxModel model = OnnxModel.load("affine", bytes, ExecutionDevice.CPU)) {
            assertArrayEquals(new long[] {1, 3}, model.inputs().get("x"));
            float[] y = model.run("x", new float[] {1f, 2f, 3f}, new long[] {1, 3}, "y");
            assertArrayEquals(new float[] {3f, 7f, 11f}, y, 1e-6f);
        }
    }

    @Test
    void sameGraphSameBytes() {
        OnnxGraphBuilder a = new OnnxGraphBuilder("g").input("x", OnnxGraphBuilder.FLOAT, 2)
                .output("y", OnnxGraphBuilder.FLOAT, 2).node("Relu", List.of("x"), List.of("y"));
        OnnxGraphBuilder b = new OnnxGraphBuilder("g").input("x", OnnxGraphBuilder.FLOAT, 2)
                .output("y", OnnxGraphBuilder.FLOAT, 2).node("Relu", List.of("x"), List.of("y"));
        assertArrayEquals(a.build(), b.build());
    }
}
