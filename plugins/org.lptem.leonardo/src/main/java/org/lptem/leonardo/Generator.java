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
 * Trajectories from a trained LEONARDO: latents from a prior (some dimensions optionally held fixed) or along a
 * sweep of one dimension, decoded, then brought back to px by an extent and shifted to start at the origin.
 * Trajectory i uses the i-th draws of one seeded stream, so the same seed gives the same trajectories in the same
 * order.
 *
 * <p>The prior is the model's aggregate prior ({@link LatentPrior}) where it has one, else N(0, I) as published.
 * With the aggregate prior and a joint (z, log extent) prior (format version 3) the extent is drawn from its
 * conditional given the decoded z ({@link ExtentPrior}), so sizes match shapes; otherwise (N(0, I), or a version-2
 * model) it is drawn from the training windows independently of the shape, as published. {@link #note()} says when
 * a request for the aggregate prior fell back, in either respect. For models with per-frame latents each decoded
 * trajectory is first brought to unit extent, so that its extent in px is the one drawn (the training windows were
 * normalised to unit extent; the decoder of drawn per-frame codes overshoots it), and where the model has a shape
 * extent prior the extent is drawn given the latent and the decoded trajectory's {@link ShapeSummary} (its step
 * kurtosis and step size say much more about the size than the latent does).
 */
public final class Generator {
    private static final int BATCH = 256;

    /** Where latents are drawn from. */
    public enum Prior {
        /** The Gaussian fitted to the encoded training windows (falls back to standard where the model has none). */
        AGGREGATE,
        /** N(0, I), the VAE's training prior, as published. */
        STANDARD
    }

    private final LeonardoModel model;
    private final LatentPrior aggregate;
    private final double[] cholesky;
    private final ExtentPrior extent;
    private final FramePrior frames;
    private final ExtentPrior shapeExtent;
    private final String note;

    /** Draws from the aggregate prior where the model has one, else from N(0, I). */
    public Generator(LeonardoModel model) {
        this(model, Prior.AGGREGATE);
    }

    public Generator(LeonardoModel model, Prior prior) {
        this.model = model;
        this.aggregate = prior == Prior.AGGREGATE ? model.aggregatePrior() : null;
        this.cholesky = aggregate == null ? null : aggregate.cholesky();
        this.frames = aggregate == null ? null : model.framePrior();
        // with a frame prior the per-frame code is not the Gaussian's, so the extent is drawn given the trajectory
        // latent alone (given the whole code the Gaussian's regression ran off with the extents: +72 % variance)
        this.extent = aggregate == null || model.jointPrior() == null ? null : frames == null
                ? model.extentPrior().orElse(null)
                : new ExtentPrior(model.jointPrior().leadingAndLast(model.config().latent()), model.scales());
        this.shapeExtent = extent == null || frames == null || model.shapeExtentPrior() == null ? null
                : new ExtentPrior(model.shapeExtentPrior(), model.scales());
        if (prior == Prior.AGGREGATE && aggregate == null) {
            note = "the model has no aggregate prior (fit one with 'lptem leonardo prior'); sampling latents from "
                    + "the standard prior N(0, I)";
        } else if (aggregate != null && extent == null) {
            note = "the model has no joint (latent, extent) prior (format version 2; refit with 'lptem leonardo "
                    + "prior'); extents are drawn from the training windows independently of the shape";
        } else if (aggregate != null && frames == null && model.config().frameLatent() > 0) {
            note = "the model has per-frame latents but no frame prior (refit with 'lptem leonardo prior'); their "
                    + "codes are drawn from the Gaussian aggregate prior, which gives Gaussian steps";
        } else {
            note = null;
        }
    }

    /** Whether extents are drawn conditionally on the latent (else independently, from the training windows). */
    public boolean extentConditioned() {
        return extent != null;
    }

    /** Whether extents are drawn given the decoded shape too (per-frame models with a shape extent prior). */
    public boolean extentGivenShape() {
        return shapeExtent != null;
    }

    /** The prior actually used. */
    public Prior prior() {
        return aggregate == null ? Prior.STANDARD : Prior.AGGREGATE;
    }

    /** Why the aggregate prior was asked for but not used, if so. */
    public java.util.Optional<String> note() {
        return java.util.Optional.ofNullable(note);
    }

    /**
     * {@code n} trajectories (interleaved x, y in px, starting at 0) from the prior.
     *
     * @param fixed latent dimension (0-based) to value; the others are drawn (from their marginal under the
     *     aggregate prior: a joint draw with the fixed dimensions overwritten); with a joint extent prior the
     *     extent is then drawn given the whole latent as decoded, fixed values included
     */
    public List<double[]> generate(int n, long seed, Map<Integer, Double> fixed, Progress progress) {
        if (n < 1) {
            throw new LptemException("the number of trajectories to generate must be at least 1, got " + n);
        }
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
        int code = model.config().codeSize();
        float[] z = new float[n * code];
        double[] extents = new double[n];
        double[] draw = new double[code];
        for (int i = 0; i < n; i++) {
            if (aggregate != null) {
                aggregate.sample(cholesky, random, draw);
            } else {
                for (int j = 0; j < code; j++) {
                    draw[j] = random.nextGaussian();
                }
            }
            for (int j = 0; j < code; j++) {
                z[i * code + j] = (float) fixed.getOrDefault(j, draw[j]).doubleValue();
            }
            if (frames == null) {
                extents[i] = extent(z, i * code, random);
            }
        }
        if (frames == null) {
            return toPixels(decode(z, n, progress), extents);
        }
        // the extent is drawn given the code actually decoded, so after the frame prior has replaced its frames
        replaceFrameCodes(z, n, random, progress.sub(0, 0.5));
        float[] decoded = decode(z, n, progress.sub(0.5, 1));
        float[] given = shapeExtent == null ? null : ShapeSummary.conditioning(z, code, model.config().latent(),
                decoded, model.config().length(), n);
        for (int i = 0; i < n; i++) {
            extents[i] = given == null ? extent(z, i * code, random)
                    : shapeExtent.sample(given, i * shapeExtent.latent(), random);
        }
        return toPixels(decoded, extents);
    }

    /**
     * A sweep of one latent dimension from {@code from} to {@code to} in {@code steps} steps, the others at the
     * prior's mode (0, or the aggregate prior's mean), each brought to the median training extent, or with a
     * joint extent prior to the median extent given its latent (and, with a shape extent prior, its decoded shape;
     * so the sweep shows size changes too): what that
     * dimension controls.
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
        int code = model.config().codeSize();
        float[] z = new float[steps * code];
        double[] extents = new double[steps];
        for (int i = 0; i < steps; i++) {
            for (int j = 0; aggregate != null && j < code; j++) {
                z[i * code + j] = (float) aggregate.mean()[j];
            }
            z[i * code + dimension] = (float) (from + (to - from) * i / (steps - 1));
            extents[i] = extent != null ? extent.median(z, i * code) : model.scales().median();
        }
        float[] decoded = decode(z, steps, progress);
        if (shapeExtent != null) {
            float[] given = ShapeSummary.conditioning(z, code, model.config().latent(), decoded,
                    model.config().length(), steps);
            for (int i = 0; i < steps; i++) {
                extents[i] = shapeExtent.median(given, i * shapeExtent.latent());
            }
        }
        return toPixels(decoded, extents);
    }

    private double extent(float[] z, int offset, SplittableRandom random) {
        return extent != null ? extent.sample(z, offset, random) : model.scales().sample(random);
    }

    /** The per-frame part of each code drawn again from the frame prior, given the code's trajectory latent. */
    private void replaceFrameCodes(float[] z, int n, SplittableRandom random, Progress progress) {
        LeonardoConfig c = model.config();
        int code = c.codeSize();
        int perFrame = code - c.latent();
        float[] latents = new float[n * c.latent()];
        for (int i = 0; i < n; i++) {
            System.arraycopy(z, i * code, latents, i * c.latent(), c.latent());
        }
        float[] drawn = frames.sample(latents, n, random, progress);
        for (int i = 0; i < n; i++) {
            System.arraycopy(drawn, i * perFrame, z, i * code + c.latent(), perFrame);
        }
    }

    /** Normalised trajectories {@code (n, length, 2)} row-major for latents {@code (n, latent)} row-major. */
    public float[] decode(float[] z, int n, Progress progress) {
        LeonardoConfig c = model.config();
        float[] out = new float[n * c.length() * 2];
        for (int from = 0; from < n; from += BATCH) {
            progress.checkCanceled();
            int count = Math.min(BATCH, n - from);
            try (NDManager m = model.vae().parameters().manager().newSubManager()) {
                float[] part = new float[count * c.codeSize()];
                System.arraycopy(z, from * c.codeSize(), part, 0, part.length);
                NDArray x = model.vae().decode(m.create(part, new Shape(count, c.codeSize())));
                System.arraycopy(x.toFloatArray(), 0, out, from * c.length() * 2, count * c.length() * 2);
            }
            progress.report((double) (from + count) / n, "generating");
        }
        return out;
    }

    private List<double[]> toPixels(float[] normalised, double[] extents) {
        int len = model.config().length();
        boolean unitExtent = model.config().frameLatent() > 0;
        List<double[]> out = new ArrayList<>(extents.length);
        for (int i = 0; i < extents.length; i++) {
            double[] p = new double[2 * len];
            int base = i * len * 2;
            // a window's extent is its larger axis range, which the decoder of per-frame codes drawn by the frame
            // prior overshoots: measured, bundle README "A code that stays put"
            double scale = extents[i] / (unitExtent ? extent(normalised, base, len) : 1);
            for (int t = 0; t < len; t++) {
                p[2 * t] = (normalised[base + 2 * t] - normalised[base]) * scale;
                p[2 * t + 1] = (normalised[base + 2 * t + 1] - normalised[base + 1]) * scale;
            }
            out.add(p);
        }
        return out;
    }

    /** The larger axis range of one decoded trajectory; 1 for one that does not move (nothing to rescale). */
    static double extent(float[] normalised, int base, int length) {
        double loX = Double.POSITIVE_INFINITY;
        double hiX = Double.NEGATIVE_INFINITY;
        double loY = Double.POSITIVE_INFINITY;
        double hiY = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < length; t++) {
            loX = Math.min(loX, normalised[base + 2 * t]);
            hiX = Math.max(hiX, normalised[base + 2 * t]);
            loY = Math.min(loY, normalised[base + 2 * t + 1]);
            hiY = Math.max(hiY, normalised[base + 2 * t + 1]);
        }
        double range = Math.max(hiX - loX, hiY - loY);
        return range > 0 && Double.isFinite(range) ? range : 1;
    }
}
