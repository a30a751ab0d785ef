package org.lptem.segment.sam2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lptem.core.Frame;
import org.lptem.core.LptemException;
import org.lptem.ml.onnx.OnnxModel;
import org.lptem.ml.onnx.OnnxModel.Tensor;

/**
 * SAM2's image path: encode a frame once, then decode any number of prompts against its features. The decoder's
 * best mask (highest predicted IoU when it returns several) comes back on the original frame.
 */
public final class ImagePredictor {
    /** Side of SAM2's low-resolution masks and mask prompts (the model frame / 4). */
    static final int LOW_RES = 256;
    /** The mask prompt of objects prompted without one: all zeros, never written. */
    private static final Tensor NO_MASK = new Tensor(new float[LOW_RES * LOW_RES], new long[] {1, 1, LOW_RES, LOW_RES});

    private final Sam2Models models;
    private final Sam2Preprocessor preprocessor;
    private final Sam2Signature enc;
    private final Sam2Signature dec;
    /** The encoder input, prepared in place frame after frame. */
    private java.nio.FloatBuffer imageBuffer;
    /**
     * A frame's encoder outputs, by role (embed, high_res_0, high_res_1, vision_feat, vision_pos). They stay in ONNX
     * Runtime's memory and are fed from there to every object's decoder and memory runs: copying them out to Java and
     * back in (megabytes per frame, and again per object) was most of the Java side's time. Close it when the frame
     * is done.
     */
    public static final class Features implements AutoCloseable {
        private final int width;
        private final int height;
        private final OnnxModel.Outputs outputs;
        private final Map<String, String> names;

        Features(int width, int height, OnnxModel.Outputs outputs, Map<String, String> names) {
            this.width = width;
            this.height = height;
            this.outputs = outputs;
            this.names = names;
        }

        public int width() {
            return width;
        }

        public int height() {
            return height;
        }

        /** The role's tensor copied into Java (for inspection; the runs are fed with {@link #feed}). */
        public Tensor get(String role) {
            return names.containsKey(role) ? outputs.read(names.get(role)) : null;
        }

        /** The role's tensor as fed to a model, straight from the encoder's output in ONNX Runtime. */
        public OnnxModel.Resident feed(String role) {
            return outputs.resident(names.get(role));
        }

        /** The role of the embedding the decoder gets on a frame without memory: the no-memory one where exported. */
        public String conditioningRole() {
            return names.containsKey("vision_feat") ? "vision_feat" : "embed";
        }

        public Tensor conditioningEmbed() {
            return get(conditioningRole());
        }

        @Override
        public void close() {
            outputs.close();
        }
    }

    /**
     * One decoded object.
     *
     * @param mask on the original frame
     * @param iou the decoder's predicted IoU of the chosen mask (NaN when it predicts none)
     * @param objectPointer the object pointer for the memory, or null
     * @param maskForMemory the chosen mask as the memory encoder takes it ([1, 1, S, S], sigmoid-scaled), or null
     *     when the decoder does not export it
     * @param lowResLogits the chosen low-resolution logits, or null when the decoder returned full-size masks only
     */
    public record Decoded(ObjectMask mask, float iou, float[] objectPointer, Tensor maskForMemory,
            float[] lowResLogits, float objectScore) {
    }

    public ImagePredictor(Sam2Models models, Normalization normalization) {
        this.models = models;
        this.preprocessor = new Sam2Preprocessor(normalization, models.imageSize());
        this.enc = models.encoderSignature();
        this.dec = models.decoderSignature();
    }

    public Features encode(Frame frame) {
        int s = preprocessor.size();
        if (imageBuffer == null) {
            imageBuffer = OnnxModel.directFloats(3 * s * s);
        }
        imageBuffer.clear();
        preprocessor.prepare(frame, imageBuffer);
        List<String> wanted = new ArrayList<>(enc.outputs().values());
        OnnxModel.Outputs out;
        try (OnnxModel.Resident image = OnnxModel.resident(imageBuffer.flip(), new long[] {1, 3, s, s})) {
            out = models.encoder().runKeeping(Map.of(enc.input("image"), image), wanted);
        }
        return new Features(frame.width(), frame.height(), out, Map.copyOf(enc.outputs()));
    }

    /**
     * Decodes one object.
     *
     * @param embed the image embedding to decode against: a {@link Tensor} (the memory-conditioned one) or null for
     *     the frame's own conditioning embedding
     * @param prompt the prompt, or null to decode from the embedding alone (memory propagation)
     */
    public Decoded decode(Features f, Tensor embed, Prompt prompt, PromptTransform transform,
            MaskPostprocessor post) {
        try (Live live = decodeLive(f, embed, prompt, transform, post)) {
            Decoded d = live.decoded();
            return new Decoded(d.mask(), d.iou(), d.objectPointer(), live.maskForMemoryTensor(), d.lowResLogits(),
                    d.objectScore());
        }
    }

    /**
     * A decoded object whose decoder outputs are still in ONNX Runtime, so that its memory mask (a model-frame-sized
     * tensor) goes to the memory encoder without a round trip through Java. {@link #decoded()} has no
     * {@code maskForMemory}; close this once the memory encoder has run.
     */
    static final class Live implements AutoCloseable {
        private final Decoded decoded;
        private final OnnxModel.Outputs outputs;
        private final String maskForMemoryName;
        private final int best;

        private Live(Decoded decoded, OnnxModel.Outputs outputs, String maskForMemoryName, int best) {
            this.decoded = decoded;
            this.outputs = outputs;
            this.maskForMemoryName = maskForMemoryName;
            this.best = best;
        }

        Decoded decoded() {
            return decoded;
        }

        /**
         * The chosen memory mask [1, 1, S, S] as fed to the memory encoder: resident when the decoder returns a single
         * one, else copied out and picked; null when the decoder does not export it.
         */
        Object maskForMemory() {
            if (maskForMemoryName == null) {
                return null;
            }
            return outputs.shape(maskForMemoryName)[1] == 1 ? outputs.resident(maskForMemoryName)
                    : maskForMemoryTensor();
        }

        Tensor maskForMemoryTensor() {
            return maskForMemoryName == null ? null : pick(outputs.read(maskForMemoryName), best);
        }

        @Override
        public void close() {
            outputs.close();
        }
    }

    /**
     * As {@link #decode}, keeping the decoder's outputs in ONNX Runtime.
     *
     * @param embed a {@link Tensor}, a {@link OnnxModel.Resident} (the memory attention's output, fed on without a
     *     copy) or null for the frame's own conditioning embedding
     */
    Live decodeLive(Features f, Object embed, Prompt prompt, PromptTransform transform, MaskPostprocessor post) {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put(dec.input("embed"), embed != null ? embed : f.feed(f.conditioningRole()));
        in.put(dec.input("high_res_0"), f.feed("high_res_0"));
        in.put(dec.input("high_res_1"), f.feed("high_res_1"));
        float[][] points = prompt == null ? new float[][] {{0, 0}, {PromptTransform.PADDING}}
                : transform.points(prompt);
        int p = points[1].length;
        in.put(dec.input("point_coords"), new Tensor(points[0], new long[] {1, p, 2}));
        in.put(dec.input("point_labels"), new Tensor(points[1], new long[] {1, p}));
        boolean hasMask = prompt != null && prompt.mask() != null;
        if (dec.hasInput("mask_input")) {
            in.put(dec.input("mask_input"), hasMask ? new Tensor(transform.maskInput(prompt.mask(), LOW_RES),
                    new long[] {1, 1, LOW_RES, LOW_RES}) : NO_MASK);
        } else if (hasMask) {
            throw new LptemException(models.decoder().name(), -1, "this mask decoder takes no mask input, so the mask "
                    + "prompt for particle " + prompt.objectId() + " on frame " + prompt.frame()
                    + " cannot be used (give a box or points)", null);
        }
        if (dec.hasInput("has_mask_input")) {
            in.put(dec.input("has_mask_input"), new Tensor(new float[] {hasMask ? 1 : 0}, new long[] {1}));
        }
        if (dec.hasInput("original_size")) {
            in.put(dec.input("original_size"), new Tensor(new float[] {f.height(), f.width()}, new long[] {2}));
        }
        OnnxModel.Outputs out = models.decoder().runKeeping(in, new ArrayList<>(dec.outputs().values()));
        try {
            return choose(out, f, post);
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }

    private Live choose(OnnxModel.Outputs out, Features f, MaskPostprocessor post) {
        Tensor iou = dec.hasOutput("iou") ? out.read(dec.output("iou")) : null;
        Tensor lowRes = dec.hasOutput("low_res_masks") ? out.read(dec.output("low_res_masks")) : null;
        Tensor masks = lowRes != null ? lowRes : out.read(dec.output("masks"));
        long[] s = masks.shape();
        if (s.length != 4 || s[0] != 1) {
            throw new LptemException(models.decoder().name(), -1, "masks came back with shape "
                    + java.util.Arrays.toString(s) + ", expected [1, M, H, W] for one prompt", null);
        }
        int m = (int) s[1];
        int best = 0;
        float bestIou = Float.NaN;
        if (iou != null && iou.data().length == m) {
            for (int k = 0; k < m; k++) {
                if (k == 0 || iou.data()[k] > bestIou) {
                    best = k;
                    bestIou = iou.data()[k];
                }
            }
        }
        int plane = (int) (s[2] * s[3]);
        // a single mask is the whole output array, fresh from this run: no copy
        float[] chosen = m == 1 ? masks.data() : java.util.Arrays.copyOfRange(masks.data(), best * plane,
                (best + 1) * plane);
        ObjectMask mask;
        float[] lowResLogits = null;
        if (s[2] == f.height() && s[3] == f.width() && !(s[2] == LOW_RES && s[3] == LOW_RES)) {
            mask = post.fromFullRes(chosen);
        } else if (s[2] == LOW_RES && s[3] == LOW_RES) {
            mask = post.fromLowRes(chosen);
            lowResLogits = chosen;
        } else {
            throw new LptemException(models.decoder().name(), -1, "masks of " + s[2] + " x " + s[3] + " are neither "
                    + LOW_RES + " x " + LOW_RES + " nor the frame's " + f.width() + " x " + f.height(), null);
        }
        float[] pointer = dec.hasOutput("obj_ptr") ? firstRow(out.read(dec.output("obj_ptr"))) : null;
        float score = dec.hasOutput("object_score") ? out.read(dec.output("object_score")).data()[0] : Float.NaN;
        return new Live(new Decoded(mask, bestIou, pointer, null, lowResLogits, score), out,
                dec.hasOutput("mask_for_mem") ? dec.output("mask_for_mem") : null, best);
    }

    private static float[] firstRow(Tensor t) {
        long[] s = t.shape();
        int n = (int) s[s.length - 1];
        float[] row = new float[n];
        System.arraycopy(t.data(), 0, row, 0, n);
        return row;
    }

    /** Mask {@code k} of a [1, M, S, S] tensor as [1, 1, S, S] (itself when M is 1). */
    private static Tensor pick(Tensor t, int k) {
        long[] s = t.shape();
        if (s[1] == 1) {
            return t;
        }
        int plane = (int) (s[2] * s[3]);
        float[] v = new float[plane];
        System.arraycopy(t.data(), Math.min(k, (int) s[1] - 1) * plane, v, 0, plane);
        return new Tensor(v, new long[] {1, 1, s[2], s[3]});
    }

    public int imageSize() {
        return preprocessor.size();
    }
}
