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

    /**
     * @param threshold probability at which a pixel is a particle's, in (0, 1)
     * @param filters area range and minimum score (its other settings do not apply to a network)
     * @param ridgeRatio cut touching particles whose neck is narrower than this fraction of the smaller one's depth;
     *     0 keeps touching particles together
     */
    public ProbabilitySegmenter(ProbabilityModel model, double threshold, DetectorSettings filters,
            double ridgeRatio) {
        if (!(threshold > 0 && threshold < 1)) {
            throw new LptemException("probability threshold must be in (0, 1), got " + threshold);
        }
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
        boolean[] mask = new boolean[probability.length];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = probability[i] >= threshold;
        }
        int[] labels = new int[mask.length];
        int count = ConnectedComponents.label(mask, width, height, labels);
        if (ridgeRatio > 0) {
            count = Watershed.splitTouching(mask, labels, width, height, ridgeRatio);
        }
        RegionMoments moments = RegionMoments.measure(labels, count, width, frame.toFloat());
        double[] meanProbability = RegionMoments.regionMeans(labels, count, probability);
        return Segmentation.filtered(frameIndex, width, height, labels, moments, l -> meanProbability[l],
                filters.minAreaPx(), filters.maxAreaPx(), filters.minScore());
    }

    @Override
    public void close() {
        model.close();
    }
}
