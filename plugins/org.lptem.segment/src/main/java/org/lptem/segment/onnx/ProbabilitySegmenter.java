package org.lptem.segment.onnx;

import org.lptem.core.Frame;
import org.lptem.core.LptemException;
import org.lptem.segment.ConnectedComponents;
import org.lptem.segment.DetectorSettings;
import org.lptem.segment.RegionMoments;
import org.lptem.segment.Segmentation;
import org.lptem.segment.Segmenter;
import org.lptem.segment.Watershed;

/**
 * Particles from a {@link ProbabilityModel} (a U-Net or any network with the [1,1,H,W] probability contract): pixels
 * at or above the probability threshold, 8-connected regions, optionally cut apart where touching, then the size and
 * score filters of {@link DetectorSettings} (the score of a region is its mean probability). Closing it closes the
 * model.
 */
public final class ProbabilitySegmenter implements Segmenter, AutoCloseable {
    private final ProbabilityModel model;
    private final double threshold;
    private final DetectorSettings filters;
    private final double ridgeRatio;
    private final double seedThreshold;
    private final RegionClassifier classifier;

    /**
     * @param threshold probability at which a pixel is a particle's, in (0, 1)
     * @param filters area range and minimum score (its other settings do not apply to a network)
     * @param ridgeRatio cut touching particles whose neck is narrower than this fraction of the smaller one's depth;
     *     0 keeps touching particles together
     */
    public ProbabilitySegmenter(ProbabilityModel model, double threshold, DetectorSettings filters,
            double ridgeRatio) {
        this(model, threshold, threshold, filters, ridgeRatio);
    }

    /**
     * As {@link #ProbabilitySegmenter(ProbabilityModel, double, DetectorSettings, double)}, keeping only regions
     * whose peak probability reaches {@code seedThreshold} (hysteresis: a particle is where the network is sure
     * somewhere, outlined where it is at least {@code threshold}). A network that leaves liquid patches at moderate
     * probability but is near-certain inside particles is filtered this way.
     */
    public ProbabilitySegmenter(ProbabilityModel model, double threshold, double seedThreshold,
            DetectorSettings filters, double ridgeRatio) {
        this(model, threshold, seedThreshold, null, filters, ridgeRatio);
    }

    /**
     * As {@link #ProbabilitySegmenter(ProbabilityModel, double, double, DetectorSettings, double)}, then keeping only
     * the regions {@code classifier} takes for particles (null: no classifier). The classifier must have been fitted
     * on regions of this network at this probability threshold, on input like the frames this segmenter is given.
     */
    public ProbabilitySegmenter(ProbabilityModel model, double threshold, double seedThreshold,
            RegionClassifier classifier, DetectorSettings filters, double ridgeRatio) {
        this.classifier = classifier;
        if (!(threshold > 0 && threshold < 1)) {
            throw new LptemException("probability threshold must be in (0, 1), got " + threshold);
        }
        if (!(seedThreshold >= threshold && seedThreshold < 1)) {
            throw new LptemException("seed probability must be in [" + threshold + ", 1), got " + seedThreshold);
        }
        this.seedThreshold = seedThreshold;
        if (!(ridgeRatio >= 0 && ridgeRatio <= 1)) {
            throw new LptemException("ridge ratio must be in [0, 1], got " + ridgeRatio);
        }
        this.model = model;
        this.threshold = threshold;
        this.filters = filters;
        this.ridgeRatio = ridgeRatio;
    }

    @Override
    public Segmentation segment(Frame frame, int frameIndex) {
        int width = frame.width();
        int height = frame.height();
        float[] probability = model.predict(frame);
        int[] labels = new int[probability.length];
        int count = regions(probability, width, height, threshold, ridgeRatio, labels);
        if (seedThreshold > threshold) {
            count = keepSeeded(labels, count, probability);
        }
        float[] image = frame.toFloat();
        if (classifier != null) {
            count = classifier.keepParticles(labels, count, width, height, image, probability);
        }
        RegionMoments moments = RegionMoments.measure(labels, count, width, image);
        double[] meanProbability = RegionMoments.regionMeans(labels, count, probability);
        return Segmentation.filtered(frameIndex, width, height, labels, moments, l -> meanProbability[l],
                filters.minAreaPx(), filters.maxAreaPx(), filters.minScore());
    }

    /**
     * The candidate regions of a probability map: pixels at or above {@code threshold}, 8-connected, cut apart where
     * touching (ridgeRatio > 0), numbered 1..n into {@code labels}.
     *
     * @return n
     */
    static int regions(float[] probability, int width, int height, double threshold, double ridgeRatio,
            int[] labels) {
        boolean[] mask = new boolean[probability.length];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = probability[i] >= threshold;
        }
        int count = ConnectedComponents.label(mask, width, height, labels);
        if (ridgeRatio > 0) {
            count = splitTouching(mask, labels, count, width, height, ridgeRatio);
        }
        return count;
    }

    /** Drops the regions whose peak probability is below the seed threshold; the rest are renumbered 1..n. */
    private int keepSeeded(int[] labels, int count, float[] probability) {
        float[] peak = new float[count + 1];
        for (int i = 0; i < labels.length; i++) {
            peak[labels[i]] = Math.max(peak[labels[i]], probability[i]);
        }
        int[] renumber = new int[count + 1];
        int n = 0;
        for (int l = 1; l <= count; l++) {
            renumber[l] = peak[l] >= seedThreshold ? ++n : 0;
        }
        for (int i = 0; i < labels.length; i++) {
            labels[i] = renumber[labels[i]];
        }
        return n;
    }

    /**
     * {@link Watershed#splitTouching} region by region, each on its bounding box with a one-pixel rim of liquid,
     * clipped to the frame: the same cut as on the whole frame (the liquid pixel nearest to any pixel of a region
     * lies inside that box), at a cost that follows the particles' area rather than the frame's, which on a
     * 1024 x 1024 frame is most of the Java time around the network.
     *
     * @param labels in: the mask's connected components 1..count; out: the regions, 1..n in raster order
     * @return n
     */
    static int splitTouching(boolean[] mask, int[] labels, int count, int width, int height, double ridgeRatio) {
        int[] minX = new int[count + 1];
        int[] minY = new int[count + 1];
        int[] maxX = new int[count + 1];
        int[] maxY = new int[count + 1];
        java.util.Arrays.fill(minX, Integer.MAX_VALUE);
        java.util.Arrays.fill(minY, Integer.MAX_VALUE);
        java.util.Arrays.fill(maxX, -1);
        java.util.Arrays.fill(maxY, -1);
        for (int i = 0; i < labels.length; i++) {
            int l = labels[i];
            if (l > 0) {
                minX[l] = Math.min(minX[l], i % width);
                maxX[l] = Math.max(maxX[l], i % width);
                minY[l] = Math.min(minY[l], i / width);
                maxY[l] = Math.max(maxY[l], i / width);
            }
        }
        int[] pieces = new int[labels.length];
        int next = 0;
        for (int l = 1; l <= count; l++) {
            if (maxX[l] < 0) {
                continue;
            }
            // The rim stops at the frame's edge: the whole-frame distance transform takes nothing beyond the edge
            // for liquid, and a rim out there would make a particle cut by the edge shallower than it is there.
            int x0 = Math.max(0, minX[l] - 1);
            int y0 = Math.max(0, minY[l] - 1);
            int bw = Math.min(width - 1, maxX[l] + 1) - x0 + 1;
            int bh = Math.min(height - 1, maxY[l] + 1) - y0 + 1;
            boolean[] m = new boolean[bw * bh];
            int[] sub = new int[bw * bh];
            for (int y = 0; y < bh; y++) {
                for (int x = 0; x < bw; x++) {
                    if (labels[(y0 + y) * width + x0 + x] == l) {
                        m[y * bw + x] = true;
                        sub[y * bw + x] = 1;
                    }
                }
            }
            int parts = Watershed.splitTouching(m, sub, bw, bh, ridgeRatio);
            for (int k = 0; k < sub.length; k++) {
                if (sub[k] > 0) {
                    pieces[(y0 + k / bw) * width + x0 + k % bw] = next + sub[k];
                }
            }
            next += parts;
        }
        int[] raster = new int[next + 1];
        int n = 0;
        for (int i = 0; i < labels.length; i++) {
            int p = pieces[i];
            if (p > 0 && raster[p] == 0) {
                raster[p] = ++n;
            }
            labels[i] = p > 0 ? raster[p] : 0;
        }
        return n;
    }

    /** Time spent inside ONNX Runtime so far, ns (see {@link ProbabilityModel#onnxNanos()}). */
    public long onnxNanos() {
        return model.onnxNanos();
    }

    @Override
    public void close() {
        model.close();
    }
}
