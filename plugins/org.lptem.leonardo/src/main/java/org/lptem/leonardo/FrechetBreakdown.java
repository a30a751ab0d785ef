package org.lptem.leonardo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a Frechet distance comes from: the distance within each group of features (the same statistic at several
 * lags) for generated and for training windows against the held-out ones, and per feature the shift of the mean and
 * the ratio of the spreads. A generator whose trajectories are all alike scores badly through the spread (ratio
 * below 1) even when every mean is right, which the per-statistic means of {@link Evaluation} cannot show.
 *
 * @param groups in feature order
 * @param features in feature order
 */
public record FrechetBreakdown(List<Group> groups, List<Feature> features) {

    /**
     * @param name the features' common name without the lag
     * @param frechet generated vs held-out, these features only
     * @param floor training vs held-out, these features only
     */
    public record Group(String name, double frechet, double floor) {
    }

    /**
     * @param name feature name
     * @param meanShift generated mean minus held-out mean, in held-out standard deviations (the units of
     *     {@link FrechetDistance}: 1 where the feature is constant in the held-out set)
     * @param spreadRatio generated standard deviation over held-out standard deviation (same units)
     */
    public record Feature(String name, double meanShift, double spreadRatio) {
    }

    /** The breakdown for features {@code names} (in the order of the moments' dimensions). */
    public static FrechetBreakdown of(List<String> names, FeatureMoments generated, FeatureMoments heldOut,
            FeatureMoments training) {
        int d = heldOut.dimension();
        if (names.size() != d) {
            throw new IllegalArgumentException(names.size() + " names for " + d + " features");
        }
        Map<String, List<Integer>> members = new LinkedHashMap<>();
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            members.computeIfAbsent(group(names.get(i)), k -> new ArrayList<>()).add(i);
            double sd = FrechetDistance.unit(heldOut, i);
            double gsd = Math.sqrt(generated.covariance()[i * d + i]);
            features.add(new Feature(names.get(i), (generated.mean()[i] - heldOut.mean()[i]) / sd, gsd / sd));
        }
        List<Group> groups = new ArrayList<>();
        members.forEach((name, idx) -> {
            int[] k = idx.stream().mapToInt(Integer::intValue).toArray();
            FeatureMoments h = heldOut.select(k);
            groups.add(new Group(name, FrechetDistance.between(generated.select(k), h, h),
                    FrechetDistance.between(training.select(k), h, h)));
        });
        return new FrechetBreakdown(List.copyOf(groups), List.copyOf(features));
    }

    /** {@code vacf_lag3} -> {@code vacf}; a name without a lag is its own group. */
    static String group(String feature) {
        int lag = feature.lastIndexOf("_lag");
        return lag < 0 ? feature : feature.substring(0, lag);
    }
}
