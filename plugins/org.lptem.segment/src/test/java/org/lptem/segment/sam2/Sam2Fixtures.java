package org.lptem.segment.sam2;

import org.lptem.core.Frame;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.ml.onnx.OnnxModel;
import org.lptem.segment.sam2.SyntheticSam2Models.Convention;

/** Model sets and frames for the SAM2 tests. */
final class Sam2Fixtures {
    private Sam2Fixtures() {
    }

    static OnnxModel load(String name, byte[] bytes) {
        return OnnxModel.load(name, bytes, ExecutionDevice.CPU);
    }

    static Sam2Models imageModels(Convention c) {
        return Sam2Models.of(load("encoder.onnx", SyntheticSam2Models.encoder(c, 0)),
                load("decoder.onnx", SyntheticSam2Models.decoder(c)), null, null);
    }

    static Sam2Models videoModels() {
        return Sam2Models.of(load("image_encoder.onnx", SyntheticSam2Models.encoder(Convention.VIDEO, 0)),
                load("image_decoder.onnx", SyntheticSam2Models.decoder(Convention.VIDEO)),
                load("memory_attention.onnx", SyntheticSam2Models.memoryAttention()),
                load("memory_encoder.onnx", SyntheticSam2Models.memoryEncoder()));
    }

    /** An 8-bit frame: bright liquid (200) with dark discs (40) of the given centres (x, y) and radius. */
    static Frame discs(int width, int height, double radius, double[]... centres) {
        byte[] v = new byte[width * height];
        for (int i = 0; i < v.length; i++) {
            double x = i % width;
            double y = i / width;
            boolean in = false;
            for (double[] c : centres) {
                in |= (x - c[0]) * (x - c[0]) + (y - c[1]) * (y - c[1]) <= radius * radius;
            }
            v[i] = (byte) (in ? 40 : 200);
        }
        return Frame.ofBytes(width, height, v);
    }
}
