package org.lptem.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.lptem.core.Detection;
import org.lptem.core.Frame;
import org.lptem.core.LptemException;

/**
 * The result of segmenting one frame: a label image (0 = background, region k has label k) and one detection per
 * region, in label order.
 *
 * @param frame 0-based frame index
 * @param labels row-major label image of {@code width x height} (not copied)
 */
public record Segmentation(int frame, int width, int height, int[] labels, List<Detection> detections) {

    public Segmentation {
        if (width <= 0 || height <= 0 || (long) width * height != labels.length) {
            throw new IllegalArgumentException(
                    "label image of " + labels.length + " px does not fit " + width + " x " + height);
        }
        detections = List.copyOf(detections);
    }

    /**
     * The regions of a label image that pass the size and score filters, renumbered 1..n in their order (raster order
     * when the labels were), with one detection each. {@code labels} is renumbered in place and becomes the result's.
     *
     * @param labels row-major regions 1..moments.count()
     * @param moments the regions' moments (and mean intensities)
     * @param score each region's score in [0, 1], by label
     */
    public static Segmentation filtered(int frame, int width, int height, int[] labels, RegionMoments moments,
            IntToDoubleFunction score, double minAreaPx, double maxAreaPx, double minScore) {
        int count = moments.count();
        int[] renumbered = new int[count + 1];
        List<Detection> detections = new ArrayList<>();
        for (int l = 1; l <= count; l++) {
            long area = moments.area(l);
            if (area == 0 || area < minAreaPx || area > maxAreaPx) {
                continue;
            }
            double s = score.applyAsDouble(l);
            if (s < minScore) {
                continue;
            }
            renumbered[l] = detections.size() + 1;
            detections.add(moments.toDetection(l, frame, s, renumbered[l]));
        }
        for (int i = 0; i < labels.length; i++) {
            labels[i] = renumbered[labels[i]];
        }
        return new Segmentation(frame, width, height, labels, detections);
    }

    /** The labels as a 16-bit unsigned frame, the type label images are written in. */
    public Frame labelFrame() {
        int max = 0;
        for (int l : labels) {
            max = Math.max(max, l);
        }
        if (max > 65535) {
            throw new LptemException(null, frame, max + " labels do not fit a 16-bit label image (at most 65535)",
                    null);
        }
        short[] s = new short[labels.length];
        for (int i = 0; i < labels.length; i++) {
            s[i] = (short) labels[i];
        }
        return Frame.ofShorts(width, height, s, false);
    }
}
