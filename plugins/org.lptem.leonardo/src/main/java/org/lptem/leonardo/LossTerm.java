package org.lptem.leonardo;

import java.util.Locale;
import org.lptem.core.LptemException;

/**
 * The terms of LEONARDO's physics-informed loss with the published weights. Every statistic is taken per trajectory
 * and axis over the displacements (or positions) of the normalised trajectories, and each term is the mean squared
 * difference of that statistic between input and reconstruction. The last term ({@link #FRAME_VARIATION}) is the
 * project's, not published: a penalty on the per-frame code, weight 0 in the published weights.
 */
public enum LossTerm {
    /** Mean squared error of the displacements. */
    MSE("mse", 0.001),
    /** Kullback-Leibler divergence of the posterior from N(0, I), summed over latents, averaged over the batch. */
    KL("kl", 0.05),
    /** Kurtosis (non-excess, 1/N moments) of the displacements. */
    KURTOSIS("kurtosis", 0.06),
    SKEWNESS("skewness", 10),
    VARIANCE("variance", 500),
    MEAN("mean", 50000),
    /** The lower median (the ((N+1)/2)-th smallest of N displacements). */
    MEDIAN("median", 1),
    /** Autocorrelation of the displacements at lags 1..50, each lag weighted 1/lag. */
    VACF("vacf", 1000),
    /** Batch-mean autocorrelation of the displacements at every lag 0..N-1. */
    BATCH_VACF("batch_vacf", 100),
    /** Pearson correlation of the x and y displacements. */
    XY_CORRELATION("xy_correlation", 10),
    /** Autocorrelation of the centred positions at every lag 0..T-1. */
    POSITION_ACF("position_acf", 1),
    /**
     * Total variation of the per-frame code ({@link LeonardoConfig#frameLatent()}): the sum over frames and per-frame
     * values of |mu(t) - mu(t - 1)| of the posterior means, averaged over the batch; 0 for models without per-frame
     * latents. It makes the encoder write a code that stays put while the trajectory waits, which the frame prior
     * can draw (bundle README, "A code that stays put").
     */
    FRAME_VARIATION("frame_variation", 0, false);

    private final String key;
    private final double defaultWeight;
    private final boolean published;

    LossTerm(String key, double defaultWeight) {
        this(key, defaultWeight, true);
    }

    LossTerm(String key, double defaultWeight, boolean published) {
        this.key = key;
        this.defaultWeight = defaultWeight;
        this.published = published;
    }

    /**
     * Whether the term is one of the published ones; model files written before a term of the project's existed
     * lack its weight and history, which then read as 0 and NaN.
     */
    public boolean published() {
        return published;
    }

    /** The name in model files, histories and on the command line. */
    public String key() {
        return key;
    }

    public double defaultWeight() {
        return defaultWeight;
    }

    public static LossTerm byKey(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (LossTerm t : values()) {
            if (t.key.equals(k)) {
                return t;
            }
        }
        throw new LptemException("unknown loss term '" + key + "' (terms: " + keys() + ")");
    }

    static String keys() {
        StringBuilder sb = new StringBuilder();
        for (LossTerm t : values()) {
            sb.append(sb.length() > 0 ? ", " : "").append(t.key);
        }
        return sb.toString();
    }
}
