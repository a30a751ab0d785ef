package org.lptem.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Gaussian tracks with a given MSD model (fBm of exponent alpha with localisation noise and motion blur; Brownian
 * motion for alpha = 1), exact in distribution: the generator of the parametric bootstrap, public for checking
 * estimators on data with known parameters.
 */
public final class ModelTracks {
    private ModelTracks() {
    }

    /**
     * @param coefficient K, px^2/frame^alpha
     * @param sigma2 localisation error per axis squared, px^2
     * @return tracks 1..count of {@code frames} frames starting at frame 0, seeded
     */
    public static List<TrackSeries> simulate(MsdModel model, double coefficient, double alpha, double sigma2,
            int count, int frames, long seed) {
        IncrementSimulator simulator = new IncrementSimulator(model, coefficient, alpha, sigma2, frames);
        SplittableRandom random = new SplittableRandom(seed);
        int[] f = new int[frames];
        for (int i = 0; i < frames; i++) {
            f[i] = i;
        }
        List<TrackSeries> out = new ArrayList<>(count);
        for (int t = 0; t < count; t++) {
            double[] x = new double[frames];
            double[] y = new double[frames];
            simulator.sample(random, x, y);
            out.add(new TrackSeries(t + 1, f.clone(), x, model.dimensions() == 2 ? y : new double[frames]));
        }
        return out;
    }
}
