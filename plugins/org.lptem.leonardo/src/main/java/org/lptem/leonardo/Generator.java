package org.lptem.leonardo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;

/**
 * Trajectories from a trained LEONARDO: latents from the prior N(0, I) (some dimensions optionally held fixed) or
 * along a sweep of one dimension, decoded, then brought back to px by an extent drawn from the training windows and
 * shifted to start at the origin. Trajectory i uses the i-th draws of one seeded stream, so the same seed gives the
 * same trajectories in the same order.
 */
public final class Generator {
    private static final int BATCH = 256;

    private final LeonardoModel model;

    public Generator(LeonardoModel model) {
        this.model = model;
    }

    /**
     * {@code n} trajectories (interleaved x, y in px, starting at 0) from the prior.
     *
     * @param fixed latent dimension (0-based) to value; the others are drawn
     */
    public List<double[]> generate(int n, long seed, Map<Integer, Double> fixed, Progress progress) {
        int latent = model.config().latent();
        for (Map.Entry<Integer, Double> e : fixed.entrySet()) {
            if (e.getKey() < 0 || e.getKey() >= latent) {
                throw new LptemException("latent dimension " + e.getKey() + " does not exist (the model has "
                        + latent + ", numbered 0.." + (latent - 1) + ")");
            }
            if (!Double.isFinite(e.getValue())) {
                throw new LptemException("latent dimension " + e.getKey() + ": value must be finite");
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[] z = new float[n * latent];
        double[] extents = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < latent; j++) {
                double g = random.nextGaussian();
                z[i * latent + j] = (float) fixed.getOrDefault(j, g).doubleValue();
            }
            extents[i] = model.scales().sample(random);
        }
        return toPixels(decode(z, n, progress), extents);
    }

    /**
     * A sweep of one latent dimension from {@code from} to {@code to} in {@code steps} steps, the others at 0 (the
     * prior's mode), all brought to the median training extent: what that dimension controls.
     */
    public List<double[]> sweep(int dimension, double from, double to, int steps, Progress progress) {
        int latent = model.config().latent();
        if (dimension < 0 || dimension >= latent) {
            throw new LptemException("latent dimension " + dimension + " does not exist (the model has " + latent
                    + ")");
        }
        if (steps < 2) {
            throw new LptemException("a latent sweep needs at least 2 steps, got " + steps);
        }
        float[] z = new float[steps * latent];
        double[] extents = new double[steps];
        for (int i = 0; i < steps; i++) {
            z[i * latent + dimension] = (float) (from + (to - from) * i / (steps - 1));
            extents[i] = model.scales().median();
        }
        return toPixels(decode(z, steps, progress), extents);
    }

    /** Normalised trajectories {@code (n, length, 2)} row-major for latents {@code (n, latent)} row-major. */
    public float[] decode(float[] z, int n, Progress progress) {
        LeonardoConfig c = model.config();
        float[] out = new float[n * c.length() * 2];
        for (int from = 0; from < n; from += BATCH) {
            progress.checkCanceled();
            int count = Math.min(BATCH, n - from);
            try (NDManager m = model.vae().parameters().manager().newSubManager()) {
                float[] part = new float[count * c.latent()];
                System.arraycopy(z, from * c.latent(), part, 0, part.length);
                NDArray x = model.vae().decode(m.create(part, new Shape(count, c.latent())));
                System.arraycopy(x.toFloatArray(), 0, out, from * c.length() * 2, count * c.length() * 2);
            }
            progress.report((double) (from + count) / n, "generating");
        }
        return out;
    }

    private List<double[]> toPixels(float[] normalised, double[] extents) {
        int len = model.config().length();
        List<double[]> out = new ArrayList<>(extents.length);
        for (int i = 0; i < extents.length; i++) {
            double[] p = new double[2 * len];
            int base = i * len * 2;
            for (int t = 0; t < len; t++) {
                p[2 * t] = (normalised[base + 2 * t] - normalised[base]) * extents[i];
                p[2 * t + 1] = (normalised[base + 2 * t + 1] - normalised[base + 1]) * extents[i];
            }
            out.add(p);
        }
        return out;
    }
}
