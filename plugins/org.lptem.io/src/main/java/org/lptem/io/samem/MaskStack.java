package org.lptem.io.samem;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * SAM-EM's {@code masks} array (uint8, N x H x W, 1 inside) for one label image, written to a stream rather than
 * built: N x H x W reaches 2^31 bytes for a 4096 x 4096 frame with 128 objects, beyond any Java array, while the
 * pixels it marks are at most H x W.
 */
final class MaskStack {
    private static final int BLOCK = 64 * 1024;

    private final int[] objIds;
    /** For each object (in {@link #objIds} order) its pixels' row-major indices, ascending. */
    private final int[][] pixels;
    private final int pixelCount;

    private MaskStack(int[] objIds, int[][] pixels, int pixelCount) {
        this.objIds = objIds;
        this.pixels = pixels;
        this.pixelCount = pixelCount;
    }

    /** The masks of every non-zero value of {@code labels}, objects in increasing id order as SAM-EM writes them. */
    static MaskStack of(int[] labels) {
        TreeSet<Integer> ids = new TreeSet<>();
        for (int l : labels) {
            if (l != 0) {
                ids.add(l);
            }
        }
        int[] objIds = ids.stream().mapToInt(Integer::intValue).toArray();
        int[] counts = new int[objIds.length];
        for (int l : labels) {
            if (l != 0) {
                counts[Arrays.binarySearch(objIds, l)]++;
            }
        }
        int[][] pixels = new int[objIds.length][];
        for (int k = 0; k < objIds.length; k++) {
            pixels[k] = new int[counts[k]];
        }
        int[] filled = new int[objIds.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0) {
                int k = Arrays.binarySearch(objIds, labels[i]);
                pixels[k][filled[k]++] = i;
            }
        }
        return new MaskStack(objIds, pixels, labels.length);
    }

    int[] objIds() {
        return objIds.clone();
    }

    /** Size of the array's data: N x H x W bytes, which need not fit an int. */
    long bytes() {
        return (long) objIds.length * pixelCount;
    }

    /** Writes the data, C order: object by object, each mask row by row, one bounded block at a time. */
    void writeTo(OutputStream out) throws IOException {
        byte[] block = new byte[Math.min(pixelCount, BLOCK)];
        for (int[] marked : pixels) {
            int m = 0;
            for (int start = 0; start < pixelCount; start += block.length) {
                int n = Math.min(block.length, pixelCount - start);
                Arrays.fill(block, 0, n, (byte) 0);
                for (; m < marked.length && marked[m] < start + n; m++) {
                    block[marked[m] - start] = 1;
                }
                out.write(block, 0, n);
            }
        }
    }
}
