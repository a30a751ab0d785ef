package org.lptem.segment.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How the regions of a true and a predicted label image of one frame overlap: the area of every label and the
 * intersection of every pair of labels that share a pixel. Labels are any values > 0 (not necessarily contiguous,
 * up to 2^31 - 1: memory follows the number of labels, not the largest); 0 is background.
 */
public final class LabelOverlap {
    /** Pixels shared by true label {@code truth} and predicted label {@code pred}. */
    public record Pair(int truth, int pred, long intersection) {
    }

    private final LabelIds truthIds;
    private final LabelIds predIds;
    /** Areas by rank (index 0: background and absent ids, always 0). */
    private final long[] truthArea;
    private final long[] predArea;
    private final List<Pair> pairs;
    private final long foregroundIntersection;

    private LabelOverlap(LabelIds truthIds, long[] truthArea, LabelIds predIds, long[] predArea, List<Pair> pairs,
            long foregroundIntersection) {
        this.truthIds = truthIds;
        this.predIds = predIds;
        this.truthArea = truthArea;
        this.predArea = predArea;
        this.pairs = pairs;
        this.foregroundIntersection = foregroundIntersection;
    }

    public static LabelOverlap of(int[] truth, int[] pred) {
        if (truth.length != pred.length) {
            throw new IllegalArgumentException("label images differ in size: " + truth.length + " and "
                    + pred.length + " pixels");
        }
        LabelIds truthIds = LabelIds.of(truth);
        LabelIds predIds = LabelIds.of(pred);
        // Pair codes of the shared pixels, sorted so equal pairs are adjacent: memory in the overlap, not in the
        // product of the label counts.
        long[] codes = new long[truth.length];
        int n = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] != 0 && pred[i] != 0) {
                codes[n++] = (long) truth[i] << 32 | pred[i];
            }
        }
        Arrays.sort(codes, 0, n);
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < n;) {
            int j = i;
            while (j < n && codes[j] == codes[i]) {
                j++;
            }
            pairs.add(new Pair((int) (codes[i] >>> 32), (int) codes[i], j - i));
            i = j;
        }
        return new LabelOverlap(truthIds, areas(truth, truthIds), predIds, areas(pred, predIds), List.copyOf(pairs),
                n);
    }

    private static long[] areas(int[] labels, LabelIds ids) {
        long[] area = new long[ids.count() + 1];
        for (int l : labels) {
            area[ids.rank(l)]++;
        }
        area[0] = 0;
        return area;
    }

    /** The true labels present, ascending. */
    public int[] truthLabels() {
        return truthIds.ids();
    }

    /** The predicted labels present, ascending. */
    public int[] predLabels() {
        return predIds.ids();
    }

    public long truthArea(int label) {
        return truthArea[truthIds.rank(label)];
    }

    public long predArea(int label) {
        return predArea[predIds.rank(label)];
    }

    /** Every pair of labels sharing at least one pixel, ordered by true label, then predicted label. */
    public List<Pair> pairs() {
        return pairs;
    }

    public double iou(Pair p) {
        return (double) p.intersection() / (truthArea(p.truth()) + predArea(p.pred()) - p.intersection());
    }

    /** Pixels that are foreground in both images. */
    public long foregroundIntersection() {
        return foregroundIntersection;
    }

    public long truthForeground() {
        return Arrays.stream(truthArea).sum();
    }

    public long predForeground() {
        return Arrays.stream(predArea).sum();
    }

    /** IoU of the two foregrounds (every label against background); 1 when both are empty. */
    public double foregroundIou() {
        long union = truthForeground() + predForeground() - foregroundIntersection;
        return union == 0 ? 1 : (double) foregroundIntersection / union;
    }

    /** Dice (F1 of pixels) of the two foregrounds; 1 when both are empty. */
    public double foregroundDice() {
        long sum = truthForeground() + predForeground();
        return sum == 0 ? 1 : 2.0 * foregroundIntersection / sum;
    }
}
