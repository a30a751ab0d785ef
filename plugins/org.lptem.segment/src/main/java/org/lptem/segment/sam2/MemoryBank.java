package org.lptem.segment.sam2;

import java.nio.FloatBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.lptem.core.LptemException;
import org.lptem.ml.onnx.OnnxModel;
import org.lptem.ml.onnx.OnnxModel.Tensor;

/**
 * One object's memory for SAM2's video path: the spatial memories the memory encoder made of its past masks, and
 * its object pointers. SAM2 attends to the most recent prompted (conditioning) frame and up to {@code memoryFrames -
 * 1} of the latest propagated frames, each tagged with a temporal code by its recency, plus up to
 * {@code objectPointers} pointers. Older entries are dropped as new ones arrive, so memory stays bounded however
 * long the video.
 *
 * <p>Unlike SAM2, which codes a memory by its distance in frames, the r-th most recent memory here gets the code for
 * r frames back, whatever the gap: {@link VideoPredictor} skips frames where the object came out empty, and a
 * distance beyond the export's few codes would have none. Without skipped frames the two agree.
 *
 * <p>The tensors follow the public four-module exports: {@code memory_1} [n, C, h, w] stacks the spatial memories;
 * {@code memory_pos_embed} [n*h*w + p*(D/C), 1, C] holds each memory's position encoding plus its temporal code, then
 * zeros for the pointer tokens (each D-wide pointer is split into D/C tokens); {@code memory_0} [p, D] the pointers.
 */
public final class MemoryBank {
    /** Floats summed at a time when stacking position encodings (16 KiB). */
    private static final int CHUNK_FLOATS = 4096;
    private final int memoryFrames;
    private final int objectPointers;
    private Entry conditioning;
    private final Deque<Entry> recent = new ArrayDeque<>();
    private final Deque<float[]> pointers = new ArrayDeque<>();
    private float[] conditioningPointer;
    private float[] lastPosition;
    private final Deque<float[]> spare = new ArrayDeque<>();
    private final MemoryWindow window = new MemoryWindow();

    /**
     * One spatial memory: features [1, C, h, w] and position encoding [h*w, 1, C]; {@code owned} when the bank
     * allocated the features array (then recycled once the memory is dropped).
     */
    record Entry(int frame, float[] features, long[] shape, float[] position, boolean owned) {
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
        check(features.shape(), features.data().length, position.data().length);
        float[] pos = position.data();
        store(new Entry(frame, features.data(), features.shape(), shared(pos, FloatBuffer.wrap(pos)), false),
                conditioning, pointer);
    }

    /**
     * As {@link #add(int, boolean, Tensor, Tensor, float[])}, copying the memory from direct buffers (where ONNX
     * Runtime wrote the memory encoder's outputs, see {@link OnnxModel#run(java.util.Map, java.util.Collection,
     * java.util.Map)}) into an array recycled from a memory this bank dropped: a frame then allocates nothing for
     * its megabyte of memory, whose heap copies otherwise fill the young generation and are copied again by every
     * collection while they are kept.
     */
    void add(int frame, boolean conditioning, FloatBuffer features, long[] shape, FloatBuffer position,
            float[] pointer) {
        addEntry(frame, conditioning, features, shape, position, pointer);
    }

    private Entry addEntry(int frame, boolean conditioning, FloatBuffer features, long[] shape, FloatBuffer position,
            float[] pointer) {
        check(shape, features.remaining(), position.remaining());
        float[] f = spare.isEmpty() || spare.peek().length != features.remaining() ? new float[features.remaining()]
                : spare.pop();
        features.duplicate().get(f);
        float[] pos = shared(null, position);
        Entry e = new Entry(frame, f, shape.clone(), pos, true);
        store(e, conditioning, pointer);
        return e;
    }

    /**
     * Where the memory encoder can write the next propagated memory of {@code values} floats so that feeding needs
     * not copy it in (see {@link MemoryWindow#landing()}), or null; then add it with {@link #addLanded}.
     */
    FloatBuffer landing(int values) {
        FloatBuffer b = window.landing();
        return b != null && b.remaining() == values ? b : null;
    }

    /**
     * As {@link #add(int, boolean, FloatBuffer, long[], FloatBuffer, float[])} for a propagated memory written into
     * {@link #landing}.
     */
    void addLanded(int frame, FloatBuffer features, long[] shape, FloatBuffer position, float[] pointer) {
        window.landed(addEntry(frame, false, features, shape, position, pointer));
    }

    private static void check(long[] s, int featureValues, int positionValues) {
        if (s.length != 4 || s[0] != 1) {
            throw new LptemException("memory features must be [1, C, h, w], got " + java.util.Arrays.toString(s));
        }
        if (positionValues != featureValues) {
            throw new LptemException("memory position encoding has " + positionValues + " values for "
                    + featureValues + " feature values (expected [h*w, 1, C])");
        }
    }

    /**
     * The position encoding as stored: the previous memory's array when the values are the same (memory encoders
     * give every frame the same encoding, a function of the grid only), which halves the memory held and lets
     * {@link #feed} build the position input once; else {@code array}, or a copy of {@code values} when null.
     */
    private float[] shared(float[] array, FloatBuffer values) {
        if (lastPosition != null && lastPosition.length == values.remaining()
                && FloatBuffer.wrap(lastPosition).equals(values)) {
            return lastPosition;
        }
        float[] pos = array;
        if (pos == null) {
            pos = new float[values.remaining()];
            values.duplicate().get(pos);
        }
        lastPosition = pos;
        return pos;
    }

    private void store(Entry e, boolean conditioning, float[] pointer) {
        if (conditioning) {
            recycle(this.conditioning);
            this.conditioning = e;
            conditioningPointer = pointer;
        } else {
            recent.addFirst(e);
            while (recent.size() > memoryFrames - 1) {
                recycle(recent.removeLast());
            }
            if (pointer != null) {
                pointers.addFirst(pointer);
                while (pointers.size() > objectPointers - 1) {
                    pointers.removeLast();
                }
            }
        }
    }

    /** Keeps the features array of a dropped memory for the next one, if this bank allocated it. */
    private void recycle(Entry dropped) {
        if (dropped != null && dropped.owned() && spare.size() < 2) {
            spare.push(dropped.features());
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
        Layout l = layout(temporalCode);
        float[] memory = new float[l.memoryValues()];
        float[] position = new float[l.positionValues()];
        float[] pointerData = new float[l.pointerValues()];
        l.fill(FloatBuffer.wrap(memory), FloatBuffer.wrap(position), FloatBuffer.wrap(pointerData),
                temporalCode.data());
        return new Inputs(new Tensor(memory, l.memoryShape()), new Tensor(position, l.positionShape()),
                new Tensor(pointerData, l.pointerShape()), l.used.size(), l.pointers.size());
    }

    /**
     * The same inputs as {@link #inputs} (the same values in the same order), fed from direct buffers: the stacked
     * memories from this bank's own buffer, where each memory is written once and stays from frame to frame (see
     * {@link MemoryWindow}), the position input from a buffer built once while it stays the same, else summed into
     * {@code scratch}, and the pointers (a few KB) from {@code scratch}. Close the result before feeding again.
     */
    public Fed feed(Tensor temporalCode, Scratch scratch) {
        Layout l = layout(temporalCode);
        List<Entry> recentUsed = l.used.subList(conditioning != null ? 1 : 0, l.used.size());
        int maxBlocks = Math.min(memoryFrames, (int) temporalCode.shape()[0]);
        FloatBuffer memory = window.place(conditioning, recentUsed, l.channels() * l.hw(), maxBlocks);
        FloatBuffer position;
        if (conditioning != null && onePositionEncoding(l.used)) {
            // stacked order: the conditioning memory's slot, then one slot older per memory (see layout())
            int slots = (int) temporalCode.shape()[0];
            int[] order = new int[maxBlocks];
            for (int k = 0; k < maxBlocks; k++) {
                order[k] = slots - 1 - k;
            }
            position = window.staticPositions(conditioning.position(), temporalCode.data(), order, l.used.size(),
                    l.channels(), l.pointerTokens(), objectPointers * (l.pointerWidth() / l.channels()));
        } else {
            position = scratch.position = Scratch.fit(scratch.position, l.positionValues());
            l.fillPositions(position, temporalCode.data());
            position.flip();
        }
        FloatBuffer pointerData = scratch.pointers = Scratch.fit(scratch.pointers, l.pointerValues());
        l.fillPointers(pointerData);
        return new Fed(OnnxModel.resident(memory, l.memoryShape()), OnnxModel.resident(position, l.positionShape()),
                OnnxModel.resident(pointerData.flip(), l.pointerShape()));
    }

    /** Whether the memories share one position encoding: the same array, as {@link #add} keeps equal ones. */
    private static boolean onePositionEncoding(List<Entry> used) {
        for (Entry e : used) {
            if (e.position() != used.get(0).position()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Direct buffers for what {@link #feed} sums or copies per run, shared by the banks of all objects (they attend
     * one after another).
     */
    public static final class Scratch {
        private FloatBuffer position;
        private FloatBuffer pointers;

        private static FloatBuffer fit(FloatBuffer b, int values) {
            FloatBuffer out = b != null && b.capacity() >= values ? b : OnnxModel.directFloats(values);
            out.clear();
            return out;
        }
    }

    /** The memory attention's inputs as fed to ONNX Runtime. */
    public record Fed(OnnxModel.Resident memory, OnnxModel.Resident memoryPosition, OnnxModel.Resident pointers)
            implements AutoCloseable {
        @Override
        public void close() {
            memory.close();
            memoryPosition.close();
            pointers.close();
        }
    }

    private Layout layout(Tensor temporalCode) {
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
        int pointerWidth = ptrs.isEmpty() ? channels * 4 : ptrs.get(0).length;
        if (pointerWidth % channels != 0) {
            throw new LptemException("object pointers of width " + pointerWidth + " cannot be split into tokens of "
                    + channels + " channels");
        }
        return new Layout(used, slot, ptrs, s, pointerWidth);
    }

    /** Which memories and pointers are attended to, and where each goes in the three tensors. */
    private record Layout(List<Entry> used, List<Integer> slot, List<float[]> pointers, long[] shape,
            int pointerWidth) {
        int channels() {
            return (int) shape[1];
        }

        int hw() {
            return (int) (shape[2] * shape[3]);
        }

        int pointerTokens() {
            return pointers.size() * (pointerWidth / channels());
        }

        int memoryValues() {
            return used.size() * channels() * hw();
        }

        int positionValues() {
            return (used.size() * hw() + pointerTokens()) * channels();
        }

        int pointerValues() {
            return pointers.size() * pointerWidth;
        }

        long[] memoryShape() {
            return new long[] {used.size(), channels(), shape[2], shape[3]};
        }

        long[] positionShape() {
            return new long[] {(long) used.size() * hw() + pointerTokens(), 1, channels()};
        }

        long[] pointerShape() {
            return new long[] {pointers.size(), pointerWidth};
        }

        /**
         * Writes the stacked memories, their position encodings plus each one's temporal code (zeros for the pointer
         * tokens), and the pointers, each from the buffer's position on.
         */
        void fill(FloatBuffer memory, FloatBuffer position, FloatBuffer pointerData, float[] codes) {
            for (Entry e : used) {
                memory.put(e.features());
            }
            fillPositions(position, codes);
            fillPointers(pointerData);
        }

        /** The position input: each memory's position encoding plus its temporal code, then the pointer tokens'. */
        void fillPositions(FloatBuffer position, float[] codes) {
            int c = channels();
            int values = hw() * c;
            // whole tokens per chunk, small enough to stay in cache between the sum and its copy into the buffer
            float[] chunk = new float[Math.min(values, Math.max(1, CHUNK_FLOATS / c) * c)];
            for (int k = 0; k < used.size(); k++) {
                int codeBase = slot.get(k) * c;
                float[] p = used.get(k).position();
                for (int from = 0; from < values; from += chunk.length) {
                    int n = Math.min(chunk.length, values - from);
                    for (int t = 0; t < n; t += c) {
                        for (int j = 0; j < c; j++) {
                            chunk[t + j] = p[from + t + j] + codes[codeBase + j];
                        }
                    }
                    position.put(chunk, 0, n);
                }
            }
            java.util.Arrays.fill(chunk, 0, Math.min(chunk.length, c), 0f);
            for (int t = 0; t < pointerTokens(); t++) {
                position.put(chunk, 0, c);
            }
        }

        void fillPointers(FloatBuffer pointerData) {
            for (float[] p : pointers) {
                pointerData.put(p);
            }
        }
    }
}
