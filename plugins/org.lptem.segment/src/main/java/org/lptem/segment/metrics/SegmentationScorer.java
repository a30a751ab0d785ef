package org.lptem.segment.metrics;

import java.util.List;
import org.lptem.core.Detection;
import org.lptem.core.Frame;
import org.lptem.core.LptemException;
import org.lptem.segment.RegionMoments;

/**
 * Accumulates {@link SegmentationScores} frame by frame, so a video is scored in the memory of one frame pair. The
 * true and predicted label numbers need not correspond: regions are matched by overlap in each frame.
 */
public final class SegmentationScorer {
    /** A detection matches at this IoU, the usual instance-segmentation criterion. */
    public static final double DETECTION_IOU = 0.5;
    /**
     * Orientation is scored only for true regions at least this elongated (major / minor axis): the axis of a round
     * region is set by pixel noise, and its "error" would say nothing about the method. A single pixel (both axes 0)
     * has no axis at all; a one-pixel-wide line (minor axis 0) has an exact one and is scored. The statistics use
     * the same rule ({@link Detection#hasOrientation()}).
     */
    public static final double MIN_AXIS_RATIO_FOR_ORIENTATION = Detection.MIN_AXIS_RATIO_FOR_ORIENTATION;

    private final double tolerancePx;
    private int frames;
    private long truthObjects;
    private long predObjects;
    private double iouSum;
    private double diceSum;
    private double jSum;
    private double fSum;
    private long tp;
    private long fp;
    private long fn;
    private double centroidSum;
    private long centroidPairs;
    private double orientationSum;
    private long orientedPairs;
    private double usedTolerance = Double.NaN;

    /** @param boundaryTolerancePx tolerance of the boundary F, px; NaN for DAVIS's, 0.8 % of the diagonal */
    public SegmentationScorer(double boundaryTolerancePx) {
        if (!Double.isNaN(boundaryTolerancePx) && !(boundaryTolerancePx >= 0 && boundaryTolerancePx < 1e6)) {
            throw new LptemException("boundary tolerance must be >= 0 px, got " + boundaryTolerancePx);
        }
        this.tolerancePx = boundaryTolerancePx;
    }

    /** A scorer with DAVIS's boundary tolerance. */
    public SegmentationScorer() {
        this(Double.NaN);
    }

    /** Scores one frame given as label frames of any integer type. */
    public void add(Frame truth, Frame pred) {
        if (truth.width() != pred.width() || truth.height() != pred.height()) {
            throw new LptemException("truth is " + truth.width() + " x " + truth.height() + " but the prediction is "
                    + pred.width() + " x " + pred.height());
        }
        add(labelsOf(truth), labelsOf(pred), truth.width(), truth.height());
    }

    /** The labels of a label frame; a float or negative value cannot be a label. */
    public static int[] labelsOf(Frame frame) {
        if (frame.type().isFloatingPoint()) {
            throw new LptemException("a label image needs an integer pixel type, got " + frame.type().label());
        }
        int[] labels = new int[frame.width() * frame.height()];
        for (int i = 0; i < labels.length; i++) {
            double v = frame.get(i);
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw new LptemException("label " + (long) v + " at pixel " + i + " is not a label (0 .. 2^31-1)");
            }
            labels[i] = (int) v;
        }
        return labels;
    }

    /** Scores one frame given as row-major label images of {@code width x height}. */
    public void add(int[] truth, int[] pred, int width, int height) {
        if ((long) width * height != truth.length) {
            throw new IllegalArgumentException("label image of " + truth.length + " px does not fit " + width + " x "
                    + height);
        }
        if (pred.length != truth.length) {
            throw new IllegalArgumentException("label images differ in size: " + truth.length + " and "
                    + pred.length + " pixels");
        }
        double tolerance = Double.isNaN(tolerancePx) ? BoundaryF.davisTolerancePx(width, height) : tolerancePx;
        // Ranks for ids from here on, so the arrays below follow the number of regions, not the largest id (an
        // object id of 2e9 would otherwise need gigabytes); ranks keep the ids' order and so every tie-break.
        truth = LabelIds.of(truth).ranked(truth);
        pred = LabelIds.of(pred).ranked(pred);
        usedTolerance = tolerance;
        LabelOverlap overlap = LabelOverlap.of(truth, pred);
        int[] truthLabels = overlap.truthLabels();
        int[] predLabels = overlap.predLabels();
        frames++;
        truthObjects += truthLabels.length;
        predObjects += predLabels.length;
        iouSum += overlap.foregroundIou();
        diceSum += overlap.foregroundDice();

        int matchedAtHalf = RegionMatching.greedy(overlap, DETECTION_IOU).size();
        tp += matchedAtHalf;
        fp += predLabels.length - matchedAtHalf;
        fn += truthLabels.length - matchedAtHalf;

        List<RegionMatching.Match> objects = RegionMatching.greedy(overlap, Double.MIN_VALUE);
        int maxTruth = truthLabels.length == 0 ? 0 : truthLabels[truthLabels.length - 1];
        int maxPred = predLabels.length == 0 ? 0 : predLabels[predLabels.length - 1];
        RegionMoments tm = RegionMoments.measure(truth, maxTruth, width);
        RegionMoments pm = RegionMoments.measure(pred, maxPred, width);
        int[] partner = new int[maxTruth + 1];
        for (RegionMatching.Match m : objects) {
            partner[m.truth()] = m.pred();
            jSum += m.iou();
            centroidSum += Math.hypot(tm.centroidX(m.truth()) - pm.centroidX(m.pred()),
                    tm.centroidY(m.truth()) - pm.centroidY(m.pred()));
            centroidPairs++;
            double major = tm.majorAxis(m.truth());
            if (major > 0 && major >= MIN_AXIS_RATIO_FOR_ORIENTATION * tm.minorAxis(m.truth())) {
                orientationSum += orientationDifference(tm.orientationDeg(m.truth()), pm.orientationDeg(m.pred()));
                orientedPairs++;
            }
        }
        for (int t : truthLabels) {
            int p = partner[t];
            int margin = 1;
            int x0 = tm.minX(t);
            int y0 = tm.minY(t);
            int x1 = tm.maxX(t);
            int y1 = tm.maxY(t);
            if (p != 0) {
                x0 = Math.min(x0, pm.minX(p));
                y0 = Math.min(y0, pm.minY(p));
                x1 = Math.max(x1, pm.maxX(p));
                y1 = Math.max(y1, pm.maxY(p));
            }
            fSum += BoundaryF.ofRegions(truth, t, pred, p, width, Math.max(0, x0 - margin), Math.max(0, y0 - margin),
                    Math.min(width, x1 + margin + 1), Math.min(height, y1 + margin + 1), tolerance).f();
        }
    }

    /** |a - b| modulo 180 degrees, in [0, 90]: an axis has no head and tail. */
    public static double orientationDifference(double aDeg, double bDeg) {
        double d = Math.abs(aDeg - bDeg) % 180;
        return Math.min(d, 180 - d);
    }

    public SegmentationScores scores() {
        double j = truthObjects == 0 ? Double.NaN : jSum / truthObjects;
        double f = truthObjects == 0 ? Double.NaN : fSum / truthObjects;
        return new SegmentationScores(frames, truthObjects, predObjects, mean(iouSum, frames),
                mean(diceSum, frames), j, f, (j + f) / 2, tp, fp, fn, ratio(tp, tp + fp), ratio(tp, tp + fn),
                ratio(2 * tp, 2 * tp + fp + fn), mean(centroidSum, centroidPairs),
                mean(orientationSum, orientedPairs), orientedPairs, usedTolerance);
    }

    private static double mean(double sum, long n) {
        return n == 0 ? Double.NaN : sum / n;
    }

    private static double ratio(long a, long b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }
}
