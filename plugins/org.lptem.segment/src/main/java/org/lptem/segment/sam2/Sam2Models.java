package org.lptem.segment.sam2;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lptem.core.LptemException;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.ml.onnx.OnnxModel;

/**
 * A loaded SAM2 export: image encoder and mask decoder (image-only), plus memory attention and memory encoder (the
 * four-module video export). Every model's tensors are bound to their roles on loading, so a wrong file fails here
 * with a message naming it, not halfway through a video. Closing closes every model.
 */
public final class Sam2Models implements AutoCloseable {
    private final OnnxModel encoder;
    private final OnnxModel decoder;
    private final OnnxModel memoryAttention;
    private final OnnxModel memoryEncoder;
    private final Sam2Signature encoderSignature;
    private final Sam2Signature decoderSignature;
    private final Sam2Signature attentionSignature;
    private final Sam2Signature memoryEncoderSignature;
    private final int imageSize;

    private Sam2Models(OnnxModel encoder, OnnxModel decoder, OnnxModel memoryAttention, OnnxModel memoryEncoder) {
        this.encoder = encoder;
        this.decoder = decoder;
        this.memoryAttention = memoryAttention;
        this.memoryEncoder = memoryEncoder;
        this.encoderSignature = Sam2Signature.bind(encoder, Sam2Module.IMAGE_ENCODER);
        this.decoderSignature = Sam2Signature.bind(decoder, Sam2Module.MASK_DECODER);
        this.attentionSignature = memoryAttention == null ? null
                : Sam2Signature.bind(memoryAttention, Sam2Module.MEMORY_ATTENTION);
        this.memoryEncoderSignature = memoryEncoder == null ? null
                : Sam2Signature.bind(memoryEncoder, Sam2Module.MEMORY_ENCODER);
        this.imageSize = checkImage();
        if (isVideo()) {
            checkVideo();
        }
    }

    /**
     * Loads and checks a model set. Memory attention and memory encoder come together or not at all.
     *
     * @throws LptemException naming the file at fault
     */
    public static Sam2Models load(Path encoder, Path decoder, Path memoryAttention, Path memoryEncoder,
            ExecutionDevice device) {
        if ((memoryAttention == null) != (memoryEncoder == null)) {
            throw new LptemException("the video export needs both the memory attention and the memory encoder model"
                    + " (got only the " + (memoryAttention == null ? "memory encoder" : "memory attention") + ")");
        }
        List<OnnxModel> opened = new ArrayList<>();
        try {
            opened.add(OnnxModel.load(encoder, device));
            opened.add(OnnxModel.load(decoder, device));
            if (memoryAttention != null) {
                opened.add(OnnxModel.load(memoryAttention, device));
                opened.add(OnnxModel.load(memoryEncoder, device));
            }
        } catch (RuntimeException e) {
            opened.forEach(OnnxModel::close);
            throw e;
        }
        // from here of() owns the models and closes them if the set is wrong
        return of(opened.get(0), opened.get(1), opened.size() > 2 ? opened.get(2) : null,
                opened.size() > 2 ? opened.get(3) : null);
    }

    /** Checks and takes ownership of loaded models; closes them all if the set is not a SAM2 export. */
    public static Sam2Models of(OnnxModel encoder, OnnxModel decoder, OnnxModel memoryAttention,
            OnnxModel memoryEncoder) {
        try {
            return new Sam2Models(encoder, decoder, memoryAttention, memoryEncoder);
        } catch (RuntimeException e) {
            for (OnnxModel m : new OnnxModel[] {encoder, decoder, memoryAttention, memoryEncoder}) {
                if (m != null) {
                    m.close();
                }
            }
            throw e;
        }
    }

    private int checkImage() {
        String image = encoderSignature.input("image");
        long[] shape = encoderSignature.shape(image);
        if (shape.length == 4 && shape[1] > 0 && shape[1] != 3) {
            throw new LptemException(encoder.name(), -1, "input '" + image + "' has shape " + Arrays.toString(shape)
                    + ": a SAM2 image encoder takes [1, 3, 1024, 1024] (3 normalised RGB channels)", null);
        }
        if (shape.length == 4 && shape[2] > 0 && shape[3] > 0 && shape[2] != shape[3]) {
            throw new LptemException(encoder.name(), -1, "input '" + image + "' has shape " + Arrays.toString(shape)
                    + ": a SAM2 image encoder takes a square image", null);
        }
        return shape.length == 4 && shape[2] > 0 ? (int) shape[2] : Sam2Preprocessor.SIZE;
    }

    private void checkVideo() {
        if (!encoderSignature.hasOutput("vision_pos")) {
            throw new LptemException(encoder.name(), -1, "the memory attention needs the position embedding of the "
                    + "current frame, but this image encoder has no output 'vision_pos_embed' (outputs: "
                    + encoder.outputs().keySet() + "): use the image encoder of the same four-module export", null);
        }
        for (String role : List.of("obj_ptr")) {
            if (!decoderSignature.hasOutput(role)) {
                throw new LptemException(decoder.name(), -1, "the video export's mask decoder must output the object "
                        + "pointer 'obj_ptr' for the memory (outputs: " + decoder.outputs().keySet() + ")", null);
            }
        }
    }

    public boolean isVideo() {
        return memoryAttention != null;
    }

    /** Side of the square image the encoder takes (1024 for every public SAM2 checkpoint). */
    public int imageSize() {
        return imageSize;
    }

    /** Time spent inside ONNX Runtime by all models so far, nanoseconds. */
    public long inferenceNanos() {
        long t = encoder.inferenceNanos() + decoder.inferenceNanos();
        if (isVideo()) {
            t += memoryAttention.inferenceNanos() + memoryEncoder.inferenceNanos();
        }
        return t;
    }

    /** CPU time of the calling thread inside ONNX Runtime so far, nanoseconds. */
    public long inferenceCallerCpuNanos() {
        long t = encoder.inferenceCallerCpuNanos() + decoder.inferenceCallerCpuNanos();
        if (isVideo()) {
            t += memoryAttention.inferenceCallerCpuNanos() + memoryEncoder.inferenceCallerCpuNanos();
        }
        return t;
    }

    OnnxModel encoder() {
        return encoder;
    }

    OnnxModel decoder() {
        return decoder;
    }

    OnnxModel memoryAttention() {
        return memoryAttention;
    }

    OnnxModel memoryEncoder() {
        return memoryEncoder;
    }

    public Sam2Signature encoderSignature() {
        return encoderSignature;
    }

    public Sam2Signature decoderSignature() {
        return decoderSignature;
    }

    public Sam2Signature attentionSignature() {
        return attentionSignature;
    }

    public Sam2Signature memoryEncoderSignature() {
        return memoryEncoderSignature;
    }

    @Override
    public void close() {
        encoder.close();
        decoder.close();
        if (memoryAttention != null) {
            memoryAttention.close();
            memoryEncoder.close();
        }
    }
}
