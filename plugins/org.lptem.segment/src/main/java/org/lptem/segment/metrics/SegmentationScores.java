package org.lptem.segment.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Segmentation quality over a set of frames. Per-frame values are averaged over frames, per-object values over
 * (true object, frame) instances, counts summed.
 *
 * @param frames frames scored
 * @param truthObjects true regions, summed over frames
 * @param predObjects predicted regions, summed over frames
 * @param iou mean per frame of the foreground IoU (all regions against background; false positives count)
 * @param dice mean per frame of the foreground Dice
 * @param j DAVIS region similarity: mean IoU of each true object with the predicted region matched to it (greedy
 *     by IoU, any overlap), 0 for an unmatched one
 * @param f DAVIS contour accuracy: mean boundary F of the same pairs, 0 for an unmatched object
 * @param jAndF (j + f) / 2
 * @param truePositives detections: matched pairs with IoU >= 0.5
 * @param falsePositives predicted regions without such a match
 * @param falseNegatives true regions without such a match
 * @param precision TP / (TP + FP) (NaN without predictions)
 * @param recall TP / (TP + FN) (NaN without true objects)
 * @param f1 detection F1 at IoU >= 0.5, 2 TP / (2 TP + FP + FN)
 * @param centroidErrorPx mean distance between the centroids of the object pairs of {@code j} (NaN without pairs)
 * @param orientationErrorDeg mean orientation difference modulo 180 degrees of those pairs whose true region is
 *     elongated (NaN without any)
 * @param orientedPairs number of pairs in {@code orientationErrorDeg}
 * @param boundaryTolerancePx the tolerance F was computed with
 */
public record SegmentationScores(int frames, long truthObjects, long predObjects, double iou, double dice, double j,
        double f, double jAndF, long truePositives, long falsePositives, long falseNegatives, double precision,
        double recall, double f1, double centroidErrorPx, double orientationErrorDeg, long orientedPairs,
        double boundaryTolerancePx) {

    /** The scores by name, in a fixed order, for tables and JSON. */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("frames", (double) frames);
        m.put("truth_objects", (double) truthObjects);
        m.put("pred_objects", (double) predObjects);
        m.put("iou", iou);
        m.put("dice", dice);
        m.put("j", j);
        m.put("f", f);
        m.put("j_and_f", jAndF);
        m.put("tp", (double) truePositives);
        m.put("fp", (double) falsePositives);
        m.put("fn", (double) falseNegatives);
        m.put("precision", precision);
        m.put("recall", recall);
        m.put("f1", f1);
        m.put("centroid_error_px", centroidErrorPx);
        m.put("orientation_error_deg", orientationErrorDeg);
        m.put("oriented_pairs", (double) orientedPairs);
        m.put("boundary_tolerance_px", boundaryTolerancePx);
        return m;
    }
}
