package org.lptem.segment.sam2;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.lptem.ml.onnx.OnnxModel;

/**
 * One object's stacked spatial memories, kept in a direct buffer from frame to frame so that a frame writes only
 * what changed: restacking every memory of every object on every frame (7 x 1 MB of features plus as much of
 * position encodings per object) was the largest cost of SAM2's Java side.
 *
 * <p>The stacked order stays the bank's (the conditioning memory, then the recent ones newest first), so the tensors
 * fed are exactly those {@link MemoryBank#inputs} builds. The memory attention treats memory tokens as a set (keys and
 * values of a cross-attention, each carrying its own position encoding plus its slot's temporal code), so another
 * order would serve as well, but keeping this one costs nothing: from one frame to the next the order shifts by one
 * block (the new memory goes in front, the oldest drops off the end), so the window over the buffer slides one block
 * to the left instead of the memories moving: the new memory takes the conditioning memory's old block (where the
 * memory encoder can write it itself, {@link #landing()}) and the conditioning memory is written one block further
 * left. When the window reaches the buffer's start, the memories kept are copied once to its end (every
 * {@code capacity - blocks} frames).
 *
 * <p>The position input ({@code memory_pos_embed}) pairs each block with its position encoding plus the temporal
 * code of its place in that order. Since the order's slots are the same every frame, and SAM2's memory position
 * encoding is a sine encoding of the 64 x 64 grid, the same for every frame, that tensor does not change from frame
 * to frame either: it is built once ({@link #staticPositions}) whenever every block carries the same position
 * encoding (compared value by value on every memory added, not assumed); otherwise the bank sums it per run.
 */
final class MemoryWindow {
    private FloatBuffer memory;
    private int blockFloats;
    private int capacity;
    /** Block of the conditioning memory (the window's first), or -1 while nothing is placed. */
    private int start = -1;
    private MemoryBank.Entry placedConditioning;
    /** The recent memories placed after it, newest first. */
    private final List<MemoryBank.Entry> placedRecent = new ArrayList<>();
    /** A memory written into {@link #landing()} since the last placing, and that block (-1: none). */
    private MemoryBank.Entry landed;
    private int landedBlock = -1;

    private FloatBuffer positions;
    private float[] positionsOf;
    private float[] codesOf;
    private int[] slotsOf;
    /** The values of the buffer now zeroed for pointer tokens. */
    private int zeroFrom;
    private int zeroTo;

    /**
     * Places the memories attended to now and returns the stacked features [n, C, h, w], n = the conditioning
     * memory (if any) plus {@code recent}.
     *
     * @param recent the recent memories attended to, newest first
     * @param maxBlocks the most memories ever attended to at once (sizes the buffer)
     */
    FloatBuffer place(MemoryBank.Entry conditioning, List<MemoryBank.Entry> recent, int blockFloats,
            int maxBlocks) {
        int wanted = 2 * maxBlocks;
        if (memory == null || this.blockFloats != blockFloats || capacity < wanted) {
            this.blockFloats = blockFloats;
            capacity = wanted;
            memory = OnnxModel.directFloats(Math.multiplyExact(capacity, blockFloats));
            start = -1;
            placedConditioning = null;
            placedRecent.clear();
            landed = null;
            landedBlock = -1;
        }
        int k = recent.size();
        // how many memories are new: the rest must be the placed ones, in the same order, right behind them
        int fresh = k;
        if (start >= 0) {
            for (int d = 0; d < k; d++) {
                if (k - d <= placedRecent.size() && samePrefix(recent, d, placedRecent, k - d)) {
                    fresh = d;
                    break;
                }
            }
        }
        int kept = k - fresh;
        int newStart = start - fresh;
        if (start < 0 || newStart < 0) {
            newStart = capacity - 1 - k;
            // copied from the highest block down: the kept blocks only move right, onto blocks already copied
            for (int i = kept - 1; i >= 0; i--) {
                copyBlock(start + 1 + i, newStart + 1 + fresh + i);
            }
        }
        for (int i = 0; i < fresh; i++) {
            int block = newStart + 1 + i;
            if (recent.get(i) != landed || block != landedBlock) {
                writeBlock(block, recent.get(i).features());
            }
        }
        // the landing block held the conditioning memory: rewritten if it still does
        if (conditioning != null && (conditioning != placedConditioning || newStart != start
                || newStart == landedBlock)) {
            writeBlock(newStart, conditioning.features());
        }
        landed = null;
        landedBlock = -1;
        start = newStart;
        placedConditioning = conditioning;
        placedRecent.clear();
        placedRecent.addAll(recent);
        int from = conditioning != null ? start : start + 1;
        return memory.duplicate().position(from * blockFloats).limit((start + 1 + k) * blockFloats);
    }

    /**
     * Where the next recent memory will be placed if it is the only new one and the window needs no move to the
     * buffer's end: the conditioning memory's block, which moves one block left (see the class comment). The memory
     * encoder can write the memory there itself ({@link #landed}), which saves copying it in; null while unknown.
     */
    FloatBuffer landing() {
        if (memory == null || start < 1) {
            return null;
        }
        return memory.duplicate().position(start * blockFloats).limit((start + 1) * blockFloats);
    }

    /** Records that {@code e}'s features were written into {@link #landing()}'s block. */
    void landed(MemoryBank.Entry e) {
        landed = e;
        landedBlock = start;
    }

    /**
     * The position input from a buffer built once while it stays the same: every block's position encoding is
     * {@code position} (the same array, see {@link MemoryBank#add}), each plus the temporal code of its slot in
     * {@code slots} (all the memory there can be, in stacked order), then zeros for the most pointer tokens there can
     * be. The input for the first {@code blocks} memories is the buffer's start, with the pointer tokens' zeros
     * written over the start of block {@code blocks} (a few KB, restored on the next call): so the memory's first
     * frames, with fewer memories and pointers, need no sums either.
     */
    FloatBuffer staticPositions(float[] position, float[] codes, int[] slots, int blocks, int channels,
            int pointerTokens, int maxPointerTokens) {
        int full = slots.length * position.length;
        int tail = Math.max(pointerTokens, maxPointerTokens) * channels;
        if (positions == null || position != positionsOf || !java.util.Arrays.equals(codes, codesOf)
                || !java.util.Arrays.equals(slots, slotsOf) || full + tail > positions.capacity()) {
            if (positions == null || positions.capacity() < full + tail) {
                positions = OnnxModel.directFloats(full + tail);
            }
            positions.clear();
            float[] row = new float[position.length];
            for (int slot : slots) {
                int base = slot * channels;
                for (int t = 0; t < row.length; t += channels) {
                    for (int c = 0; c < channels; c++) {
                        row[t + c] = position[t + c] + codes[base + c];
                    }
                }
                positions.put(row);
            }
            positions.put(new float[positions.remaining()]);
            positionsOf = position;
            codesOf = codes.clone();
            slotsOf = slots.clone();
            zeroFrom = full;
            zeroTo = full;
        }
        for (int i = zeroFrom; i < Math.min(zeroTo, full); i++) {
            int block = i / position.length;
            int at = i % position.length;
            positions.put(i, position[at] + codes[slots[block] * channels + at % channels]);
        }
        zeroFrom = blocks * position.length;
        zeroTo = zeroFrom + pointerTokens * channels;
        for (int i = zeroFrom; i < Math.min(zeroTo, full); i++) {
            positions.put(i, 0f);
        }
        return positions.duplicate().position(0).limit(zeroTo);
    }

    private static boolean samePrefix(List<MemoryBank.Entry> recent, int from, List<MemoryBank.Entry> placed,
            int n) {
        for (int i = 0; i < n; i++) {
            if (recent.get(from + i) != placed.get(i)) {
                return false;
            }
        }
        return true;
    }

    private void writeBlock(int block, float[] values) {
        memory.put(block * blockFloats, values);
    }

    private void copyBlock(int from, int to) {
        memory.put(to * blockFloats, memory, from * blockFloats, blockFloats);
    }
}
