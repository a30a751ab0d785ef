package org.lptem.leonardo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named float tensors as raw little-endian bytes: magic {@code LEOT}, count (int32), then per tensor the name
 * (int32 byte length + UTF-8), rank (int32), dimensions (int64 each) and the values (float32, row-major). Readers
 * check every length against what is left, so a truncated or foreign entry fails cleanly.
 */
final class NamedTensors {
    static final int MAGIC = 0x544f454c; // "LEOT" read as little-endian int32
    private static final int MAX_RANK = 8;

    /** A tensor as stored. */
    record Tensor(long[] shape, float[] values) {
    }

    private NamedTensors() {
    }

    static byte[] write(Map<String, Tensor> tensors) {
        long size = 8;
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            size += 8 + e.getKey().getBytes(StandardCharsets.UTF_8).length + 8L * e.getValue().shape().length
                    + 4L * e.getValue().values().length;
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("tensors too large for one entry: " + size + " bytes");
        }
        ByteBuffer b = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(MAGIC).putInt(tensors.size());
        for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
            byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
            b.putInt(name.length).put(name).putInt(e.getValue().shape().length);
            for (long d : e.getValue().shape()) {
                b.putLong(d);
            }
            b.asFloatBuffer().put(e.getValue().values());
            b.position(b.position() + 4 * e.getValue().values().length);
        }
        return b.array();
    }

    /** @throws IllegalArgumentException describing what is wrong with the bytes */
    static Map<String, Tensor> read(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        need(b, 8, "header");
        if (b.getInt() != MAGIC) {
            throw new IllegalArgumentException("not a tensor entry (bad magic number)");
        }
        int count = b.getInt();
        if (count < 0 || count > 100_000) {
            throw new IllegalArgumentException("implausible tensor count " + count);
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            need(b, 4, "tensor " + i + " name length");
            int len = b.getInt();
            if (len < 0 || len > 1000) {
                throw new IllegalArgumentException("tensor " + i + ": implausible name length " + len);
            }
            need(b, len + 4, "tensor " + i + " name");
            byte[] name = new byte[len];
            b.get(name);
            String key = new String(name, StandardCharsets.UTF_8);
            int rank = b.getInt();
            if (rank < 0 || rank > MAX_RANK) {
                throw new IllegalArgumentException("tensor " + key + ": implausible rank " + rank);
            }
            need(b, 8L * rank, "tensor " + key + " shape");
            long[] shape = new long[rank];
            long n = 1;
            for (int d = 0; d < rank; d++) {
                shape[d] = b.getLong();
                if (shape[d] < 0 || shape[d] > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("tensor " + key + ": bad dimension " + shape[d]);
                }
                n *= shape[d];
                if (n > Integer.MAX_VALUE / 4) {
                    throw new IllegalArgumentException("tensor " + key + ": too many values");
                }
            }
            need(b, 4 * n, "tensor " + key + " values");
            float[] values = new float[(int) n];
            b.asFloatBuffer().get(values);
            b.position(b.position() + 4 * (int) n);
            out.put(key, new Tensor(shape, values));
        }
        if (b.hasRemaining()) {
            throw new IllegalArgumentException(b.remaining() + " unexpected bytes after the last tensor");
        }
        return out;
    }

    private static void need(ByteBuffer b, long bytes, String what) {
        if (b.remaining() < bytes) {
            throw new IllegalArgumentException("truncated at " + what + " (needs " + bytes + " bytes, "
                    + b.remaining() + " left)");
        }
    }
}
