package org.lptem.leonardo;

import java.util.List;
import org.lptem.core.LptemException;

/**
 * Mean and covariance of feature vectors (the sufficient statistics of the Frechet distance), kept in the model
 * file for the training set so that evaluation can measure the train-vs-held-out floor without the training data.
 *
 * @param mean per feature
 * @param covariance row-major, features x features (1/(n-1))
 * @param count vectors summarised
 */
public record FeatureMoments(double[] mean, double[] covariance, int count) {

    public FeatureMoments {
        if (covariance.length != mean.length * mean.length) {
            throw new LptemException("feature covariance has " + covariance.length + " values for " + mean.length
                    + " features");
        }
    }

    public int dimension() {
        return mean.length;
    }

    /** The moments of the features at {@code indices} alone, in that order. */
    public FeatureMoments select(int... indices) {
        int d = dimension();
        int k = indices.length;
        double[] m = new double[k];
        double[] c = new double[k * k];
        for (int i = 0; i < k; i++) {
            m[i] = mean[indices[i]];
            for (int j = 0; j < k; j++) {
                c[i * k + j] = covariance[indices[i] * d + indices[j]];
            }
        }
        return new FeatureMoments(m, c, count);
    }

    public static FeatureMoments of(List<double[]> vectors) {
        if (vectors.size() < 2) {
            throw new LptemException("feature statistics need at least 2 trajectories, got " + vectors.size());
        }
        int d = vectors.get(0).length;
        double[] mean = new double[d];
        for (double[] v : vectors) {
            for (int i = 0; i < d; i++) {
                mean[i] += v[i] / vectors.size();
            }
        }
        double[] cov = new double[d * d];
        for (double[] v : vectors) {
            for (int i = 0; i < d; i++) {
                double a = v[i] - mean[i];
                for (int j = 0; j < d; j++) {
                    cov[i * d + j] += a * (v[j] - mean[j]);
                }
            }
        }
        for (int i = 0; i < cov.length; i++) {
            cov[i] /= vectors.size() - 1;
        }
        return new FeatureMoments(mean, cov, vectors.size());
    }
}
