package org.lptem.segment.onnx;

import java.util.ArrayList;
import java.util.List;
import org.lptem.core.LptemException;
import org.lptem.segment.RegionProfile;
import org.lptem.segment.metrics.LabelOverlap;
import org.lptem.segment.metrics.RegionMatching;

/**
 * Training rows for a {@link RegionClassifier}: the candidate regions a probability network outlines in frames
 * whose truth is known, each labelled a particle when it matches a true particle at IoU >= 0.5 (the detection
 * criterion of the benchmarks), so the classifier learns to keep what would count as found.
 */
public final class RegionSamples {
    /** IoU at which a region is the particle it overlaps. */
    public static final double MATCH_IOU = 0.5;

    private final RegionProfile profile;
    private final double threshold;
    private final double ridgeRatio;
    private final List<double[]> features = new ArrayList<>();
    private final List<Boolean> particle = new ArrayList<>();

    /** @param threshold and ridgeRatio as the segmenter that will use the classifier */
    public RegionSamples(RegionProfile profile, double threshold, double ridgeRatio) {
        this.profile = profile;
        this.threshold = threshold;
        this.ridgeRatio = ridgeRatio;
    }

    /**
     * Adds the regions of one frame.
     *
     * @param image the frame the network saw
     * @param probability the network's output for it
     * @param truth true labels (0 liquid, k particle k)
     */
    public void add(float[] image, float[] probability, int[] truth, int width, int height) {
        if (image.length != width * height || probability.length != image.length || truth.length != image.length) {
            throw new LptemException("region samples need image, probability and truth of " + width + " x " + height
                    + " pixels");
        }
        int[] labels = new int[image.length];
        int count = ProbabilitySegmenter.regions(probability, width, height, threshold, ridgeRatio, labels);
        double[][] f = RegionClassifier.features(profile, labels, count, width, height, image, probability);
        boolean[] matched = new boolean[count + 1];
        for (RegionMatching.Match m : RegionMatching.greedy(LabelOverlap.of(truth, labels), MATCH_IOU)) {
            matched[m.pred()] = true;
        }
        for (int l = 1; l <= count; l++) {
            if (f[l] != null) {
                features.add(f[l]);
                particle.add(matched[l]);
            }
        }
    }

    public int size() {
        return features.size();
    }

    public long particles() {
        return particle.stream().filter(p -> p).count();
    }

    public List<double[]> features() {
        return List.copyOf(features);
    }

    public boolean[] labels() {
        boolean[] out = new boolean[particle.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = particle.get(i);
        }
        return out;
    }
}
