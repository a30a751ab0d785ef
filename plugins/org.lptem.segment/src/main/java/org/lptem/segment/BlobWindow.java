package org.lptem.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The part of a frame a group of blobs is outlined in: the union of their windows, grown until no two groups'
 * windows overlap, so that every pixel is decided in one place. Coordinates [x0, x1) x [y0, y1) in frame pixels.
 */
record BlobWindow(int x0, int y0, int x1, int y1, List<Blob> blobs) {

    int width() {
        return x1 - x0;
    }

    int height() {
        return y1 - y0;
    }

    /**
     * Groups the blobs: each gets the square of half-width {@code reach(blob)} around its centre (cut to the frame),
     * and overlapping squares are joined into their bounding box until none overlap.
     */
    static List<BlobWindow> group(List<Blob> blobs, ToDoubleFunction<Blob> reach, int width, int height) {
        List<BlobWindow> windows = new ArrayList<>();
        for (Blob b : blobs) {
            double r = reach.applyAsDouble(b);
            windows.add(new BlobWindow(Math.max(0, (int) Math.floor(b.x() - r)),
                    Math.max(0, (int) Math.floor(b.y() - r)), Math.min(width, (int) Math.ceil(b.x() + r) + 1),
                    Math.min(height, (int) Math.ceil(b.y() + r) + 1), List.of(b)));
        }
        boolean merged = true;
        while (merged) {
            merged = false;
            for (int i = 0; i < windows.size() && !merged; i++) {
                for (int j = i + 1; j < windows.size(); j++) {
                    BlobWindow a = windows.get(i);
                    BlobWindow c = windows.get(j);
                    if (a.overlaps(c)) {
                        windows.set(i, a.joinedWith(c));
                        windows.remove(j);
                        merged = true;
                        break;
                    }
                }
            }
        }
        return windows;
    }

    boolean overlaps(BlobWindow o) {
        return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
    }

    private BlobWindow joinedWith(BlobWindow o) {
        List<Blob> both = new ArrayList<>(blobs);
        both.addAll(o.blobs);
        return new BlobWindow(Math.min(x0, o.x0), Math.min(y0, o.y0), Math.max(x1, o.x1), Math.max(y1, o.y1), both);
    }
}
