package org.lptem.segment.sam2;

import static org.junit.jupiter.api.Assertions.*;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lptem.core.LptemException;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.ml.onnx.OnnxModel;
import org.lptem.segment.sam2.SyntheticSam2Models.Convention;

class Sam2SignatureTest {

    private static Map<String, long[]> tensors(Object... nameShape) {
        Map<String, long[]> m = new LinkedHashMap<>();
        for (int i = 0; i < nameShape.length; i += 2) {
            m.put((String) nameShape[i], (long[]) nameShape[i + 1]);
        }
        return m;
    }

    private static Map<String, long[]> decoderInputs() {
        return tensors("image_embed", new long[] {1, 256, 64, 64}, "high_res_feats_0", new long[] {1, 32, 256, 256},
                "high_res_feats_1", new long[] {1, 64, 128, 128}, "point_coords", new long[] {-1, -1, 2},
                "point_labels", new long[] {-1, -1}, "mask_input", new long[] {-1, 1, 256, 256}, "has_mask_input",
                new long[] {-1});
    }

    private static Map<String, long[]> decoderOutputs() {
        return tensors("masks", new long[] {-1, 3, 256, 256}, "iou_predictions", new long[] {-1, 3});
    }

    @Test
    void bothImageOnlyConventionsBindFromTheModelsOwnNames() {
        try (Sam2Models a = Sam2Fixtures.imageModels(Convention.IMAGE_A);
                Sam2Models b = Sam2Fixtures.imageModels(Convention.IMAGE_B)) {
            assertEquals("image_embed", a.decoderSignature().input("embed"));
            assertEquals("has_mask_input", a.decoderSignature().input("has_mask_input"));
            assertNull(a.decoderSignature().input("original_size"));
            assertEquals("masks", a.decoderSignature().output("masks"));
            assertEquals("image_embeddings", b.encoderSignature().output("embed"));
            assertEquals("image_features_1", b.decoderSignature().input("high_res_1"));
            assertEquals("input_masks", b.decoderSignature().input("mask_input"));
            assertEquals("original_image_size", b.decoderSignature().input("original_size"));
            assertEquals("low_res_masks", b.decoderSignature().output("low_res_masks"));
            assertFalse(a.isVideo());
            assertEquals(1024, a.imageSize());
        }
        try (Sam2Models v = Sam2Fixtures.videoModels()) {
            assertTrue(v.isVideo());
            assertEquals("pix_feat", v.encoderSignature().output("embed"));
            assertEquals("vision_pos_embed", v.encoderSignature().output("vision_pos"));
            assertEquals("memory_1", v.attentionSignature().input("memory"));
            assertEquals("temporal_code", v.memoryEncoderSignature().output("temporal_code"));
        }
    }

    @Test
    void aMissingInputIsNamedWithWhatTheModelHas() {
        Map<String, long[]> in = decoderInputs();
        in.remove("point_labels");
        LptemException e = assertThrows(LptemException.class,
                () -> Sam2Signature.bind("d.onnx", in, decoderOutputs(), Sam2Module.MASK_DECODER));
        assertTrue(e.getMessage().startsWith("d.onnx: not a SAM2 mask decoder: missing input 'point_labels' (point "
                + "labels, rank 2; also known as [input_labels, labels]); the model has inputs [image_embed, "
                + "high_res_feats_0, high_res_feats_1, point_coords, mask_input, has_mask_input]"), e.getMessage());
        Map<String, long[]> out = tensors("iou_predictions", new long[] {-1, 3});
        LptemException noMasks = assertThrows(LptemException.class,
                () -> Sam2Signature.bind("d.onnx", decoderInputs(), out, Sam2Module.MASK_DECODER));
        assertTrue(noMasks.getMessage().contains("missing output 'masks or low_res_masks'"), noMasks.getMessage());
    }

    @Test
    void wrongRanksAndUnknownInputsAreRefused() {
        Map<String, long[]> in = decoderInputs();
        in.put("point_coords", new long[] {-1, 2});
        LptemException rank = assertThrows(LptemException.class,
                () -> Sam2Signature.bind("d.onnx", in, decoderOutputs(), Sam2Module.MASK_DECODER));
        assertEquals("d.onnx: input 'point_coords' has rank 2 [-1, 2], a SAM2 mask decoder needs rank 3 for it",
                rank.getMessage());
        Map<String, long[]> extra = decoderInputs();
        extra.put("cond_frame_id_diff", new long[] {1});
        LptemException unknown = assertThrows(LptemException.class,
                () -> Sam2Signature.bind("d.onnx", extra, decoderOutputs(), Sam2Module.MASK_DECODER));
        assertTrue(unknown.getMessage().startsWith("d.onnx: the SAM2 mask decoder has input [cond_frame_id_diff] "
                + "that this program does not know how to fill"), unknown.getMessage());
    }

    @Test
    void swappedFilesAreRecognised() {
        OnnxModel encoder = Sam2Fixtures.load("E.onnx", SyntheticSam2Models.encoder(Convention.IMAGE_A, 0));
        OnnxModel decoder = Sam2Fixtures.load("D.onnx", SyntheticSam2Models.decoder(Convention.IMAGE_A));
        LptemException e = assertThrows(LptemException.class, () -> Sam2Models.of(decoder, encoder, null, null));
        assertTrue(e.getMessage().startsWith("D.onnx: not a SAM2 image encoder: missing input 'image'"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("It looks like a SAM2 mask decoder: were the model files given in the "
                + "wrong order?"), e.getMessage());
        OnnxModel enc2 = Sam2Fixtures.load("E.onnx", SyntheticSam2Models.encoder(Convention.IMAGE_A, 0));
        OnnxModel dec2 = Sam2Fixtures.load("D.onnx", SyntheticSam2Models.decoder(Convention.IMAGE_A));
        OnnxModel attention = Sam2Fixtures.load("M.onnx", SyntheticSam2Models.memoryAttention());
        OnnxModel memEnc = Sam2Fixtures.load("N.onnx", SyntheticSam2Models.memoryEncoder());
        LptemException swapped = assertThrows(LptemException.class,
                () -> Sam2Models.of(enc2, dec2, memEnc, attention));
        assertTrue(swapped.getMessage().startsWith("N.onnx: not a SAM2 memory attention: missing input "
                + "'current_vision_feat'"), swapped.getMessage());
        assertTrue(swapped.getMessage().contains("It looks like a SAM2 memory encoder"), swapped.getMessage());
    }

    @Test
    void aVideoSetNeedsTheVideoEncoder() {
        LptemException e = assertThrows(LptemException.class, () -> Sam2Models.of(
                Sam2Fixtures.load("E.onnx", SyntheticSam2Models.encoder(Convention.IMAGE_A, 0)),
                Sam2Fixtures.load("D.onnx", SyntheticSam2Models.decoder(Convention.VIDEO)),
                Sam2Fixtures.load("M.onnx", SyntheticSam2Models.memoryAttention()),
                Sam2Fixtures.load("N.onnx", SyntheticSam2Models.memoryEncoder())));
        assertTrue(e.getMessage().startsWith("E.onnx: the memory attention needs the position embedding"),
                e.getMessage());
    }

    @Test
    void cudaRequestedWithoutTheGpuBuildIsAClearError() {
        LptemException e = assertThrows(LptemException.class, () -> OnnxModel.load("E.onnx",
                SyntheticSam2Models.memoryEncoder(), ExecutionDevice.CUDA).close());
        assertTrue(e.getMessage().startsWith("E.onnx: CUDA was requested but ONNX Runtime's CUDA provider is not "
                + "available here"), e.getMessage());
    }
}
