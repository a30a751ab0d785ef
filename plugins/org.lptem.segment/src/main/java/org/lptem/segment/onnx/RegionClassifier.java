package org.lptem.segment.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lptem.core.LptemException;
import org.lptem.io.JsonReader;
import org.lptem.segment.LinearSystem;
import org.lptem.segment.RegionProfile;

/**
 * Decides whether a region a probability network outlined is a particle in focus: logistic regression on the
 * region's {@link RegionProfile} (how sharply the image falls to the background around it), its log area and the
 * network's peak and mean probability inside it. A network looking at one pixel neighbourhood at a time outlines
 * out-of-focus particles as well; their halo, measured against the region's own size, gives them away.
 *
 * <p>The profile's contrast is in noise units, so the weights hold for the signal-to-noise ratio they were fitted
 * at: {@code averagedFrames} records whether they were fitted on single frames or on the moving mean of that many
 * frames, and a segmenter uses the classifier only on such input. Fitted by {@link #fit} (Newton's method with an L2
 * penalty; no library here fits a logistic model, and a dozen weights need nothing more).
 *
 * @param averagedFrames frames averaged in the input the weights were fitted on (1: single frames)
 * @param threshold a region is kept when its probability of being a particle is at least this
 * @param weights bias, then one per profile ring, then log area, peak and mean probability
 */
public record RegionClassifier(RegionProfile profile, int averagedFrames, double threshold, double[] weights) {
    public static final String FORMAT = "lptem-region-classifier";
    public static final int VERSION = 1;
    /** Extra features after the profile: log area, peak and mean probability. */
    static final int EXTRA = 3;

    public RegionClassifier {
        if (weights.length != 1 + profile.bins() + EXTRA) {
            throw new LptemException("a region classifier with " + profile.bins() + " profile rings needs "
                    + (1 + profile.bins() + EXTRA) + " weights, got " + weights.length);
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new LptemException("the region classifier's threshold must be in (0, 1), got " + threshold);
        }
        if (averagedFrames < 1) {
            throw new LptemException("averaged frames must be at least 1, got " + averagedFrames);
        }
        for (double w : weights) {
            if (!Double.isFinite(w)) {
                throw new LptemException("the region classifier has a weight that is not a finite number");
            }
        }
        weights = weights.clone();
    }

    /** The features of regions 1..count (null where the region has no profile), for {@link #probability}. */
    public double[][] features(int[] labels, int count, int width, int height, float[] image, float[] probability) {
        return features(profile, labels, count, width, height, image, probability);
    }

    static double[][] features(RegionProfile profile, int[] labels, int count, int width, int height, float[] image,
            float[] probability) {
        double[][] rings = profile.measure(labels, count, width, height, image);
        long[] area = new long[count + 1];
        double[] peak = new double[count + 1];
        double[] sum = new double[count + 1];
        for (int i = 0; i < labels.length; i++) {
            int l = labels[i];
            if (l > 0) {
                area[l]++;
                peak[l] = Math.max(peak[l], probability[i]);
                sum[l] += probability[i];
            }
        }
        double[][] out = new double[count + 1][];
        for (int l = 1; l <= count; l++) {
            if (rings[l] == null) {
                continue;
            }
            double[] f = Arrays.copyOf(rings[l], rings[l].length + EXTRA);
            f[rings[l].length] = Math.log(area[l]);
            f[rings[l].length + 1] = peak[l];
            f[rings[l].length + 2] = sum[l] / area[l];
            out[l] = f;
        }
        return out;
    }

    /** The probability that a region with these features is a particle. */
    public double probability(double[] features) {
        return sigmoid(score(weights, features));
    }

    /**
     * Drops regions classified as not particles and renumbers the rest 1..n in their order; a region without a
     * profile (one that leaves no background around it) is kept, since nothing speaks against it.
     *
     * @return n
     */
    public int keepParticles(int[] labels, int count, int width, int height, float[] image, float[] probability) {
        double[][] f = features(labels, count, width, height, image, probability);
        int[] renumber = new int[count + 1];
        int n = 0;
        for (int l = 1; l <= count; l++) {
            renumber[l] = f[l] == null || probability(f[l]) >= threshold ? ++n : 0;
        }
        for (int i = 0; i < labels.length; i++) {
            labels[i] = renumber[labels[i]];
        }
        return n;
    }

    /**
     * Logistic regression by Newton's method (iteratively reweighted least squares), the bias unpenalised.
     *
     * @param x features as from {@link #features}
     * @param particle the label of each row
     * @param l2 penalty on the weights other than the bias
     */
    public static RegionClassifier fit(RegionProfile profile, int averagedFrames, double threshold, List<double[]> x,
            boolean[] particle, double l2) {
        int d = 1 + profile.bins() + EXTRA;
        if (!(l2 >= 0)) {
            throw new LptemException("the L2 penalty must be >= 0, got " + l2);
        }
        if (x.size() != particle.length) {
            throw new LptemException(x.size() + " feature rows but " + particle.length + " labels");
        }
        int positives = 0;
        for (boolean p : particle) {
            positives += p ? 1 : 0;
        }
        if (positives == 0 || positives == particle.length) {
            throw new LptemException("fitting a region classifier needs particles and non-particles among the "
                    + particle.length + " regions; got " + positives + " particles");
        }
        double[] w = new double[d];
        for (int iteration = 0; iteration < 50; iteration++) {
            double[][] hessian = new double[d][d + 1];
            double[] gradient = new double[d];
            for (int r = 0; r < x.size(); r++) {
                double[] f = x.get(r);
                if (f.length != d - 1) {
                    throw new LptemException("feature row " + r + " has " + f.length + " values, expected " + (d - 1));
                }
                double p = sigmoid(score(w, f));
                double residual = p - (particle[r] ? 1 : 0);
                double curvature = Math.max(p * (1 - p), 1e-9);
                for (int a = 0; a < d; a++) {
                    double fa = a == 0 ? 1 : f[a - 1];
                    gradient[a] += residual * fa;
                    for (int b = 0; b <= a; b++) {
                        hessian[a][b] += curvature * fa * (b == 0 ? 1 : f[b - 1]);
                    }
                }
            }
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < a; b++) {
                    hessian[b][a] = hessian[a][b];
                }
                if (a > 0) {
                    gradient[a] += l2 * w[a];
                    hessian[a][a] += l2;
                }
                hessian[a][d] = gradient[a];
            }
            double[] step = LinearSystem.solve(hessian);
            if (step == null) {
                throw notConverged(x.size(), l2);
            }
            double largest = 0;
            for (int a = 0; a < d; a++) {
                w[a] -= step[a];
                largest = Math.max(largest, Math.abs(step[a]));
            }
            if (largest < 1e-10) {
                break;
            }
        }
        for (double v : w) {
            if (!Double.isFinite(v)) {
                // without a penalty, regions that a plane separates drive the weights to infinity
                throw notConverged(x.size(), l2);
            }
        }
        return new RegionClassifier(profile, averagedFrames, threshold, w);
    }

    private static double score(double[] w, double[] f) {
        double z = w[0];
        for (int k = 0; k < f.length; k++) {
            z += w[k + 1] * f[k];
        }
        return z;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static LptemException notConverged(int regions, double l2) {
        return new LptemException("the region classifier did not converge on " + regions + " regions; raise the L2 "
                + "penalty (got " + l2 + ")");
    }

    /** The classifier as ordered maps and lists for JSON, with {@code record} (how it was made) alongside. */
    public Map<String, Object> toMap(Map<String, Object> record) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("version", VERSION);
        m.put("profile_rings", profile.bins());
        m.put("min_semi_axis_px", profile.minSemiAxisPx());
        m.put("averaged_frames", averagedFrames);
        m.put("threshold", threshold);
        m.put("weights", Arrays.stream(weights).boxed().toList());
        m.put("features", featureNames());
        m.put("record", record);
        return m;
    }

    private List<String> featureNames() {
        List<String> names = new ArrayList<>();
        names.add("bias");
        for (int k = 0; k < profile.bins(); k++) {
            names.add(String.format(java.util.Locale.ROOT, "ring d %.2f-%.2f", 3.0 * k / profile.bins(),
                    3.0 * (k + 1) / profile.bins()));
        }
        names.addAll(List.of("log area px", "peak probability", "mean probability"));
        return names;
    }

    /** Reads {@link #toMap}'s JSON; {@code source} names the file in errors. */
    public static RegionClassifier fromJson(String text, String source) {
        Object root;
        try {
            root = JsonReader.parse(text);
        } catch (IllegalArgumentException e) {
            throw new LptemException(source + " is not JSON: " + e.getMessage(), e);
        }
        if (!FORMAT.equals(JsonReader.at(root, "format"))) {
            throw new LptemException(source + " is not a region classifier (no \"format\": \"" + FORMAT + "\")");
        }
        int version = (int) number(root, "version", source);
        if (version != VERSION) {
            throw new LptemException(source + " is region classifier version " + version + "; this build reads "
                    + "version " + VERSION);
        }
        if (!(JsonReader.at(root, "weights") instanceof List<?> list)) {
            throw new LptemException(source + ": \"weights\" is not a list");
        }
        double[] w = new double[list.size()];
        for (int i = 0; i < w.length; i++) {
            if (!(list.get(i) instanceof Double v)) {
                throw new LptemException(source + ": weight " + i + " is not a number");
            }
            w[i] = v;
        }
        try {
            RegionProfile profile = new RegionProfile((int) number(root, "profile_rings", source),
                    number(root, "min_semi_axis_px", source));
            return new RegionClassifier(profile, (int) number(root, "averaged_frames", source),
                    number(root, "threshold", source), w);
        } catch (IllegalArgumentException | LptemException e) {
            throw new LptemException(source + ": " + e.getMessage(), e);
        }
    }

    private static double number(Object root, String key, String source) {
        if (!(JsonReader.at(root, key) instanceof Double v)) {
            throw new LptemException(source + ": \"" + key + "\" is missing or not a number");
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegionClassifier c && c.averagedFrames == averagedFrames && c.threshold == threshold
                && c.profile.bins() == profile.bins() && c.profile.minSemiAxisPx() == profile.minSemiAxisPx()
                && Arrays.equals(c.weights, weights);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(weights) * 31 + averagedFrames;
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }
}
