package org.lptem.segment.sam2;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.lptem.core.LptemException;
import org.lptem.ml.onnx.OnnxModel.Tensor;

/**
 * One object's memory for SAM2's video path: the spatial memories the memory encoder made of its past masks, and
 * its object pointers. SAM2 attends to the most recent prompted (conditioning) frame and up to {@code memoryFrames -
 * 1} of the latest propagated frames, each tagged with a temporal code by its recency, plus up to
 * {@code objectPointers} pointers. Older entries are dropped as new ones arrive, so memory stays bounded however
 * long the video.
 *
 * <p>The tensors follow the public four-module exports: {@code memory_1} [n, C, h, w] stacks the spatial memories;
 * {@code memory_pos_embed} [n*h*w + p*(D/C), 1, C] holds each memory's position encoding plus its temporal code, then
 * zeros for the pointer tokens (each D-wide pointer is split into D/C tokens); {@code memory_0} [p, D] the pointers.
 */
public final class MemoryBank {
    private final int memoryFrames;
    private final int objectPointers;
    private Entry conditioning;
    private final Deque<Entry> recent = new ArrayDeque<>();
    private final Deque<float[]> pointers = new ArrayDeque<>();
    private float[] conditioningPointer;

    /** One spatial memory: features [1, C, h, w] and position encoding [h*w, 1, C]. */
    record Entry(int frame, float[] features, long[] shape, float[] position) {
    }

    /** The three memory inputs of the memory attention. */
    public record Inputs(Tensor memory, Tensor memoryPosition, Tensor pointers, int spatialCount, int pointerCount) {
    }

    public MemoryBank(int memoryFrames, int objectPointers) {
        if (memoryFrames < 1) {
            throw new LptemException("memory frames must be >= 1 (the prompted frame), got " + memoryFrames);
        }
        if (objectPointers < 1) {
            throw new LptemException("object pointers must be >= 1, got " + objectPointers);
        }
        this.memoryFrames = memoryFrames;
        this.objectPointers = objectPointers;
    }

    /**
     * Stores the memory of one frame.
     *
     * @param conditioning whether the mask came from a prompt on this frame (it then replaces the previous
     *     conditioning memory)
     * @param features the memory encoder's features [1, C, h, w]
     * @param position their position encoding [h*w, 1, C]
     * @param pointer the decoder's object pointer (D values), or null
     */
    public void add(int frame, boolean conditioning, Tensor features, Tensor position, float[] pointer) {
        long[] s = features.shape();
        if (s.length != 4 || s[0] != 1) {
            throw new LptemException("memory features must be [1, C, h, w], got " + java.util.Arrays.toString(s));
        }
        if (position.data().length != features.data().length) {
            throw new LptemException("memory position encoding has " + position.data().length + " values for "
                    + features.data().length + " feature values (expected [h*w, 1, C])");
        }
        Entry e = new Entry(frame, features.data(), s, position.data());
        if (conditioning) {
            this.conditioning = e;
            conditioningPointer = pointer;
        } else {
            recent.addFirst(e);
            while (recent.size() > memoryFrames - 1) {
                recent.removeLast();
            }
            if (pointer != null) {
                pointers.addFirst(pointer);
                while (pointers.size() > objectPointers - 1) {
                    pointers.removeLast();
                }
            }
        }
    }

    public boolean isEmpty() {
        return conditioning == null && recent.isEmpty();
    }

    /**
     * The memory attention's inputs.
     *
     * @param temporalCode the memory encoder's temporal codes [slots, 1, 1, C]: slot {@code slots - 1} marks the
     *     conditioning frame, slot {@code slots - 1 - r} the r-th most recent frame
     */
    public Inputs inputs(Tensor temporalCode) {
        long[] ts = temporalCode.shape();
        int slots = (int) ts[0];
        List<Entry> used = new ArrayList<>();
        List<Integer> slot = new ArrayList<>();
        if (conditioning != null) {
            used.add(conditioning);
            slot.add(slots - 1);
        }
        int r = 1;
        for (Entry e : recent) {
            if (r > slots - 1) {
                break;
            }
            used.add(e);
            slot.add(slots - 1 - r);
            r++;
        }
        if (used.isEmpty()) {
            throw new IllegalStateException("no memory yet: the object was never prompted");
        }
        long[] s = used.get(0).shape();
        int channels = (int) s[1];
        int hw = (int) (s[2] * s[3]);
        if (ts[ts.length - 1] != channels) {
            throw new LptemException("temporal codes of width " + ts[ts.length - 1] + " do not fit memories of "
                    + channels + " channels");
        }
        List<float[]> ptrs = new ArrayList<>();
        if (conditioningPointer != null) {
            ptrs.add(conditioningPointer);
        }
        for (float[] p : pointers) {
            if (ptrs.size() >= objectPointers) {
                break;
            }
            ptrs.add(p);
        }
        int n = used.size();
        int plane = channels * hw;
        float[] memory = new float[n * plane];
        int pointerWidth = ptrs.isEmpty() ? channels * 4 : ptrs.get(0).length;
        if (pointerWidth % channels != 0) {
            throw new LptemException("object pointers of width " + pointerWidth + " cannot be split into tokens of "
                    + channels + " channels");
        }
        int tokensPerPointer = pointerWidth / channels;
        float[] position = new float[(n * hw + ptrs.size() * tokensPerPointer) * channels];
        for (int k = 0; k < n; k++) {
            Entry e = used.get(k);
            System.arraycopy(e.features(), 0, memory, k * plane, plane);
            int codeBase = slot.get(k) * channels;
            int base = k * hw * channels;
            for (int i = 0; i < hw * channels; i++) {
                position[base + i] = e.position()[i] + temporalCode.data()[codeBase + i % channels];
            }
        }
        float[] pointerData = new float[ptrs.size() * pointerWidth];
        for (int k = 0; k < ptrs.size(); k++) {
            System.arraycopy(ptrs.get(k), 0, pointerData, k * pointerWidth, pointerWidth);
        }
        return new Inputs(new Tensor(memory, new long[] {n, channels, s[2], s[3]}),
                new Tensor(position, new long[] {n * hw + (long) ptrs.size() * tokensPerPointer, 1, channels}),
                new Tensor(pointerData, new long[] {ptrs.size(), pointerWidth}), n, ptrs.size());
    }
}
