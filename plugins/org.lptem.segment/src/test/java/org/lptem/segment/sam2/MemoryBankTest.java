package org.lptem.segment.sam2;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.lptem.ml.onnx.OnnxModel.Tensor;

class MemoryBankTest {
    private static final int C = 2;
    private static final int HW = 3;

    /** Features filled with the frame number, positions with 100 x frame, pointers [frame, frame, frame, frame]. */
    private static void add(MemoryBank bank, int frame, boolean conditioning) {
        float[] f = new float[C * HW];
        float[] p = new float[C * HW];
        java.util.Arrays.fill(f, frame);
        java.util.Arrays.fill(p, 100 * frame);
        bank.add(frame, conditioning, new Tensor(f, new long[] {1, C, 1, HW}), new Tensor(p, new long[] {HW, 1, C}),
                new float[] {frame, frame, frame, frame});
    }

    /** Temporal codes: slot s, channel c = 0.1 s + 0.01 c. */
    private static Tensor codes(int slots) {
        float[] v = new float[slots * C];
        for (int s = 0; s < slots; s++) {
            for (int c = 0; c < C; c++) {
                v[s * C + c] = 0.1f * s + 0.01f * c;
            }
        }
        return new Tensor(v, new long[] {slots, 1, 1, C});
    }

    @Test
    void keepsTheConditioningFrameAndTheLatestFramesWithTheirTemporalCodes() {
        MemoryBank bank = new MemoryBank(3, 3);
        add(bank, 0, true);
        for (int f = 1; f <= 5; f++) {
            add(bank, f, false);
        }
        MemoryBank.Inputs in = bank.inputs(codes(7));
        assertEquals(3, in.spatialCount(), "prompted frame + 2 latest");
        assertArrayEquals(new long[] {3, C, 1, HW}, in.memory().shape());
        float[] m = in.memory().data();
        assertEquals(0, m[0]);
        assertEquals(5, m[C * HW]);
        assertEquals(4, m[2 * C * HW]);
        // pointers: the conditioning one and the two latest, 4 tokens of C channels each in the position tensor
        assertEquals(3, in.pointerCount());
        assertArrayEquals(new long[] {3, 4}, in.pointers().shape());
        assertArrayEquals(new float[] {0, 0, 0, 0, 5, 5, 5, 5, 4, 4, 4, 4}, in.pointers().data());
        assertArrayEquals(new long[] {3 * HW + 3 * (4 / C), 1, C}, in.memoryPosition().shape());
        float[] pos = in.memoryPosition().data();
        // conditioning frame: slot 6; frame 5 (most recent): slot 5; frame 4: slot 4
        assertEquals(0 + 0.6f, pos[0], 1e-6f);
        assertEquals(0 + 0.61f, pos[1], 1e-6f);
        assertEquals(500 + 0.5f, pos[HW * C], 1e-4f);
        assertEquals(400 + 0.41f, pos[2 * HW * C + 1], 1e-4f);
        for (int i = 3 * HW * C; i < pos.length; i++) {
            assertEquals(0, pos[i], "pointer tokens have no position");
        }
        add(bank, 6, true);
        MemoryBank.Inputs again = bank.inputs(codes(7));
        assertEquals(6, again.memory().data()[0], "a new prompt replaces the conditioning memory");
    }

    @Test
    void neverUsesMoreRecentFramesThanTemporalSlots() {
        MemoryBank bank = new MemoryBank(20, 50);
        add(bank, 0, true);
        for (int f = 1; f <= 10; f++) {
            add(bank, f, false);
        }
        assertEquals(4, bank.inputs(codes(4)).spatialCount(), "1 conditioning + 3 slots");
        assertEquals(11, bank.inputs(codes(4)).pointerCount());
    }

    @Test
    void feedingStacksTheSameTensorsIntoReusedDirectBuffers() {
        MemoryBank big = new MemoryBank(20, 50);
        add(big, 0, true);
        for (int f = 1; f <= 10; f++) {
            add(big, f, false);
        }
        MemoryBank small = new MemoryBank(3, 3);
        add(small, 7, true);
        add(small, 8, false);
        MemoryBank.Scratch scratch = new MemoryBank.Scratch();
        // the big bank fills the scratch first, so stale values would show in the small bank's tensors
        for (MemoryBank bank : new MemoryBank[] {big, small, big}) {
            MemoryBank.Inputs expected = bank.inputs(codes(4));
            try (MemoryBank.Fed fed = bank.feed(codes(4), scratch)) {
                assertFed(expected.memory(), fed.memory());
                assertFed(expected.memoryPosition(), fed.memoryPosition());
                assertFed(expected.pointers(), fed.pointers());
            }
        }
    }

    /**
     * Frame after frame, with prompts now and then, memories whose position encodings are all equal (the static
     * position input) or not (summed per run), and two banks sharing one scratch: what is fed must always be what
     * {@link MemoryBank#inputs} stacks, through the window's slides, its copies to the buffer's end and conditioning
     * memories replaced.
     */
    @Test
    void feedingMatchesTheStackedInputsFrameAfterFrame() {
        java.util.Random random = new java.util.Random(11);
        MemoryBank.Scratch scratch = new MemoryBank.Scratch();
        for (int[] sizes : new int[][] {{7, 16, 7}, {3, 4, 7}, {20, 50, 4}, {1, 1, 3}}) {
            MemoryBank[] banks = {new MemoryBank(sizes[0], sizes[1]), new MemoryBank(sizes[0], sizes[1])};
            Tensor codes = codes(sizes[2]);
            for (int f = 0; f < 40; f++) {
                for (int b = 0; b < banks.length; b++) {
                    // bank 0 keeps one position encoding throughout; bank 1 gets a different one now and then
                    boolean samePosition = b == 0 || random.nextInt(5) > 0;
                    addRandom(banks[b], f, f == 0 || random.nextInt(9) == 0, samePosition, random);
                    MemoryBank.Inputs expected = banks[b].inputs(codes);
                    try (MemoryBank.Fed fed = banks[b].feed(codes, scratch)) {
                        assertFed(expected.memory(), fed.memory());
                        assertFed(expected.memoryPosition(), fed.memoryPosition());
                        assertFed(expected.pointers(), fed.pointers());
                    }
                }
            }
        }
    }

    /**
     * Memories copied from one direct buffer rewritten for every frame (as the memory encoder writes it) are each
     * kept as they were, also in the arrays the bank recycles from dropped memories: the bank holds what a bank given
     * the same values as tensors holds.
     */
    @Test
    void memoriesCopiedFromAReusedBufferStayTheirOwn() {
        java.util.Random random = new java.util.Random(4);
        MemoryBank fromBuffers = new MemoryBank(3, 4);
        MemoryBank fromTensors = new MemoryBank(3, 4);
        java.nio.FloatBuffer features = org.lptem.ml.onnx.OnnxModel.directFloats(C * HW);
        java.nio.FloatBuffer position = org.lptem.ml.onnx.OnnxModel.directFloats(C * HW);
        long[] shape = {1, C, 1, HW};
        for (int f = 0; f < 12; f++) {
            float[] v = new float[C * HW];
            float[] p = new float[C * HW];
            for (int i = 0; i < v.length; i++) {
                v[i] = random.nextFloat();
                p[i] = f < 6 ? i : random.nextFloat();
            }
            features.clear();
            features.put(v).flip();
            position.clear();
            position.put(p).flip();
            boolean conditioning = f == 0 || f == 7;
            float[] pointer = {f, 1, 2, 3};
            fromBuffers.add(f, conditioning, features, shape, position, pointer);
            fromTensors.add(f, conditioning, new Tensor(v.clone(), shape), new Tensor(p.clone(), new long[] {HW, 1, C}),
                    pointer);
            MemoryBank.Inputs expected = fromTensors.inputs(codes(7));
            MemoryBank.Inputs got = fromBuffers.inputs(codes(7));
            assertArrayEquals(expected.memory().data(), got.memory().data(), 0f, "frame " + f);
            assertArrayEquals(expected.memoryPosition().data(), got.memoryPosition().data(), 0f, "frame " + f);
            assertArrayEquals(expected.pointers().data(), got.pointers().data(), 0f, "frame " + f);
        }
    }

    /**
     * As the video predictor does: feed, then write the frame's memory where the bank says it will be fed from (over
     * the conditioning memory's block) when it can, else add it from a buffer; with prompts now and then and a bank
     * keeping no propagated memory at all. What is fed is always what {@link MemoryBank#inputs} stacks.
     */
    @Test
    void memoriesWrittenWhereTheyWillBeFedMatchTheStackedInputs() {
        java.util.Random random = new java.util.Random(6);
        MemoryBank.Scratch scratch = new MemoryBank.Scratch();
        java.nio.FloatBuffer features = org.lptem.ml.onnx.OnnxModel.directFloats(C * HW);
        java.nio.FloatBuffer position = org.lptem.ml.onnx.OnnxModel.directFloats(C * HW);
        long[] shape = {1, C, 1, HW};
        for (int[] sizes : new int[][] {{7, 16, 7}, {3, 4, 7}, {1, 2, 7}, {9, 3, 4}}) {
            MemoryBank bank = new MemoryBank(sizes[0], sizes[1]);
            Tensor codes = codes(sizes[2]);
            int landings = 0;
            for (int f = 0; f < 40; f++) {
                float[] v = new float[C * HW];
                for (int i = 0; i < v.length; i++) {
                    v[i] = random.nextFloat();
                }
                position.clear();
                for (int i = 0; i < C * HW; i++) {
                    position.put(10 + i);
                }
                position.flip();
                boolean conditioning = f == 0 || random.nextInt(8) == 0;
                java.nio.FloatBuffer landing = conditioning ? null : bank.landing(C * HW);
                float[] pointer = {f, 1, 2, 3};
                if (landing != null) {
                    landing.duplicate().put(v);
                    bank.addLanded(f, landing, shape, position, pointer);
                    landings++;
                } else {
                    features.clear();
                    features.put(v).flip();
                    bank.add(f, conditioning, features, shape, position, pointer);
                }
                MemoryBank.Inputs expected = bank.inputs(codes);
                try (MemoryBank.Fed fed = bank.feed(codes, scratch)) {
                    assertFed(expected.memory(), fed.memory());
                    assertFed(expected.memoryPosition(), fed.memoryPosition());
                    assertFed(expected.pointers(), fed.pointers());
                }
            }
            assertTrue(landings > 20, sizes[0] + " memory frames: " + landings + " memories written in place");
        }
    }

    private static void addRandom(MemoryBank bank, int frame, boolean conditioning, boolean samePosition,
            java.util.Random random) {
        float[] f = new float[C * HW];
        float[] p = new float[C * HW];
        for (int i = 0; i < f.length; i++) {
            f[i] = random.nextFloat();
            p[i] = samePosition ? 10 + i : random.nextFloat();
        }
        bank.add(frame, conditioning, new Tensor(f, new long[] {1, C, 1, HW}), new Tensor(p, new long[] {HW, 1, C}),
                new float[] {frame, -frame, random.nextFloat(), 1});
    }

    private static void assertFed(Tensor expected, org.lptem.ml.onnx.OnnxModel.Resident fed) {
        assertArrayEquals(expected.shape(), fed.shape());
        float[] values = new float[fed.buffer().remaining()];
        fed.buffer().duplicate().get(values);
        assertArrayEquals(expected.data(), values, 0f);
    }
}
