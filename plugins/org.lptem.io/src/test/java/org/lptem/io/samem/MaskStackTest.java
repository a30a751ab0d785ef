package org.lptem.io.samem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;

import org.junit.jupiter.api.Test;

class MaskStackTest {
    /** Counts the bytes written and checks each 1 where {@code expectOne} says it belongs, keeping nothing. */
    private static final class CheckingSink extends OutputStream {
        private final int pixels;
        long written;
        long ones;
        long misplaced;

        CheckingSink(int pixels) {
            this.pixels = pixels;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) {
                if (b[off + i] != 0) {
                    long pos = written + i;
                    long object = pos / pixels;
                    long pixel = pos % pixels;
                    // object k (id k + 1) owns pixel pixels - 1 - k, see the label image below
                    if (b[off + i] != 1 || pixel != pixels - 1 - object) {
                        misplaced++;
                    }
                    ones++;
                }
            }
            written += len;
        }
    }

    @Test
    void masksOfMoreThanTwoGigabytesAreStreamedWithTheirOnesInPlace() throws Exception {
        // as many objects as pixels: N x H x W = 46341^2 bytes, just over 2^31, where an int size overflowed
        int pixels = 46_341;
        int[] labels = new int[pixels];
        for (int i = 0; i < pixels; i++) {
            labels[i] = pixels - i;
        }
        MaskStack stack = MaskStack.of(labels);
        assertEquals(2_147_488_281L, stack.bytes());
        assertEquals(1, stack.objIds()[0]);
        assertEquals(pixels, stack.objIds()[pixels - 1]);
        CheckingSink sink = new CheckingSink(pixels);
        stack.writeTo(sink);
        assertEquals(2_147_488_281L, sink.written);
        assertEquals(pixels, sink.ones);
        assertEquals(0, sink.misplaced);
    }

    @Test
    void smallStackMatchesTheLabelImage() throws Exception {
        int[] labels = {0, 7, 7, 3, 0, 7};
        MaskStack stack = MaskStack.of(labels);
        assertArrayEquals(new int[] {3, 7}, stack.objIds());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        stack.writeTo(out);
        assertArrayEquals(new byte[] {0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 1}, out.toByteArray());
        assertEquals(0, MaskStack.of(new int[4]).bytes());
        // masks longer than one write block: the ones on either side of a block edge stay in place
        int[] wide = new int[150_000];
        wide[65_535] = 2;
        wide[65_536] = 2;
        wide[140_000] = 5;
        out.reset();
        MaskStack.of(wide).writeTo(out);
        byte[] b = out.toByteArray();
        assertEquals(300_000, b.length);
        int ones = 0;
        for (byte v : b) {
            ones += v;
        }
        assertEquals(3, ones);
        assertEquals(1, b[65_535]);
        assertEquals(1, b[65_536]);
        assertEquals(1, b[150_000 + 140_000]);
    }
}
