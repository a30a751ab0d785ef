package org.lptem.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A sliding window over a {@link BinaryInput} for parsers that walk many small fields in order (Gatan's tag tree):
 * one file read per window instead of one per field. Every access is bounds-checked by the input, so reading past
 * the end is a "truncated" message naming {@code what}.
 */
final class ByteWindow {
    private static final int CAPACITY = 64 * 1024;

    private final BinaryInput in;
    private final int capacity;
    private long start = -1;
    private ByteBuffer window;

    ByteWindow(BinaryInput in) {
        this(in, CAPACITY);
    }

    /** A smaller window suits headers far apart (AVI chunk headers between frames): no bytes are read twice. */
    ByteWindow(BinaryInput in, int capacity) {
        this.in = in;
        this.capacity = capacity;
    }

    BinaryInput input() {
        return in;
    }

    /** A buffer whose positions {@code [at, at + n)} hold the file's bytes {@code [pos, pos + n)}; returns at. */
    private int ensure(long pos, int n, String what) {
        in.checkRange(pos, n, -1, what);
        if (window == null || pos < start || pos + n > start + window.capacity()) {
            int size = (int) Math.min(Math.max(capacity, n), in.length() - pos);
            window = in.read(pos, size, -1, what);
            start = pos;
        }
        return (int) (pos - start);
    }

    int u8(long pos, String what) {
        return window(pos, 1, what).get(at(pos)) & 0xFF;
    }

    int u16(long pos, ByteOrder order, String what) {
        return window(pos, 2, what).order(order).getShort(at(pos)) & 0xFFFF;
    }

    int i32(long pos, ByteOrder order, String what) {
        return window(pos, 4, what).order(order).getInt(at(pos));
    }

    long i64(long pos, ByteOrder order, String what) {
        return window(pos, 8, what).order(order).getLong(at(pos));
    }

    byte[] bytes(long pos, int n, String what) {
        byte[] out = new byte[n];
        window(pos, n, what).get(at(pos), out);
        return out;
    }

    private ByteBuffer window(long pos, int n, String what) {
        ensure(pos, n, what);
        return window;
    }

    private int at(long pos) {
        return (int) (pos - start);
    }
}
