package org.lptem.segment.sam2;

import org.lptem.core.LptemException;

/**
 * The decoder's mask logits back on the original frame, as SAM2's predictors do it: bilinear upsampling of the
 * low-resolution logits (256 x 256 over the model's 1024 frame) straight to the original size, threshold at logit
 * 0, then holes of at most {@code maxHoleArea} pixels filled. Only the window around the positive logits is
 * upsampled: a particle covers a small part of the frame, and upsampling everything would cost more than the rest of
 * the Java side.
 */
public final class MaskPostprocessor {
    private final int width;
    private final int height;
    private final int lowRes;
    private final int maxHoleArea;
    private final Resampler x;
    private final Resampler y;
    /** The flood fill's visited flags and queue, reused mask after mask (one window's size is often the frame's). */
    private boolean[] seen;
    private int[] queue;

    /**
     * @param lowRes side of the decoder's low-resolution masks (256 for SAM2)
     * @param maxHoleArea largest hole filled, px^2 (0 fills none)
     */
    public MaskPostprocessor(int width, int height, int lowRes, int maxHoleArea) {
        if (maxHoleArea < 0) {
            throw new LptemException("largest hole to fill must be >= 0 px^2, got " + maxHoleArea);
        }
        this.width = width;
        this.height = height;
        this.lowRes = lowRes;
        this.maxHoleArea = maxHoleArea;
        this.x = new Resampler(lowRes, width);
        this.y = new Resampler(lowRes, height);
    }

    /** The mask from {@code lowRes x lowRes} logits over the model frame. */
    public ObjectMask fromLowRes(float[] logits) {
        if (logits.length != lowRes * lowRes) {
            throw new IllegalArgumentException(logits.length + " logits are not " + lowRes + " x " + lowRes);
        }
        int[] box = positiveBounds(logits, lowRes, lowRes);
        if (box == null) {
            return ObjectMask.empty();
        }
        int[] cols = x.reach(box[0], box[2]);
        int[] rows = y.reach(box[1], box[3]);
        int w = cols[1] - cols[0];
        int h = rows[1] - rows[0];
        float[] window = new float[w * h];
        Resampler.resample(logits, lowRes, lowRes, x, y, cols[0], cols[1], rows[0], rows[1], window);
        return finish(cols[0], rows[0], w, h, window);
    }

    /** The mask from logits already at the original size (exports that upsample inside the model). */
    public ObjectMask fromFullRes(float[] logits) {
        if (logits.length != width * height) {
            throw new IllegalArgumentException(logits.length + " logits are not " + width + " x " + height);
        }
        int[] box = positiveBounds(logits, width, height);
        if (box == null) {
            return ObjectMask.empty();
        }
        int x0 = Math.max(0, box[0] - 1);
        int y0 = Math.max(0, box[1] - 1);
        int w = Math.min(width, box[2] + 2) - x0;
        int h = Math.min(height, box[3] + 2) - y0;
        float[] window = new float[w * h];
        for (int r = 0; r < h; r++) {
            System.arraycopy(logits, (y0 + r) * width + x0, window, r * w, w);
        }
        return finish(x0, y0, w, h, window);
    }

    private ObjectMask finish(int x0, int y0, int w, int h, float[] window) {
        boolean[] inside = new boolean[window.length];
        boolean any = false;
        for (int i = 0; i < window.length; i++) {
            inside[i] = window[i] > 0;
            any |= inside[i];
        }
        if (!any) {
            return ObjectMask.empty();
        }
        fillSmallHoles(inside, w, h);
        return new ObjectMask(x0, y0, w, h, window, inside);
    }

    /**
     * Fills background components (4-connected) of at most {@code maxHoleArea} pixels enclosed by the mask, i.e. not
     * reaching the window's edge (beyond which the background goes on).
     */
    void fillSmallHoles(boolean[] inside, int w, int h) {
        if (maxHoleArea == 0) {
            return;
        }
        if (seen == null || seen.length < inside.length) {
            seen = new boolean[inside.length];
            queue = new int[inside.length];
        } else {
            java.util.Arrays.fill(seen, 0, inside.length, false);
        }
        for (int s = 0; s < inside.length; s++) {
            if (inside[s] || seen[s]) {
                continue;
            }
            int tail = 0;
            queue[tail++] = s;
            seen[s] = true;
            boolean open = false;
            for (int head = 0; head < tail; head++) {
                int p = queue[head];
                int px = p % w;
                int py = p / w;
                open |= px == 0 || py == 0 || px == w - 1 || py == h - 1;
                if (px > 0 && !inside[p - 1] && !seen[p - 1]) {
                    seen[p - 1] = true;
                    queue[tail++] = p - 1;
                }
                if (px < w - 1 && !inside[p + 1] && !seen[p + 1]) {
                    seen[p + 1] = true;
                    queue[tail++] = p + 1;
                }
                if (py > 0 && !inside[p - w] && !seen[p - w]) {
                    seen[p - w] = true;
                    queue[tail++] = p - w;
                }
                if (py < h - 1 && !inside[p + w] && !seen[p + w]) {
                    seen[p + w] = true;
                    queue[tail++] = p + w;
                }
            }
            if (!open && tail <= maxHoleArea) {
                for (int k = 0; k < tail; k++) {
                    inside[queue[k]] = true;
                }
            }
        }
    }

    /** {minX, minY, maxX, maxY} of the positive values, or null when there are none. */
    private static int[] positiveBounds(float[] v, int w, int h) {
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int r = 0; r < h; r++) {
            int base = r * w;
            for (int c = 0; c < w; c++) {
                if (v[base + c] > 0) {
                    minX = Math.min(minX, c);
                    maxX = Math.max(maxX, c);
                    minY = Math.min(minY, r);
                    maxY = Math.max(maxY, r);
                }
            }
        }
        return maxX < 0 ? null : new int[] {minX, minY, maxX, maxY};
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }
}
