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
        checked(mu, logVar, n, latent);
        double[] data = new double[n * latent];
        for (int i = 0; i < data.length; i++) {
            data[i] = mu[i];
        }
        return gaussian(data, n, latent, meanVariance(mu, logVar, n, latent));
    }

    /** The mean encoder variance per dimension, checking that every posterior is finite. */
    static double[] meanVariance(float[] mu, float[] logVar, int n, int latent) {
        double[] meanVariance = new double[latent];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < latent; j++) {
                double m = mu[i * latent + j];
                double v = Math.exp(logVar[i * latent + j]);
                if (!Double.isFinite(m) || !Double.isFinite(v)) {
                    throw new LptemException("the encoder gave a non-finite posterior for window " + i
                            + ", dimension " + j);
                }
                meanVariance[j] += v;
            }
        }
        for (int j = 0; j < latent; j++) {
            meanVariance[j] /= n;
        }
        return meanVariance;
    }

    /**
     * The joint Gaussian over (z, log extent), {@code latent + 1} dimensions with the log extent (ln px) last: the
     * encoder means plus the log of each window's normalisation extent, with the mean encoder variance added on the
     * latent diagonal only (the extent is measured, not inferred). Its leading latent x latent block is exactly
     * {@link #fit(float[], float[], int, int)} of the same posteriors.
     *
     * @param extentPx per window, the divisor its normalisation used (px, positive)
     */
    public static LatentPrior fitJoint(float[] mu, float[] logVar, double[] extentPx, int n, int latent) {
        double[] latentVariance = meanVariance(checked(mu, logVar, n, latent), logVar, n, latent);
        if (extentPx.length != n) {
            throw new LptemException(extentPx.length + " window extents for " + n + " windows");
        }
        return fitJoint(mu, latentVariance, extentPx, n, latent);
    }

    /**
     * The joint Gaussian over (x, log extent) of {@code n} rows {@code x} of {@code k} values ({@code (n, k)}
     * row-major) and the windows' extents, the log extent (ln px) last, with {@code extraVariance} (k values: the
     * mean encoder variance of inferred values, 0 for measured ones) added on the diagonal of x.
     */
    static LatentPrior fitJoint(float[] x, double[] extraVariance, double[] extentPx, int n, int k) {
        if (extentPx.length != n || x.length != (long) n * k || extraVariance.length != k) {
            throw new LptemException(extentPx.length + " window extents and " + x.length + " values for " + n
                    + " windows of " + k);
        }
        int d = k + 1;
        double[] data = new double[n * d];
        for (int i = 0; i < n; i++) {
            if (!(extentPx[i] > 0) || !Double.isFinite(extentPx[i])) {
                throw new LptemException("window " + i + " has extent " + extentPx[i] + " px (must be positive)");
            }
            for (int j = 0; j < k; j++) {
                if (!Float.isFinite(x[i * k + j])) {
                    throw new LptemException("window " + i + ": value " + j + " is " + x[i * k + j]);
                }
                data[i * d + j] = x[i * k + j];
            }
            data[i * d + k] = Math.log(extentPx[i]);
        }
        return gaussian(data, n, d, java.util.Arrays.copyOf(extraVariance, d)); // 0 for the extent
    }

    private static float[] checked(float[] mu, float[] logVar, int n, int latent) {
        if (n < 2) {
            throw new LptemException("the aggregate prior needs at least 2 windows, got " + n);
        }
        if (mu.length != n * latent || logVar.length != n * latent) {
            throw new LptemException("posterior arrays hold " + mu.length + " and " + logVar.length + " values for "
                    + n + " x " + latent);
        }
        return mu;
    }

    /** Mean and 1/(n-1) covariance of {@code (n, d)} row-major data, plus {@code extraVariance} on the diagonal. */
    private static LatentPrior gaussian(double[] data, int n, int d, double[] extraVariance) {
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += data[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[] cov = new double[d * d];
        double[] dev = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                dev[j] = data[i * d + j] - mean[j];
            }
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < d; k++) {
                    cov[j * d + k] += dev[j] * dev[k];
                }
            }
        }
        for (int j = 0; j < cov.length; j++) {
            cov[j] /= n - 1;
        }
        for (int j = 0; j < d; j++) {
            cov[j * d + j] += extraVariance[j];
        }
        return new LatentPrior(mean, cov, n);
    }

    /** The Gaussian of the first {@code k} dimensions (the leading block). */
    public LatentPrior marginal(int k) {
        int d = dimension();
        if (k < 1 || k > d) {
            throw new LptemException("cannot take " + k + " of " + d + " prior dimensions");
        }
        double[] cov = new double[k * k];
        for (int i = 0; i < k; i++) {
            System.arraycopy(covariance, i * d, cov, i * k, k);
        }
        return new LatentPrior(java.util.Arrays.copyOf(mean, k), cov, count);
    }

    /**
     * The Gaussian of the first {@code k} dimensions and the last one (of a joint prior: the trajectory latent and
     * the log extent, without the per-frame code between them).
     */
    public LatentPrior leadingAndLast(int k) {
        int d = dimension();
        if (k < 1 || k >= d) {
            throw new LptemException("cannot take " + k + " and the last of " + d + " prior dimensions");
        }
        int[] keep = new int[k + 1];
        for (int i = 0; i < k; i++) {
            keep[i] = i;
        }
        keep[k] = d - 1;
        double[] m = new double[k + 1];
        double[] cov = new double[(k + 1) * (k + 1)];
        for (int i = 0; i <= k; i++) {
            m[i] = mean[keep[i]];
            for (int j = 0; j <= k; j++) {
                cov[i * (k + 1) + j] = covariance[keep[i] * d + keep[j]];
            }
        }
        return new LatentPrior(m, cov, count);
    }

    /** Posterior means and log-variances {@code (n, latent)} of every window, encoded in batches without noise. */
    static float[][] encode(TransformerVae vae, TrajectoryWindows windows, Progress progress) {
        LeonardoConfig c = vae.config();
        int n = windows.size();
        for (Window w : windows.windows()) {
            if (w.length() != c.length()) {
                throw new LptemException("windows have " + w.length() + " frames but the model takes " + c.length());
            }
        }
        float[] mu = new float[n * c.codeSize()];
        float[] logVar = new float[n * c.codeSize()];
        for (int from = 0; from < n; from += BATCH) {
            progress.checkCanceled();
            int count = Math.min(BATCH, n - from);
            float[] flat = new float[count * c.length() * 2];
            for (int i = 0; i < count; i++) {
                System.arraycopy(windows.windows().get(from + i).xy(), 0, flat, i * c.length() * 2, c.length() * 2);
            }
            try (NDManager m = vae.parameters().manager().newSubManager()) {
                NDList posterior = vae.encode(m.create(flat, new Shape(count, c.length(), 2)));
                System.arraycopy(posterior.get(0).toFloatArray(), 0, mu, from * c.codeSize(), count * c.codeSize());
                System.arraycopy(posterior.get(1).toFloatArray(), 0, logVar, from * c.codeSize(), count * c.codeSize());
            }
            progress.report((double) (from + count) / n, "fitting the aggregate prior");
        }
        return new float[][] {mu, logVar};
    }

    /** Encodes every window (in batches, without noise) and fits the Gaussian to the posteriors. */
    public static LatentPrior fit(TransformerVae vae, TrajectoryWindows windows, Progress progress) {
        float[][] posterior = encode(vae, windows, progress);
        return fit(posterior[0], posterior[1], windows.size(), vae.config().codeSize());
    }

    /**
     * Encodes every window and fits the joint Gaussian over (z, log extent) ({@link #fitJoint(float[], float[],
     * double[], int, int)}); {@code marginal(latent)} of it is what {@link #fit(TransformerVae, TrajectoryWindows,
     * Progress)} returns.
     */
    public static LatentPrior fitJoint(TransformerVae vae, TrajectoryWindows windows, Progress progress) {
        float[][] posterior = encode(vae, windows, progress);
        double[] extents = windows.windows().stream().mapToDouble(Window::extentPx).toArray();
        return fitJoint(posterior[0], posterior[1], extents, windows.size(), vae.config().codeSize());
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
