package org.lptem.segment.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How the regions of a true and a predicted label image of one frame overlap: the area of every label and the
 * intersection of every pair of labels that share a pixel. Labels are any values > 0 (not necessarily contiguous);
 * 0 is background.
 */
public final class LabelOverlap {
    /** Pixels shared by true label {@code truth} and predicted label {@code pred}. */
    public record Pair(int truth, int pred, long intersection) {
    }

    private final long[] truthArea;
    private final long[] predArea;
    private final List<Pair> pairs;
    private final long foregroundIntersection;

    private LabelOverlap(long[] truthArea, long[] predArea, List<Pair> pairs, long foregroundIntersection) {
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
        long[] tArea = areas(truth);
        long[] pArea = areas(pred);
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
        return new LabelOverlap(tArea, pArea, List.copyOf(pairs), n);
    }

    private static long[] areas(int[] labels) {
        int max = 0;
        for (int l : labels) {
            if (l < 0) {
                throw new IllegalArgumentException("labels must be >= 0, got " + l);
            }
            max = Math.max(max, l);
        }
        long[] area = new long[max + 1];
        for (int l : labels) {
            area[l]++;
        }
        area[0] = 0;
        return area;
    }

    /** The true labels present, ascending. */
    public int[] truthLabels() {
        return present(truthArea);
    }

    /** The predicted labels present, ascending. */
    public int[] predLabels() {
        return present(predArea);
    }

    private static int[] present(long[] area) {
        return java.util.stream.IntStream.range(1, area.length).filter(l -> area[l] > 0).toArray();
    }

    public long truthArea(int label) {
        return label < truthArea.length ? truthArea[label] : 0;
    }

    public long predArea(int label) {
        return label < predArea.length ? predArea[label] : 0;
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
