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
        return area() == 0;
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
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int i = 0; i < inside.length; i++) {
            if (inside[i]) {
                int x = i % width;
                int y = i / width;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
            }
        }
        return maxX < 0 ? null : new Box(x0 + minX, y0 + minY, x0 + maxX, y0 + maxY);
    }
}
