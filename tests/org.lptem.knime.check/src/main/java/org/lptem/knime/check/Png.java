package org.lptem.knime.check;

import java.nio.ByteBuffer;

/** Reads the size from a PNG header; KNIME shows node and category icons at 16x16. */
public final class Png {
    private static final byte[] SIGNATURE = {(byte)0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private Png() {
    }

    /** Width and height of a PNG, or null if {@code bytes} is not a PNG. */
    public static int[] size(final byte[] bytes) {
        if (bytes.length < 24) {
            return null;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (bytes[i] != SIGNATURE[i]) {
                return null;
            }
        }
        ByteBuffer b = ByteBuffer.wrap(bytes); // big-endian, as PNG
        if (b.getInt(12) != 0x49484452) { // "IHDR" must come first
            return null;
        }
        return new int[]{b.getInt(16), b.getInt(20)};
    }
}
