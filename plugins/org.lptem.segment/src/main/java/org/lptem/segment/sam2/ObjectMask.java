package org.lptem.segment.sam2;

/**
 * One object's mask on the original frame, kept as the window around its pixels: the logits there (to decide which
 * object owns a contested pixel) and the pixels inside (logit > 0, small holes filled).
 *
 * @param x0 left column of the window
 * @param y0 top row of the window
 * @param width window width (0 for an empty mask)
 * @param height window height
 * @param logits row-major logits of the window
 * @param inside row-major membership of the window
 */
public record ObjectMask(int x0, int y0, int width, int height, float[] logits, boolean[] inside) {

    public static ObjectMask empty() {
        return new ObjectMask(0, 0, 0, 0, new float[0], new boolean[0]);
    }

    public long area() {
        long n = 0;
        for (boolean b : inside) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    public boolean isEmpty() {
        for (boolean b : inside) {
            if (b) {
                return false;
            }
        }
        return true;
    }

    /** Whether frame pixel (x, y) is inside. */
    public boolean contains(int x, int y) {
        int cx = x - x0;
        int cy = y - y0;
        return cx >= 0 && cy >= 0 && cx < width && cy < height && inside[cy * width + cx];
    }

    /** The logit at frame pixel (x, y); negative infinity outside the window. */
    public float logit(int x, int y) {
        int cx = x - x0;
        int cy = y - y0;
        return cx >= 0 && cy >= 0 && cx < width && cy < height ? logits[cy * width + cx] : Float.NEGATIVE_INFINITY;
    }

    /** The tight box of the inside pixels, or null when empty. */
    public Box bounds() {
        int minY = 0;
        while (minY < height && !anyInRow(minY, 0, width)) {
            minY++;
        }
        if (minY == height) {
            return null;
        }
        int maxY = height - 1;
        while (!anyInRow(maxY, 0, width)) {
            maxY--;
        }
        // per row, only the columns beyond the bounds found so far are looked at: a filled mask costs a few pixels a
        // row rather than the whole window
        int minX = width;
        int maxX = -1;
        for (int y = minY; y <= maxY; y++) {
            int row = y * width;
            for (int x = 0; x < minX; x++) {
                if (inside[row + x]) {
                    minX = x;
                    break;
                }
            }
            for (int x = width - 1; x > maxX; x--) {
                if (inside[row + x]) {
                    maxX = x;
                    break;
                }
            }
        }
        return new Box(x0 + minX, y0 + minY, x0 + maxX, y0 + maxY);
    }

    private boolean anyInRow(int y, int from, int to) {
        for (int i = y * width + from, end = y * width + to; i < end; i++) {
            if (inside[i]) {
                return true;
            }
        }
        return false;
    }
}
