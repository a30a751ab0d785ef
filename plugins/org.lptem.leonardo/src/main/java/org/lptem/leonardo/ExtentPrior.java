package org.lptem.leonardo;

import java.util.SplittableRandom;
import org.lptem.core.LptemException;

/**
 * The extent (px) of a generated trajectory given its latent, from the joint Gaussian over (z, log extent)
 * ({@link LatentPrior#fitJoint}): log extent | z is Gaussian with mean {@code mu_e + L_ez L_zz^-1 (z - mu_z)} and
 * standard deviation {@code L_ee}, where L is the joint Cholesky factor. Conditioning on whatever z the generator
 * decodes (drawn, partly fixed or swept) keeps extent and shape consistent; with an unmodified prior draw it is the
 * same law as drawing (z, log extent) jointly.
 *
 * <p>Given the training windows' extents, a draw is then carried to the same rank of their empirical distribution
 * (a Gaussian copula: {@code F_emp^-1(Phi((ln e - mu_e) / sd_e))}, interpolated between sorted extents). The
 * training log extents need not be Gaussian (the acceptance mix is bimodal with a hard upper end), and the lognormal
 * tail would otherwise give extents far beyond any training window; the mapping keeps the dependence on z (ranks
 * are monotone in ln e) and the published marginal of extents.
 */
public final class ExtentPrior {
    private final LatentPrior joint;
    private final double[] l;
    private final int latent;
    private final double[] sortedExtents;

    /** Log-normal extents (no mapping to empirical ones). @param joint over (z, log extent px), the log extent last */
    public ExtentPrior(LatentPrior joint) {
        this(joint, null);
    }

    /**
     * @param joint over (z, log extent px), the log extent last
     * @param marginal the training extents whose ranks draws are carried to, or null for log-normal extents
     */
    public ExtentPrior(LatentPrior joint, ScaleDistribution marginal) {
        this.joint = joint;
        this.sortedExtents = marginal == null ? null : marginal.extentsPx();
        this.latent = joint.dimension() - 1;
        if (latent < 1) {
            throw new LptemException("a joint extent prior needs at least one latent dimension");
        }
        this.l = joint.cholesky();
    }

    public LatentPrior joint() {
        return joint;
    }

    /** Latent dimensions it conditions on. */
    public int latent() {
        return latent;
    }

    /** Mean of log extent (ln px) given {@code z}. */
    public double conditionalMeanLog(float[] z, int offset) {
        int d = latent + 1;
        double[] g = new double[latent];
        double m = joint.mean()[latent];
        // forward substitution: g = L_zz^-1 (z - mu_z), the standard normals that would have drawn this z
        for (int i = 0; i < latent; i++) {
            double s = z[offset + i] - joint.mean()[i];
            for (int j = 0; j < i; j++) {
                s -= l[i * d + j] * g[j];
            }
            g[i] = s / l[i * d + i];
            m += l[latent * d + i] * g[i];
        }
        return m;
    }

    /** Standard deviation of log extent given z (the same for every z). */
    public double conditionalSdLog() {
        return l[latent * (latent + 1) + latent];
    }

    /** An extent (px) drawn given {@code z}, using the next standard normal of {@code random}. */
    public double sample(float[] z, int offset, SplittableRandom random) {
        return extent(conditionalMeanLog(z, offset) + conditionalSdLog() * random.nextGaussian());
    }

    /** The median extent (px) given {@code z}. */
    public double median(float[] z, int offset) {
        return extent(conditionalMeanLog(z, offset));
    }

    /** The extent for a log extent under the joint's marginal: exp, or the same rank of the training extents. */
    double extent(double logExtent) {
        if (sortedExtents == null) {
            return Math.exp(logExtent);
        }
        double sd = Math.sqrt(joint.covariance()[joint.dimension() * joint.dimension() - 1]);
        double u = STANDARD_NORMAL.cumulativeProbability((logExtent - joint.mean()[latent]) / sd);
        double pos = u * (sortedExtents.length - 1);
        int lo = (int) Math.floor(pos);
        if (lo >= sortedExtents.length - 1) {
            return sortedExtents[sortedExtents.length - 1];
        }
        return sortedExtents[lo] + (pos - lo) * (sortedExtents[lo + 1] - sortedExtents[lo]);
    }

    private static final org.apache.commons.math3.distribution.NormalDistribution STANDARD_NORMAL =
            new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1);
}
