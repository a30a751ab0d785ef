package org.lptem.leonardo;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The Frechet (2-Wasserstein) distance between Gaussians fitted to two feature sets,
 * {@code |mu1 - mu2|^2 + tr(S1) + tr(S2) - 2 tr((S1^1/2 S2 S1^1/2)^1/2)}, after scaling every feature by the
 * standard deviation of a reference set, so that features in different units weigh alike. The trace of the
 * geometric mean uses the symmetric form, whose eigenvalues are real and non-negative up to rounding.
 */
public final class FrechetDistance {
    private FrechetDistance() {
    }

    /** Distance between {@code a} and {@code b}, features scaled by the standard deviations of {@code scale}. */
    public static double between(FeatureMoments a, FeatureMoments b, FeatureMoments scale) {
        int d = a.dimension();
        if (b.dimension() != d || scale.dimension() != d) {
            throw new IllegalArgumentException("feature sets of different dimension: " + d + ", " + b.dimension()
                    + ", " + scale.dimension());
        }
        double[] s = new double[d];
        for (int i = 0; i < d; i++) {
            s[i] = unit(scale, i);
        }
        double meanTerm = 0;
        for (int i = 0; i < d; i++) {
            double diff = (a.mean()[i] - b.mean()[i]) / s[i];
            meanTerm += diff * diff;
        }
        RealMatrix s1 = scaled(a, s);
        RealMatrix s2 = scaled(b, s);
        RealMatrix root1 = sqrtPsd(s1);
        RealMatrix middle = root1.multiply(s2).multiply(root1);
        middle = middle.add(middle.transpose()).scalarMultiply(0.5);
        double cross = 0;
        for (double lambda : new EigenDecomposition(middle).getRealEigenvalues()) {
            cross += Math.sqrt(Math.max(0, lambda));
        }
        // a distance: identical sets come out a rounding error below zero otherwise
        return Math.max(0, meanTerm + s1.getTrace() + s2.getTrace() - 2 * cross);
    }

    /**
     * The unit feature {@code i} is measured in: the reference set's standard deviation, or 1 where the feature is
     * constant there (any difference then counts in the feature's own units rather than as infinite).
     */
    static double unit(FeatureMoments reference, int i) {
        int d = reference.dimension();
        double sd = Math.sqrt(reference.covariance()[i * d + i]);
        return sd > 0 ? sd : 1;
    }

    private static RealMatrix scaled(FeatureMoments m, double[] s) {
        int d = m.dimension();
        double[][] c = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                c[i][j] = m.covariance()[i * d + j] / (s[i] * s[j]);
            }
        }
        return new Array2DRowRealMatrix(c, false);
    }

    private static RealMatrix sqrtPsd(RealMatrix m) {
        RealMatrix sym = m.add(m.transpose()).scalarMultiply(0.5);
        EigenDecomposition e = new EigenDecomposition(sym);
        RealMatrix v = e.getV();
        double[] lambda = e.getRealEigenvalues();
        int d = lambda.length;
        double[][] root = new double[d][d];
        for (int i = 0; i < d; i++) {
            root[i][i] = Math.sqrt(Math.max(0, lambda[i]));
        }
        return v.multiply(new Array2DRowRealMatrix(root, false)).multiply(e.getVT());
    }
}
