package org.lptem.segment.metrics;

import org.lptem.segment.filter.DistanceTransform;

/**
 * The DAVIS contour accuracy F (Perazzi et al. 2016; the DAVIS evaluation code): boundary pixels of each mask as
 * DAVIS's {@code seg2bmap} marks them, a boundary pixel counting as matched when one of the other mask's boundary
 * pixels lies within the tolerance (a disc: dx^2 + dy^2 <= t^2), precision and recall of the matched pixels and
 * their harmonic mean. DAVIS's tolerance is 0.8 % of the image diagonal, rounded up.
 */
public final class BoundaryF {
    /** DAVIS's {@code bound_th}: the tolerance as a fraction of the image diagonal. */
    public static final double DAVIS_TOLERANCE_FRACTION = 0.008;

    /** Precision, recall and F of the predicted boundary. */
    public record Score(double precision, double recall, double f) {
    }

    private BoundaryF() {
    }

    /** DAVIS's tolerance for a frame of this size: ceil(0.008 x diagonal) px (6 px at 512 x 512, 12 at 1024^2). */
    public static int davisTolerancePx(int width, int height) {
        return (int) Math.ceil(DAVIS_TOLERANCE_FRACTION * Math.hypot(width, height));
    }

    /** F of two whole binary masks of {@code width x height}. */

    /**
     * F of the masks {@code truth[labels] == truthLabel} and {@code pred[labels] == predLabel} (predLabel 0: an empty
     * prediction), computed in the window [x0, x1) x [y0, y1) that must hold both regions with a margin of one pixel
     * where it does not reach the image edge. Boundaries depend only on pixels within one step, so the window gives
     * the same answer as the whole frame at a fraction of the cost.
     */
    static Score ofRegions(int[] truth, int truthLabel, int[] pred, int predLabel, int width, int x0, int y0, int x1,
            int y1, double tolerancePx) {
        int w = x1 - x0;
        int h = y1 - y0;
        boolean[] t = new boolean[w * h];
        boolean[] p = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y + y0) * width + x + x0;
                t[y * w + x] = truth[i] == truthLabel;
                p[y * w + x] = predLabel != 0 && pred[i] == predLabel;
            }
        }
        return of(t, p, w, h, tolerancePx);
    }

    /** F of two whole binary masks of {@code width x height}. */
    public static Score of(boolean[] truth, boolean[] pred, int width, int height, double tolerancePx) {
        if (truth.length != pred.length || (long) width * height != truth.length) {
            throw new IllegalArgumentException("masks of " + truth.length + " and " + pred.length
                    + " pixels do not both fit " + width + " x " + height);
        }
        if (!(tolerancePx >= 0)) {
            throw new IllegalArgumentException("boundary tolerance must be >= 0 px, got " + tolerancePx);
        }
        boolean[] tb = boundary(truth, width, height);
        boolean[] pb = boundary(pred, width, height);
        long nt = count(tb);
        long np = count(pb);
        if (np == 0 || nt == 0) {
            // DAVIS: nothing predicted scores precision 1, recall 0 (and the reverse); both empty is perfect
            double precision = np == 0 ? 1 : 0;
            double recall = nt == 0 ? 1 : 0;
            return new Score(precision, recall, f(precision, recall));
        }
        double t2 = tolerancePx * tolerancePx;
        float[] toPred = DistanceTransform.squaredToNearest(pb, width, height);
        float[] toTruth = DistanceTransform.squaredToNearest(tb, width, height);
        long truthMatched = 0;
        long predMatched = 0;
        for (int i = 0; i < tb.length; i++) {
            if (tb[i] && toPred[i] <= t2) {
                truthMatched++;
            }
            if (pb[i] && toTruth[i] <= t2) {
                predMatched++;
            }
        }
        double precision = (double) predMatched / np;
        double recall = (double) truthMatched / nt;
        return new Score(precision, recall, f(precision, recall));
    }

    private static double f(double precision, double recall) {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    /**
     * DAVIS's {@code seg2bmap} at the mask's own size: a pixel is on the boundary when it differs from its east,
     * south or south-east neighbour (outside counts as background); the last row compares only east, the last
     * column only south, and the bottom-right pixel is never a boundary.
     */
    static boolean[] boundary(boolean[] mask, int width, int height) {
        boolean[] b = new boolean[mask.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                boolean m = mask[i];
                boolean east = x + 1 < width && mask[i + 1];
                boolean south = y + 1 < height && mask[i + width];
                boolean southEast = x + 1 < width && y + 1 < height && mask[i + width + 1];
                boolean lastRow = y == height - 1;
                boolean lastColumn = x == width - 1;
                if (lastRow && lastColumn) {
                    b[i] = false;
                } else if (lastRow) {
                    b[i] = m != east;
                } else if (lastColumn) {
                    b[i] = m != south;
                } else {
                    b[i] = m != east || m != south || m != southEast;
                }
            }
        }
        return b;
    }

    private static long count(boolean[] b) {
        long n = 0;
        for (boolean v : b) {
            if (v) {
                n++;
            }
        }
        return n;
    }
}
