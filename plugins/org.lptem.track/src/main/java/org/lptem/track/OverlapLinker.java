package org.lptem.track;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.lptem.core.Frame;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;
import org.lptem.core.Track;
import org.lptem.core.Detection;

/**
 * Links the regions of consecutive label images by how much they overlap: for each pair of consecutive frames, the
 * intersection over union (IoU) of every pair of touching regions, then the one-to-one assignment that maximises
 * the total IoU among pairs with IoU >= {@code minIoU}. Suited to segmenters whose masks are good but whose ids
 * are not kept across frames, and to slow particles whose regions overlap from frame to frame. A detection is
 * found by its frame and its {@link Detection#label()} in that frame's label image.
 */
public final class OverlapLinker implements Linker {
    private final IntFunction<Frame> labelImage;
    private final double minIoU;

    /**
     * @param labelImage the label image of a frame (0 = background, region k = value k), same size for all frames
     * @param minIoU smallest overlap linked, in (0, 1]
     */
    public OverlapLinker(IntFunction<Frame> labelImage, double minIoU) {
        if (!(minIoU > 0 && minIoU <= 1)) {
            throw new LptemException("minimum overlap (IoU) must be in (0, 1], got " + minIoU);
        }
        this.labelImage = labelImage;
        this.minIoU = minIoU;
    }

    @Override
    public List<Track> link(List<Detection> detections, Progress progress) {
        DetectionTable table = DetectionTable.of(detections);
        LinkGraph graph = new LinkGraph(table);
        AssignmentProblem problem = new AssignmentProblem(0, 0);
        Frame previous = null;
        for (int k = 0; k < table.frames.length; k++) {
            progress.checkCanceled();
            progress.report((double) k / table.frames.length, "overlap linking frame " + table.frames[k]);
            Frame current = labelImage.apply(table.frames[k]);
            if (k > 0 && table.frames[k] == table.frames[k - 1] + 1) {
                linkPair(table, graph, problem, k, previous, current);
            }
            previous = current;
        }
        progress.report(1, "linked by overlap");
        return graph.tracks(null);
    }

    private void linkPair(DetectionTable table, LinkGraph graph, AssignmentProblem problem, int k, Frame a,
            Frame b) {
        if (a.width() != b.width() || a.height() != b.height()) {
            throw new LptemException(null, table.frames[k], "label image is " + b.width() + " x " + b.height()
                    + " but the previous one is " + a.width() + " x " + a.height(), null);
        }
        Map<Integer, Integer> areaA = new HashMap<>();
        Map<Integer, Integer> areaB = new HashMap<>();
        Map<Long, Integer> overlap = new HashMap<>();
        int n = a.width() * a.height();
        for (int i = 0; i < n; i++) {
            int la = (int) a.get(i);
            int lb = (int) b.get(i);
            if (la != 0) {
                areaA.merge(la, 1, Integer::sum);
            }
            if (lb != 0) {
                areaB.merge(lb, 1, Integer::sum);
            }
            if (la != 0 && lb != 0) {
                overlap.merge(((long) la << 32) | (lb & 0xFFFFFFFFL), 1, Integer::sum);
            }
        }
        int sources = table.start[k - 1];
        int targets = table.start[k];
        Map<Integer, Integer> rowOfLabel = indexByLabel(table, sources, targets);
        Map<Integer, Integer> colOfLabel = indexByLabel(table, targets, table.start[k + 1]);
        problem.reset(targets - sources, table.start[k + 1] - targets);
        // Leaving both unmatched costs 1 + 1, more than any pair (1 - IoU < 1): every overlap above the threshold
        // is taken unless a larger one competes for the same region.
        problem.setUnmatchedCosts(1, 1);
        for (Map.Entry<Long, Integer> e : overlap.entrySet()) {
            int la = (int) (e.getKey() >>> 32);
            int lb = (int) (long) e.getKey();
            double iou = e.getValue() / (double) (areaA.get(la) + areaB.get(lb) - e.getValue());
            Integer r = rowOfLabel.get(la);
            Integer c = colOfLabel.get(lb);
            if (iou >= minIoU && r != null && c != null) {
                problem.add(r, c, 1 - iou);
            }
        }
        int[] colOfRow = problem.solve().colOfRow();
        for (int r = 0; r < colOfRow.length; r++) {
            if (colOfRow[r] >= 0) {
                graph.link(sources + r, targets + colOfRow[r]);
            }
        }
    }

    /** Label -> position among the detections {@code from..to-1} of one frame; label 0 is no region. */
    private static Map<Integer, Integer> indexByLabel(DetectionTable table, int from, int to) {
        Map<Integer, Integer> index = new HashMap<>();
        for (int i = from; i < to; i++) {
            int label = table.detections[i].label();
            if (label != 0 && index.put(label, i - from) != null) {
                throw new LptemException(null, table.frame[i], "two detections have label " + label, null);
            }
        }
        return index;
    }
}
