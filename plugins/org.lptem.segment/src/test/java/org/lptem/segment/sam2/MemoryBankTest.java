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

    private static void assertFed(Tensor expected, org.lptem.ml.onnx.OnnxModel.Resident fed) {
        assertArrayEquals(expected.shape(), fed.shape());
        float[] values = new float[fed.buffer().remaining()];
        fed.buffer().duplicate().get(values);
        assertArrayEquals(expected.data(), values, 0f);
    }
}
