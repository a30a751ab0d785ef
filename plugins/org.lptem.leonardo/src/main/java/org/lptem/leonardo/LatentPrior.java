package org.lptem.leonardo;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;

/**
 * The aggregate posterior of a trained LEONARDO approximated by one Gaussian (ex-post density estimation, Ghosh et
 * al., ICLR 2020, "From variational to deterministic autoencoders"): the mean and covariance of the encoder means
 * over the training windows, plus the mean encoder variance on the diagonal (the law of total variance: what the
 * posterior noise adds around each mean). A VAE whose KL term stays far from 0 leaves the aggregate posterior well
 * away from N(0, I), so prior draws decode to off-distribution shapes; draws from this Gaussian land where the
 * decoder was trained.
 *
 * @param mean per latent dimension
 * @param covariance row-major, latent x latent (encoder-mean covariance with 1/(n-1), plus the mean variance on the
 *     diagonal)
 * @param count windows it was fitted on
 */
public record LatentPrior(double[] mean, double[] covariance, int count) {
    private static final int BATCH = 256;

    public LatentPrior {
        if (mean.length == 0 || covariance.length != mean.length * mean.length) {
            throw new LptemException("latent prior covariance has " + covariance.length + " values for "
                    + mean.length + " dimensions");
        }
        for (double v : mean) {
            if (!Double.isFinite(v)) {
                throw new LptemException("latent prior mean is not finite");
            }
        }
        for (double v : covariance) {
            if (!Double.isFinite(v)) {
                throw new LptemException("latent prior covariance is not finite");
            }
        }
        mean = mean.clone();
        covariance = covariance.clone();
    }

    public int dimension() {
        return mean.length;
    }

    /**
     * Fits the Gaussian to posterior means and log-variances {@code (n, latent)} row-major.
     *
     * @throws LptemException for fewer than 2 windows or a non-finite posterior
     */
    public static LatentPrior fit(float[] mu, float[] logVar, int n, int latent) {
        if (n < 2) {
            throw new LptemException("the aggregate prior needs at least 2 windows, got " + n);
        }
        if (mu.length != n * latent || logVar.length != n * latent) {
            throw new LptemException("posterior arrays hold " + mu.length + " and " + logVar.length + " values for "
                    + n + " x " + latent);
        }
        double[] mean = new double[latent];
        double[] meanVariance = new double[latent];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < latent; j++) {
                double m = mu[i * latent + j];
                double v = Math.exp(logVar[i * latent + j]);
                if (!Double.isFinite(m) || !Double.isFinite(v)) {
                    throw new LptemException("the encoder gave a non-finite posterior for window " + i
                            + ", dimension " + j);
                }
                mean[j] += m;
                meanVariance[j] += v;
            }
        }
        for (int j = 0; j < latent; j++) {
            mean[j] /= n;
            meanVariance[j] /= n;
        }
        double[] cov = new double[latent * latent];
        double[] d = new double[latent];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < latent; j++) {
                d[j] = mu[i * latent + j] - mean[j];
            }
            for (int j = 0; j < latent; j++) {
                for (int k = 0; k < latent; k++) {
                    cov[j * latent + k] += d[j] * d[k];
                }
            }
        }
        for (int j = 0; j < cov.length; j++) {
            cov[j] /= n - 1;
        }
        for (int j = 0; j < latent; j++) {
            cov[j * latent + j] += meanVariance[j];
        }
        return new LatentPrior(mean, cov, n);
    }

    /** Encodes every window (in batches, without noise) and fits the Gaussian to the posteriors. */
    public static LatentPrior fit(TransformerVae vae, TrajectoryWindows windows, Progress progress) {
        LeonardoConfig c = vae.config();
        int n = windows.size();
        for (Window w : windows.windows()) {
            if (w.length() != c.length()) {
                throw new LptemException("windows have " + w.length() + " frames but the model takes " + c.length());
            }
        }
        float[] mu = new float[n * c.latent()];
        float[] logVar = new float[n * c.latent()];
        for (int from = 0; from < n; from += BATCH) {
            progress.checkCanceled();
            int count = Math.min(BATCH, n - from);
            float[] flat = new float[count * c.length() * 2];
            for (int i = 0; i < count; i++) {
                System.arraycopy(windows.windows().get(from + i).xy(), 0, flat, i * c.length() * 2, c.length() * 2);
            }
            try (NDManager m = vae.parameters().manager().newSubManager()) {
                NDList posterior = vae.encode(m.create(flat, new Shape(count, c.length(), 2)));
                System.arraycopy(posterior.get(0).toFloatArray(), 0, mu, from * c.latent(), count * c.latent());
                System.arraycopy(posterior.get(1).toFloatArray(), 0, logVar, from * c.latent(), count * c.latent());
            }
            progress.report((double) (from + count) / n, "fitting the aggregate prior");
        }
        return fit(mu, logVar, n, c.latent());
    }

    /** Lower-triangular L with L L^T = covariance, row-major. */
    public double[] cholesky() {
        int d = dimension();
        double[][] a = new double[d][d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(covariance, i * d, a[i], 0, d);
        }
        try {
            double[][] l = new CholeskyDecomposition(MatrixUtils.createRealMatrix(a), 1e-9, 1e-14).getL().getData();
            double[] out = new double[d * d];
            for (int i = 0; i < d; i++) {
                System.arraycopy(l[i], 0, out, i * d, d);
            }
            return out;
        } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
            throw new LptemException("the latent prior covariance is not symmetric positive definite: "
                    + e.getMessage(), e);
        }
    }

    /**
     * KL(this || N(0, I)) in nats: how far the aggregate posterior is from the standard prior (0 when they agree).
     */
    public double klToStandard() {
        int d = dimension();
        double[] l = cholesky();
        double trace = 0;
        double logDet = 0;
        double norm = 0;
        for (int i = 0; i < d; i++) {
            trace += covariance[i * d + i];
            logDet += 2 * Math.log(l[i * d + i]);
            norm += mean[i] * mean[i];
        }
        return 0.5 * (trace + norm - d - logDet);
    }

    /**
     * One draw {@code mean + L g} with {@code g} the next {@code dimension()} standard normals of {@code random}.
     *
     * @param cholesky from {@link #cholesky()} (computed once by the caller)
     */
    public void sample(double[] cholesky, SplittableRandom random, double[] out) {
        int d = dimension();
        double[] g = new double[d];
        for (int j = 0; j < d; j++) {
            g[j] = random.nextGaussian();
        }
        for (int i = 0; i < d; i++) {
            double s = mean[i];
            for (int j = 0; j <= i; j++) {
                s += cholesky[i * d + j] * g[j];
            }
            out[i] = s;
        }
    }
}
