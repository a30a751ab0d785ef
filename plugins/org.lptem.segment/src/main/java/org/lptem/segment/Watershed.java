package org.lptem.segment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lptem.core.math.LongMinHeap;
import org.lptem.segment.filter.DistanceTransform;

/**
 * Marker-based watershed on a "height" map, where height says how deep inside a particle a pixel lies (the distance
 * to the background, or the contrast of the smoothed image). Flooding goes from the deepest pixels outwards, so
 * touching particles are cut along the shallowest ridge between their markers; {@link #mergeShallowRidges} then
 * joins basins that were never separate particles (a rod's medial axis has many equal maxima).
 */
public final class Watershed {
    private static final int[] DX = {-1, 0, 1, -1, 1, -1, 0, 1};
    private static final int[] DY = {-1, -1, -1, 0, 0, 1, 1, 1};

    /** Distance-map maxima lower than this (px) are no particle centres: a 1-pixel-wide sliver has no core. */
    static final double MIN_MARKER_DEPTH_PX = 1.5;

    private Watershed() {
    }

    /**
     * Cuts touching particles of a mask apart: markers at the maxima of the distance to the background, a watershed
     * on that distance inside the mask, and basins joined again where the neck between them is not narrower than
     * {@code ridgeRatio} of the smaller one's depth (a rod's axis, a dumbbell's fat waist). Regions without a
     * marker stay whole.
     *
     * @param labels in: the mask's connected components; out: the regions, 1..n in raster order
     * @return n, the number of regions
     */
    public static int splitTouching(boolean[] mask, int[] labels, int width, int height, double ridgeRatio) {
        float[] depth = DistanceTransform.insideDistance(mask, width, height);
        int[] basins = Watershed.regionalMaxima(depth, mask, width, MIN_MARKER_DEPTH_PX);
        Watershed.flood(depth, mask, basins, width, height);
        int split = LabelImages.maxLabel(basins);
        // pieces the flood did not reach (no marker deep enough) stay whole, numbered after the basins
        int[] offset = new int[LabelImages.maxLabel(labels) + 1];
        for (int i = 0; i < labels.length; i++) {
            if (mask[i] && basins[i] == 0) {
                if (offset[labels[i]] == 0) {
                    offset[labels[i]] = ++split;
                }
                basins[i] = offset[labels[i]];
            }
        }
        int count = Watershed.mergeShallowRidges(basins, depth, width, ridgeRatio);
        System.arraycopy(basins, 0, labels, 0, labels.length);
        return count;
    }

    /**
     * Grows the markers over the allowed pixels, 8-connected, deepest first (ties in the order they were reached).
     *
     * @param labels in: marker labels (> 0) and 0 elsewhere; out: every allowed pixel connected to a marker carries
     *     the label of the basin that reached it first. Markers need not be allowed pixels.
     */
    public static void flood(float[] height, boolean[] allowed, int[] labels, int width, int imageHeight) {
        int n = labels.length;
        if (height.length != n || allowed.length != n || (long) width * imageHeight != n) {
            throw new IllegalArgumentException("height, mask and labels must all be " + width + " x " + imageHeight);
        }
        PixelHeap heap = new PixelHeap();
        for (int i = 0; i < n; i++) {
            if (labels[i] > 0) {
                heap.push(height[i], i);
            }
        }
        while (!heap.isEmpty()) {
            int p = heap.pop();
            int px = p % width;
            int py = p / width;
            for (int k = 0; k < 8; k++) {
                int qx = px + DX[k];
                int qy = py + DY[k];
                if (qx < 0 || qy < 0 || qx >= width || qy >= imageHeight) {
                    continue;
                }
                int q = qy * width + qx;
                if (allowed[q] && labels[q] == 0) {
                    labels[q] = labels[p];
                    heap.push(height[q], q);
                }
            }
        }
    }

    /**
     * Joins touching basins whose ridge is not a real gap: basins a and b merge when the highest pass between them
     * (the best of min(height p, height q) over 8-adjacent pixels p in a, q in b) reaches {@code ratio} times the
     * lower of their peaks. Two touching discs meet at a narrow neck (a low pass), while maxima along one rod's axis
     * are joined by a pass as high as the peaks. For exact heights such as distances to the background. Labels are
     * then renumbered 1..n in raster order of their first pixel.
     *
     * @return n, the number of regions left
     */
    public static int mergeShallowRidges(int[] labels, float[] height, int width, double ratio) {
        return merge(labels, height, width, (ridge, a, b) -> ridge.pass >= ratio * Math.min(a.peak, b.peak));
    }

    /**
     * Joins touching basins whose dividing line is, on average, at least {@code ratio} high and at least {@code
     * ratio} times as long as the narrower basin is wide (its minor axis): for noisy heights normalised so that a
     * particle's core is at 1 (relative contrast). Single pixels then decide nothing; a line through one particle (a
     * rod cut across) is high and as long as the particle is wide, while the line between two particles runs along
     * their dim rims or, where they overlap without a dip (flat particles), across a narrow neck. Labels are then
     * renumbered 1..n in raster order of their first pixel.
     *
     * @return n, the number of regions left
     */
    public static int mergeHighDividingLines(int[] labels, float[] height, int width, double ratio) {
        return merge(labels, height, width, (ridge, a, b) -> ridge.sum / ridge.pixels >= ratio
                && ridge.length() >= ratio * Math.min(a.width, b.width));
    }

    /** Heights along the line between two basins: the highest pass, the sum and count of the passes. */
    private static final class Ridge {
        float pass = Float.NEGATIVE_INFINITY;
        double sum;
        long pixels;
        /** Pixels of either basin with an 8-neighbour in the other. */
        long borderPixels;

        /** Length of the line, px: each side contributes one pixel per unit of length. */
        double length() {
            return borderPixels / 2.0;
        }
    }

    /** A basin's deepest point and its width (the minor axis of its moment ellipse, px). */
    private record Basin(double peak, double width) {
    }

    @FunctionalInterface
    private interface MergeRule {
        boolean joins(Ridge ridge, Basin a, Basin b);
    }

    private static int merge(int[] labels, float[] height, int width, MergeRule rule) {
        int count = LabelImages.maxLabel(labels);
        float[] peak = new float[count + 1];
        java.util.Arrays.fill(peak, Float.NEGATIVE_INFINITY);
        Map<Long, Ridge> ridges = new HashMap<>();
        int imageHeight = labels.length / width;
        int[] seen = new int[8];
        for (int i = 0; i < labels.length; i++) {
            int a = labels[i];
            if (a == 0) {
                continue;
            }
            peak[a] = Math.max(peak[a], height[i]);
            int x = i % width;
            int y = i / width;
            int distinct = 0;
            for (int k = 0; k < 8; k++) {
                int qx = x + DX[k];
                int qy = y + DY[k];
                if (qx < 0 || qy < 0 || qx >= width || qy >= imageHeight) {
                    continue;
                }
                int b = labels[qy * width + qx];
                if (b == 0 || b == a) {
                    continue;
                }
                Ridge r = ridges.computeIfAbsent((long) Math.min(a, b) << 32 | Math.max(a, b), key -> new Ridge());
                if (!contains(seen, distinct, b)) {
                    seen[distinct++] = b;
                    r.borderPixels++;
                }
                // each unordered pixel pair once: from the pixel with the lower index
                if (qy * width + qx > i) {
                    float pass = Math.min(height[i], height[qy * width + qx]);
                    r.pass = Math.max(r.pass, pass);
                    r.sum += pass;
                    r.pixels++;
                }
            }
        }
        RegionMoments moments = RegionMoments.measure(labels, count, width);
        Basin[] basins = new Basin[count + 1];
        for (int l = 1; l <= count; l++) {
            basins[l] = new Basin(peak[l], moments.area(l) == 0 ? 0 : moments.minorAxis(l));
        }
        List<Map.Entry<Long, Ridge>> order = new ArrayList<>(ridges.entrySet());
        // highest passes first, so chains of basins merge before weaker links are judged; keys break ties
        order.sort((e1, e2) -> e1.getValue().pass == e2.getValue().pass ? Long.compare(e1.getKey(), e2.getKey())
                : Float.compare(e2.getValue().pass, e1.getValue().pass));
        int[] parent = new int[count + 1];
        for (int l = 0; l <= count; l++) {
            parent[l] = l;
        }
        for (Map.Entry<Long, Ridge> e : order) {
            int ra = find(parent, (int) (e.getKey() >>> 32));
            int rb = find(parent, (int) (long) e.getKey());
            if (ra != rb && rule.joins(e.getValue(), basins[ra], basins[rb])) {
                parent[rb] = ra;
                basins[ra] = new Basin(Math.max(basins[ra].peak, basins[rb].peak),
                        Math.max(basins[ra].width, basins[rb].width));
            }
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0) {
                labels[i] = find(parent, labels[i]);
            }
        }
        return LabelImages.compactInRasterOrder(labels);
    }

    private static boolean contains(int[] values, int n, int v) {
        for (int i = 0; i < n; i++) {
            if (values[i] == v) {
                return true;
            }
        }
        return false;
    }

    private static int find(int[] parent, int l) {
        while (parent[l] != l) {
            parent[l] = parent[parent[l]];
            l = parent[l];
        }
        return l;
    }

    /**
     * Markers at the regional maxima of {@code height} inside the mask: 8-connected plateaus of pixels no lower than
     * any 8-neighbour in the mask and at least {@code minHeight}. Returns the marker image (labels 1..n).
     */
    public static int[] regionalMaxima(float[] height, boolean[] mask, int width, double minHeight) {
        int n = height.length;
        int imageHeight = n / width;
        boolean[] maximum = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (!mask[i] || !(height[i] >= minHeight)) {
                continue;
            }
            int x = i % width;
            int y = i / width;
            boolean top = true;
            for (int k = 0; k < 8 && top; k++) {
                int qx = x + DX[k];
                int qy = y + DY[k];
                if (qx >= 0 && qy >= 0 && qx < width && qy < imageHeight) {
                    int q = qy * width + qx;
                    top = !mask[q] || height[q] <= height[i];
                }
            }
            maximum[i] = top;
        }
        int[] markers = new int[n];
        ConnectedComponents.label(maximum, width, imageHeight, markers);
        // A plateau is a maximum only as a whole: one of its pixels next to a higher pixel is no maximum, so a set of
        // maximum pixels with an equal (or higher) neighbour outside it sits on a plateau that rises elsewhere.
        int count = LabelImages.maxLabel(markers);
        boolean[] beaten = new boolean[count + 1];
        for (int i = 0; i < n; i++) {
            int m = markers[i];
            if (m == 0) {
                continue;
            }
            int x = i % width;
            int y = i / width;
            for (int k = 0; k < 8; k++) {
                int qx = x + DX[k];
                int qy = y + DY[k];
                if (qx >= 0 && qy >= 0 && qx < width && qy < imageHeight) {
                    int q = qy * width + qx;
                    if (mask[q] && markers[q] != m && height[q] >= height[i]) {
                        beaten[m] = true;
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (beaten[markers[i]]) {
                markers[i] = 0;
            }
        }
        LabelImages.compactInRasterOrder(markers);
        return markers;
    }

    /** Pixels in flooding order: descending height, then first come first served. */
    private static final class PixelHeap {
        private final LongMinHeap heap = new LongMinHeap(256);
        private int arrivals;

        boolean isEmpty() {
            return heap.isEmpty();
        }

        void push(float height, int pixel) {
            // NaN sorts as the lowest height
            float h = Float.isNaN(height) ? Float.NEGATIVE_INFINITY : height;
            heap.push((long) LongMinHeap.descending(h) << 32 | (arrivals++ & 0xFFFFFFFFL), pixel);
        }

        int pop() {
            return heap.pop();
        }
    }
}
