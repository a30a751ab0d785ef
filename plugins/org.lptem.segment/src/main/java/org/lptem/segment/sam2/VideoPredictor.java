package org.lptem.segment.sam2;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.lptem.core.Frame;
import org.lptem.core.LptemException;
import org.lptem.ml.onnx.OnnxModel;
import org.lptem.ml.onnx.OnnxModel.Tensor;
import org.lptem.segment.sam2.ImagePredictor.Decoded;
import org.lptem.segment.sam2.ImagePredictor.Features;

/**
 * SAM2 over a video, forward in time, one object at a time. With the four-module export, each object keeps a
 * {@link MemoryBank}: a prompted object is decoded from its prompt and its mask memorised as conditioning; on later
 * frames the memory attention conditions the frame's features on the object's memory and the decoder predicts its
 * mask without any prompt, which is memorised in turn. With an image-only export, each object is prompted on every
 * frame with its box from the previous frame, grown by a margin.
 *
 * <p>Where this differs from SAM2's own video predictor: a frame where the object came out empty (absent, or
 * scored absent) is not memorised, whereas SAM2 memorises every frame; the bank's few slots then hold views of the
 * particle, so a short miss does not push them all out (see {@link MemoryBank} for the temporal codes). A mask
 * prompt is fed to the decoder as +-10 logits ({@link PromptTransform#maskInput}) and the decoder's mask is kept,
 * whereas SAM2 keeps a prompted mask unchanged as the output and runs the decoder only for its object pointer: here
 * every prompt, mask or not, gets its mask and pointer from the same decoder run, so the mask may be reshaped.
 *
 * <p>Use per frame: {@link #begin}, then {@link #prompt} for prompted objects and {@link #propagate} for the rest.
 */
public final class VideoPredictor {
    /** SAM2's scale and bias of the sigmoid mask the memory encoder takes. */
    static final float MEMORY_SIGMOID_SCALE = 20;
    static final float MEMORY_SIGMOID_BIAS = -10;

    private final Sam2Models models;
    private final ImagePredictor image;
    private final Sam2Settings settings;
    private final Map<Integer, ObjectState> objects = new TreeMap<>();
    private Tensor temporalCode;
    /** Buffers the memory encoder writes its memory and position encoding into, once their shapes are known. */
    private OnnxModel.Resident memoryOut;
    private OnnxModel.Resident memoryPosOut;
    private PromptTransform transform;
    private MaskPostprocessor post;
    private Resampler memoryX;
    private Features features;
    /** Direct buffers the memory banks are stacked into, shared because objects attend one after another. */
    private final MemoryBank.Scratch memoryScratch = new MemoryBank.Scratch();
    private int frameIndex = -1;

    private static final class ObjectState {
        final MemoryBank bank;
        Box lastBox;

        ObjectState(MemoryBank bank) {
            this.bank = bank;
        }
    }

    public VideoPredictor(Sam2Models models, Sam2Settings settings) {
        this.models = models;
        this.settings = settings;
        this.image = new ImagePredictor(models, settings.normalization());
    }

    /** Encodes the next frame; frames must come in increasing order (SAM2 propagates forward only). */
    public void begin(Frame frame, int index) {
        if (index <= frameIndex) {
            throw LptemException.inFrame(null, index, "SAM2 propagates forward only, but this frame comes after frame "
                    + frameIndex, null);
        }
        if (transform == null || transform.width() != frame.width() || transform.height() != frame.height()) {
            transform = new PromptTransform(frame.width(), frame.height(), image.imageSize());
            post = new MaskPostprocessor(frame.width(), frame.height(), ImagePredictor.LOW_RES,
                    settings.maxHoleAreaPx());
        }
        if (features != null) {
            features.close();
        }
        features = image.encode(frame);
        frameIndex = index;
    }

    /** Decodes a prompted object on the current frame and (video export) memorises it as conditioning. */
    public Decoded prompt(Prompt p) {
        requireFrame();
        try (ImagePredictor.Live live = image.decodeLive(features, null, p, transform, post)) {
            ObjectState state = objects.computeIfAbsent(p.objectId(),
                    id -> new ObjectState(new MemoryBank(settings.memoryFrames(), settings.objectPointers())));
            Decoded d = absentIfScoredAbsent(live.decoded());
            state.lastBox = d.mask().bounds();
            if (models.isVideo()) {
                memorise(state, d, live, true);
            }
            return d;
        }
    }

    /** Decodes every tracked object not in {@code skip} on the current frame, by object id. */
    public Map<Integer, Decoded> propagate(Set<Integer> skip) {
        requireFrame();
        Map<Integer, Decoded> out = new LinkedHashMap<>();
        for (Map.Entry<Integer, ObjectState> e : objects.entrySet()) {
            if (skip.contains(e.getKey())) {
                continue;
            }
            ObjectState state = e.getValue();
            if (!models.isVideo() && state.lastBox == null) {
                continue;
            }
            out.put(e.getKey(), models.isVideo() ? propagateWithMemory(state) : reprompt(e.getKey(), state));
        }
        return out;
    }

    /** The video export: the decoder reads the frame's features conditioned on the object's memory. */
    private Decoded propagateWithMemory(ObjectState state) {
        try (OnnxModel.Outputs attended = attend(state.bank);
                ImagePredictor.Live live = image.decodeLive(features, attended.resident(
                        models.attentionSignature().output("conditioned")), null, transform, post)) {
            Decoded d = absentIfScoredAbsent(live.decoded());
            if (!d.mask().isEmpty()) {
                state.lastBox = d.mask().bounds();
                memorise(state, d, live, false);
            }
            return d;
        }
    }

    /** The image-only export: the object is prompted with its last box, grown by a margin. */
    private Decoded reprompt(int id, ObjectState state) {
        Box box = state.lastBox.grown(settings.boxMarginFraction(), 1);
        Decoded d = absentIfScoredAbsent(image.decode(features, null, Prompt.ofBox(frameIndex, id, box), transform,
                post));
        if (!d.mask().isEmpty()) {
            state.lastBox = d.mask().bounds();
        }
        return d;
    }

    /** Forgets an object (its track ended); a later prompt with its id starts it afresh. */
    public void end(int id) {
        objects.remove(id);
    }

    /** Ids of the objects tracked now. */
    public Set<Integer> tracked() {
        return Set.copyOf(objects.keySet());
    }

    /** The memory of an object (for inspection), or null. */
    MemoryBank memory(int id) {
        ObjectState s = objects.get(id);
        return s == null ? null : s.bank;
    }

    /** The memory attention's output, kept in ONNX Runtime for the decoder; close it after decoding. */
    private OnnxModel.Outputs attend(MemoryBank bank) {
        Sam2Signature sig = models.attentionSignature();
        try (MemoryBank.Fed m = bank.feed(temporalCode, memoryScratch)) {
            Map<String, Object> in = new LinkedHashMap<>();
            in.put(sig.input("current_feat"), features.feed(features.conditioningRole()));
            in.put(sig.input("current_pos"), features.feed("vision_pos"));
            in.put(sig.input("object_pointers"), m.pointers());
            in.put(sig.input("memory"), m.memory());
            in.put(sig.input("memory_pos"), m.memoryPosition());
            return models.memoryAttention().runKeeping(in, List.of(sig.output("conditioned")));
        }
    }

    private void memorise(ObjectState state, Decoded d, ImagePredictor.Live live, boolean conditioning) {
        Sam2Signature sig = models.memoryEncoderSignature();
        Object fed = live.maskForMemory();
        Object mask = fed != null ? fed : maskForMemory(d);
        Map<String, Object> in = new LinkedHashMap<>();
        in.put(sig.input("mask"), mask);
        in.put(sig.input("features"), features.feed("embed"));
        String memory = sig.output("memory");
        String position = sig.output("memory_pos");
        if (memoryOut != null) {
            // after the first run the outputs' shapes are known: ONNX Runtime writes them into the same buffers, or
            // a propagated memory straight into the block of the object's memory where it will be fed from
            FloatBuffer landing = conditioning ? null : state.bank.landing(memoryOut.buffer().remaining());
            if (landing != null) {
                try (OnnxModel.Resident into = OnnxModel.resident(landing, memoryOut.shape())) {
                    models.memoryEncoder().run(in, List.of(), Map.of(memory, into, position, memoryPosOut));
                }
                state.bank.addLanded(frameIndex, landing, memoryOut.shape(), memoryPosOut.buffer().duplicate(),
                        d.objectPointer());
                return;
            }
            models.memoryEncoder().run(in, List.of(), Map.of(memory, memoryOut, position, memoryPosOut));
            state.bank.add(frameIndex, conditioning, memoryOut.buffer().duplicate(), memoryOut.shape(),
                    memoryPosOut.buffer().duplicate(), d.objectPointer());
            return;
        }
        List<String> outs = new ArrayList<>(List.of(memory, position));
        if (temporalCode == null) {
            outs.add(sig.output("temporal_code"));
        }
        Map<String, Tensor> out = models.memoryEncoder().run(in, outs);
        if (temporalCode == null) {
            temporalCode = out.get(sig.output("temporal_code"));
            // float outputs (not, say, a float16 export's, which run() converts) are written in place from now on
            Map<String, String> types = models.memoryEncoder().outputTypes();
            if ("FLOAT".equals(types.get(memory)) && "FLOAT".equals(types.get(position))) {
                memoryOut = OnnxModel.resident(OnnxModel.directFloats(out.get(memory).data().length),
                        out.get(memory).shape());
                memoryPosOut = OnnxModel.resident(OnnxModel.directFloats(out.get(position).data().length),
                        out.get(position).shape());
            }
        }
        state.bank.add(frameIndex, conditioning, out.get(memory), out.get(position), d.objectPointer());
    }

    /** SAM2's memory mask from the low-resolution logits: upsampled to the model frame, sigmoid, scaled. */
    private Tensor maskForMemory(Decoded d) {
        if (d.lowResLogits() == null) {
            throw new LptemException(models.decoder().name(), -1, "the decoder returns neither mask_for_mem nor "
                    + "low-resolution masks, so its masks cannot be memorised", null);
        }
        int s = image.imageSize();
        if (memoryX == null) {
            memoryX = new Resampler(ImagePredictor.LOW_RES, s);
        }
        float[] v = new float[s * s];
        Resampler.resample(d.lowResLogits(), ImagePredictor.LOW_RES, ImagePredictor.LOW_RES, memoryX, memoryX, 0, s,
                0, s, v);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (MEMORY_SIGMOID_SCALE / (1 + Math.exp(-v[i])) + MEMORY_SIGMOID_BIAS);
        }
        return new Tensor(v, new long[] {1, 1, s, s});
    }

    /** SAM2 hides the mask of an object its occlusion head scores as absent (object score logit < 0). */
    private static Decoded absentIfScoredAbsent(Decoded d) {
        if (d.objectScore() < 0) {
            return new Decoded(ObjectMask.empty(), d.iou(), d.objectPointer(), d.maskForMemory(), d.lowResLogits(),
                    d.objectScore());
        }
        return d;
    }

    /** Releases the current frame's features and the memory encoder's output buffers. */
    public void close() {
        if (features != null) {
            features.close();
            features = null;
        }
        if (memoryOut != null) {
            memoryOut.close();
            memoryPosOut.close();
            memoryOut = null;
            memoryPosOut = null;
        }
    }

    private void requireFrame() {
        if (features == null) {
            throw new IllegalStateException("begin(frame) first");
        }
    }
}
