package org.lptem.segment.filter;

import org.lptem.core.Frame;

/**
 * Block means of {@code factor x factor} pixels, read straight from the frame's samples. Averaging b^2 pixels
 * raises the per-pixel SNR of a particle much larger than a block by b (white noise) and shrinks the work of every
 * later filter by b^2, which is what makes detection at a million pixels per frame cheap.
 */
public final class Binning {
    private Binning() {
    }

    /** Width of the binned image: a partial block at the right edge is a block of its own. */
    public static int binnedSize(int size, int factor) {
        return (size + factor - 1) / factor;
    }

    /**
     * The block means, row-major, {@code binnedSize(width) x binnedSize(height)}; bin (i, j) covers pixels
     * {@code i * factor ..} of the frame, and partial blocks at the right and bottom edges average what they hold.
     */
    public static float[] mean(Frame frame, int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("binning factor must be >= 1, got " + factor);
        }
        int width = frame.width();
        int height = frame.height();
        if (factor == 1) {
            return frame.toFloat();
        }
        int bw = binnedSize(width, factor);
        int bh = binnedSize(height, factor);
        float[] out = new float[bw * bh];
        float[] row = new float[width];
        for (int y = 0; y < height; y++) {
            readRow(frame, y, row);
            int base = (y / factor) * bw;
            for (int bx = 0, x = 0; bx < bw; bx++) {
                int end = Math.min(width, x + factor);
                float s = 0;
                for (; x < end; x++) {
                    s += row[x];
                }
                out[base + bx] += s;
            }
        }
        for (int by = 0; by < bh; by++) {
            int rows = Math.min(height, (by + 1) * factor) - by * factor;
            for (int bx = 0; bx < bw; bx++) {
                int cols = Math.min(width, (bx + 1) * factor) - bx * factor;
                out[by * bw + bx] /= rows * cols;
            }
        }
        return out;
    }

    /** Row {@code y} of the frame as floats, with the type dispatch outside the pixel loop. */
    public static void readRow(Frame frame, int y, float[] row) {
        readRow(frame, y, 0, frame.width(), row, 0);
    }

    /** Pixels {@code x0 .. x1 - 1} of row {@code y} into {@code out} from {@code at}. */
    public static void readRow(Frame frame, int y, int x0, int x1, float[] out, int at) {
        int start = y * frame.width() + x0;
        int n = x1 - x0;
        switch (frame.type()) {
            case UINT8 -> {
                byte[] s = (byte[]) frame.samples();
                for (int i = 0; i < n; i++) {
                    out[at + i] = s[start + i] & 0xFF;
                }
            }
            case UINT16 -> {
                short[] s = (short[]) frame.samples();
                for (int i = 0; i < n; i++) {
                    out[at + i] = s[start + i] & 0xFFFF;
                }
            }
            case INT16 -> {
                short[] s = (short[]) frame.samples();
                for (int i = 0; i < n; i++) {
                    out[at + i] = s[start + i];
                }
            }
            case FLOAT32 -> System.arraycopy(frame.samples(), start, out, at, n);
            default -> {
                for (int i = 0; i < n; i++) {
                    out[at + i] = (float) frame.get(start + i);
                }
            }
        }
    }
}
