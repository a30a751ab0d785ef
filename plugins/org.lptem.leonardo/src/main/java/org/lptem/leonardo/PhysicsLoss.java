package org.lptem.leonardo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv1d;
import java.util.EnumMap;
import java.util.Map;
import org.lptem.ml.torch.Torch;

/**
 * LEONARDO's physics-informed loss, written once in differentiable NDArray operations so that training (float32)
 * and the golden-value tests (float64) run the same code. Positions are {@code (batch, frames, 2)}, normalised per
 * trajectory; displacements are the N = frames - 1 first differences. Moments use 1/N; the autocorrelation at lag k
 * of a centred series c is {@code [sum c_t c_{t+k} / (N - k)] / [sum c_t^2 / N]}.
 */
public final class PhysicsLoss {
    /** Largest lag of the weighted VACF term, as published. */
    public static final int VACF_LAGS = 50;
    /**
     * Variances below {@code 100 eps^2} of the tensor's type ({@link #varianceFloor}) count as "does not move":
     * positions lie in [0, 1], so the rounding noise of a displacement has a variance of about eps^2 / 6. A floor
     * on the variance, not on its square, keeps every ratio and its derivative finite: in float32 a floor of 1e-20
     * under {@code var^2} would be no floor at all (its square, which the derivative of a quotient needs, is below
     * float32's smallest number), and {@code d sqrt(v) / dv} is infinite at v = 0.
     */
    private static final double FLOOR_IN_EPS_SQUARED = 100;

    private final LossWeights weights;
    private final int latent;
    private final int frameLatent;

    /** The loss of a model without per-frame latents ({@link LossTerm#FRAME_VARIATION} is then 0). */
    public PhysicsLoss(LossWeights weights) {
        this(weights, 0, 0);
    }

    /** The loss of a model whose codes are laid out as {@code config} says ({@link LeonardoConfig#codeSize()}). */
    public PhysicsLoss(LossWeights weights, LeonardoConfig config) {
        this(weights, config.latent(), config.frameLatent());
    }

    /** Codes of {@code latent} values, then {@code frameLatent} per frame. */
    PhysicsLoss(LossWeights weights, int latent, int frameLatent) {
        this.weights = weights;
        this.latent = latent;
        this.frameLatent = frameLatent;
    }

    public LossWeights weights() {
        return weights;
    }

    /** Every term, unweighted, as scalars. */
    public Map<LossTerm, NDArray> terms(NDArray target, NDArray reconstruction, NDArray mu, NDArray logVar) {
        Map<LossTerm, NDArray> out = new EnumMap<>(LossTerm.class);
        NDArray dt = target.get(":, 1:, :").sub(target.get(":, :-1, :"));
        NDArray dr = reconstruction.get(":, 1:, :").sub(reconstruction.get(":, :-1, :"));
        out.put(LossTerm.MSE, dt.sub(dr).square().mean());
        out.put(LossTerm.KL, kl(mu, logVar));

        Moments mt = new Moments(dt);
        Moments mr = new Moments(dr);
        out.put(LossTerm.KURTOSIS, mt.kurtosis().sub(mr.kurtosis()).square().mean());
        out.put(LossTerm.SKEWNESS, mt.skewness().sub(mr.skewness()).square().mean());
        out.put(LossTerm.VARIANCE, mt.variance.sub(mr.variance).square().mean());
        out.put(LossTerm.MEAN, mt.mean.sub(mr.mean).square().mean());
        out.put(LossTerm.MEDIAN, median(dt).sub(median(dr)).square().mean());

        NDArray at = autocorrelation(dt);
        NDArray ar = autocorrelation(dr);
        int n = (int) dt.getShape().get(1);
        int lags = Math.min(VACF_LAGS, n - 1);
        NDArray inverseLag = dt.getManager().arange(1, lags + 1).toType(dt.getDataType(), false)
                .pow(Torch.constant(dt, -1)).reshape(1, lags, 1);
        NDIndex vacfLags = new NDIndex(":, 1:{}, :", lags + 1);
        out.put(LossTerm.VACF, at.get(vacfLags).sub(ar.get(vacfLags)).square().mul(inverseLag).mean());
        out.put(LossTerm.BATCH_VACF, at.mean(new int[] {0}).sub(ar.mean(new int[] {0})).square().mean());
        out.put(LossTerm.XY_CORRELATION, xyCorrelation(dt).sub(xyCorrelation(dr)).square().mean());
        out.put(LossTerm.POSITION_ACF, autocorrelation(target).sub(autocorrelation(reconstruction)).square().mean());
        out.put(LossTerm.FRAME_VARIATION, frameVariation(mu));
        return out;
    }

    /** {@link LossTerm#FRAME_VARIATION} of posterior means {@code (batch, latent + frames x frameLatent)}. */
    NDArray frameVariation(NDArray mu) {
        if (frameLatent == 0) {
            // a zero on the graph, so that a backward pass through this term alone (Diagnosis) has one; abs: +0
            return mu.sum().mul(Torch.constant(mu, 0)).abs();
        }
        long batch = mu.getShape().get(0);
        NDArray frames = mu.get(":, {}:", latent).reshape(batch, -1, frameLatent);
        return frames.get(":, 1:, :").sub(frames.get(":, :-1, :")).abs().sum(new int[] {1, 2}).mean();
    }

    /** The weighted sum of the terms. */
    public NDArray total(Map<LossTerm, NDArray> terms) {
        NDArray sum = null;
        for (Map.Entry<LossTerm, NDArray> e : terms.entrySet()) {
            NDArray w = e.getValue().mul(Torch.constant(e.getValue(), weights.get(e.getKey())));
            sum = sum == null ? w : sum.add(w);
        }
        return sum;
    }

    /** {@code mean over the batch of -0.5 sum_j (1 + logvar - mu^2 - exp(logvar))}. */
    static NDArray kl(NDArray mu, NDArray logVar) {
        return logVar.add(Torch.constant(logVar, 1)).sub(mu.square()).sub(logVar.exp()).sum(new int[] {1}).mean()
                .mul(Torch.constant(logVar, -0.5));
    }

    /** Per trajectory and axis: central moments over the time axis of {@code (batch, N, 2)}. */
    private static final class Moments {
        final NDArray mean;
        final NDArray variance;
        final NDArray m3;
        final NDArray m4;

        /** The variance with the floor added: the denominator of the standardised moments. */
        final NDArray flooredVariance;

        Moments(NDArray d) {
            mean = d.mean(new int[] {1});
            NDArray c = d.sub(mean.expandDims(1));
            NDArray c2 = c.square();
            variance = c2.mean(new int[] {1});
            m3 = c2.mul(c).mean(new int[] {1});
            m4 = c2.square().mean(new int[] {1});
            flooredVariance = variance.add(Torch.constant(variance, varianceFloor(variance.getDataType())));
        }

        NDArray skewness() {
            return m3.div(flooredVariance.pow(Torch.constant(variance, 1.5)));
        }

        NDArray kurtosis() {
            return m4.div(flooredVariance.square());
        }
    }

    /** The ((N+1)/2)-th smallest value per trajectory and axis (sort is differentiable). */
    static NDArray median(NDArray d) {
        int n = (int) d.getShape().get(1);
        return d.sort(1).get(new NDIndex(":, {}, :", (n - 1) / 2));
    }

    /** Pearson correlation of the two axes per trajectory, {@code (batch)}. */
    static NDArray xyCorrelation(NDArray d) {
        NDArray c = d.sub(d.mean(new int[] {1}, true));
        NDArray x = c.get(":, :, 0");
        NDArray y = c.get(":, :, 1");
        NDArray cov = x.mul(y).mean(new int[] {1});
        NDArray floor = Torch.constant(cov, varianceFloor(cov.getDataType()));
        // sqrt(var + floor): the floor must sit under the root, where the derivative would be infinite at 0
        return cov.div(x.square().mean(new int[] {1}).add(floor).sqrt()
                .mul(y.square().mean(new int[] {1}).add(floor).sqrt()));
    }

    /**
     * The autocorrelation of each centred series at every lag 0..N-1, {@code (batch, N, 2)}. All lags come from one
     * grouped convolution of the zero-padded series with itself, O(batch N^2) in a single differentiable op.
     */
    static NDArray autocorrelation(NDArray series) {
        Shape s = series.getShape();
        long b = s.get(0);
        long n = s.get(1);
        long axes = s.get(2);
        NDManager m = series.getManager();
        NDArray c = series.sub(series.mean(new int[] {1}, true)).transpose(0, 2, 1).reshape(1, b * axes, n);
        NDArray padded = c.concat(m.zeros(new Shape(1, b * axes, n - 1), series.getDataType()), 2);
        NDArray sums = Conv1d.conv1d(padded, c.reshape(b * axes, 1, n), null, new Shape(1), new Shape(0),
                new Shape(1), (int) (b * axes)).singletonOrThrow().reshape(b, axes, n);
        NDArray perPair = sums.div(m.arange(n, 0, -1).toType(series.getDataType(), false));
        NDArray zeroLag = perPair.get(":, :, 0:1");
        NDArray floor = Torch.constant(zeroLag, varianceFloor(zeroLag.getDataType()));
        return perPair.div(zeroLag.add(floor)).transpose(0, 2, 1);
    }

    /**
     * The smallest variance of a normalised series that counts as motion, {@code 100 eps^2} of the type (float32
     * 1.4e-12, float64 4.9e-30). Far below any real trajectory's (a single jump in 199 frames has 5e-3), so the
     * float64 golden values are unchanged to 1e-25 relative; far above float32's rounding noise, whose ratios would
     * otherwise give gradients of 1e5 and more for a reconstruction that barely moves along one axis.
     */
    static double varianceFloor(DataType type) {
        double eps = type == DataType.FLOAT64 ? Math.ulp(1.0) : Math.ulp(1.0f);
        return FLOOR_IN_EPS_SQUARED * eps * eps;
    }
}
