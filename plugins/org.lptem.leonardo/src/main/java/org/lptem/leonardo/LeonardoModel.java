package org.lptem.leonardo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lptem.core.Calibration;
import org.lptem.core.LptemException;

/**
 * A trained LEONARDO: the network, what its training saw and how it went. Closing it frees the weights.
 *
 * @param vae network and weights
 * @param scales extents and calibration to bring generated trajectories back to px, nm and s
 * @param history loss per epoch, as trained (the weights are those of the best monitored epoch)
 * @param weights loss weights used
 * @param trainingReference feature moments of the training windows (the floor of evaluations)
 * @param info training facts for the record (seed, windows, stride, source, ...)
 * @param aggregatePrior Gaussian fitted to the encoded training windows, or null where none was fitted (version-1
 *     model files, checkpoints written during training)
 * @param jointPrior Gaussian over (z, log extent px), latent + 1 dimensions with the log extent last, whose latent
 *     marginal is {@code aggregatePrior}; null where none was fitted (version-1 and -2 files, checkpoints)
 * @param framePrior the autoregressive prior of the per-frame code, for models with per-frame latents; null where
 *     none was fitted (models without per-frame latents, checkpoints)
 * @param shapeExtentPrior for models with a frame prior: the Gaussian over (z, the shape summary of the decoded
 *     training window, log extent px), latent + 3 dimensions with the log extent last, from which the generator
 *     draws each extent given the trajectory it decoded; null where none was fitted (files written before it,
 *     checkpoints), in which case the extent is drawn given z alone
 */
public record LeonardoModel(TransformerVae vae, ScaleDistribution scales, List<EpochLoss> history,
        LossWeights weights, FeatureMoments trainingReference, Map<String, String> info, LatentPrior aggregatePrior,
        LatentPrior jointPrior, FramePrior framePrior, LatentPrior shapeExtentPrior) implements AutoCloseable {

    public LeonardoModel {
        history = List.copyOf(history);
        info = Map.copyOf(info);
        if (aggregatePrior != null && aggregatePrior.dimension() != vae.config().codeSize()) {
            throw new org.lptem.core.LptemException("the aggregate prior has " + aggregatePrior.dimension()
                    + " dimensions, the model's code " + vae.config().codeSize());
        }
        if (jointPrior != null && (aggregatePrior == null || jointPrior.dimension() != vae.config().codeSize() + 1)) {
            throw new org.lptem.core.LptemException("the joint (latent, log extent) prior has "
                    + jointPrior.dimension() + " dimensions, the model's code " + vae.config().codeSize()
                    + " needs " + (vae.config().codeSize() + 1) + " and an aggregate prior");
        }
        if (framePrior != null) {
            LeonardoConfig c = vae.config();
            FramePrior.Sizes s = framePrior.sizes();
            if (s.latent() != c.latent() || s.channels() != c.frameLatent() || s.length() != c.length()) {
                throw new LptemException("the frame prior is for a latent of " + s.latent() + ", " + s.channels()
                        + " values per frame and " + s.length() + " frames; the model has " + c.latent() + ", "
                        + c.frameLatent() + " and " + c.length());
            }
        }
        if (shapeExtentPrior != null && (framePrior == null
                || shapeExtentPrior.dimension() != vae.config().latent() + ShapeSummary.SIZE + 1)) {
            throw new LptemException("the shape extent prior has " + shapeExtentPrior.dimension()
                    + " dimensions; it needs a frame prior and " + (vae.config().latent() + ShapeSummary.SIZE + 1)
                    + " (the latent, " + ShapeSummary.SIZE + " shape values, the log extent)");
        }
    }

    /** A model without a shape extent prior. */
    public LeonardoModel(TransformerVae vae, ScaleDistribution scales, List<EpochLoss> history, LossWeights weights,
            FeatureMoments trainingReference, Map<String, String> info, LatentPrior aggregatePrior,
            LatentPrior jointPrior, FramePrior framePrior) {
        this(vae, scales, history, weights, trainingReference, info, aggregatePrior, jointPrior, framePrior, null);
    }

    /** A model without a frame prior. */
    public LeonardoModel(TransformerVae vae, ScaleDistribution scales, List<EpochLoss> history, LossWeights weights,
            FeatureMoments trainingReference, Map<String, String> info, LatentPrior aggregatePrior,
            LatentPrior jointPrior) {
        this(vae, scales, history, weights, trainingReference, info, aggregatePrior, jointPrior, null);
    }

    /** A model without a joint extent prior. */
    public LeonardoModel(TransformerVae vae, ScaleDistribution scales, List<EpochLoss> history, LossWeights weights,
            FeatureMoments trainingReference, Map<String, String> info, LatentPrior aggregatePrior) {
        this(vae, scales, history, weights, trainingReference, info, aggregatePrior, null);
    }

    /** A model without an aggregate prior. */
    public LeonardoModel(TransformerVae vae, ScaleDistribution scales, List<EpochLoss> history, LossWeights weights,
            FeatureMoments trainingReference, Map<String, String> info) {
        this(vae, scales, history, weights, trainingReference, info, null, null);
    }

    /** The aggregate prior, if one was fitted. */
    /**
     * Refuses windows whose calibration differs from the training table's where both are known: the model's
     * statistics and extents are in px and frames of that table, so other pixel sizes or frame intervals would be
     * compared as if they were the same.
     *
     * @param source names the windows' table in the message
     */
    public void requireCalibrationOf(TrajectoryWindows windows, String source) {
        Calibration trained = scales.calibration();
        Calibration given = windows.calibration();
        boolean pixels = differs(trained.nmPerPixel(), given.nmPerPixel());
        boolean frames = differs(trained.secondsPerFrame(), given.secondsPerFrame());
        if (pixels || frames) {
            throw new LptemException(source + " is calibrated " + given + ", the model was trained on tracks "
                    + "calibrated " + trained + ": its statistics are in the training table's px and frames, so "
                    + "compare tracks of the same pixel size and frame interval");
        }
    }

    private static boolean differs(java.util.OptionalDouble a, java.util.OptionalDouble b) {
        return a.isPresent() && b.isPresent()
                && Math.abs(a.getAsDouble() - b.getAsDouble()) > 1e-9 * Math.max(a.getAsDouble(), b.getAsDouble());
    }

    public Optional<LatentPrior> prior() {
        return Optional.ofNullable(aggregatePrior);
    }

    /**
     * The same model (sharing its weights: close only one of the two) with {@code prior} as aggregate prior and no
     * joint extent prior.
     */
    public LeonardoModel withAggregatePrior(LatentPrior prior) {
        return new LeonardoModel(vae, scales, history, weights, trainingReference, info, prior, null, framePrior,
                shapeExtentPrior);
    }

    /**
     * The same model (sharing its weights) with {@code joint} (over z and log extent, from
     * {@link LatentPrior#fitJoint}) as joint prior and its latent marginal as aggregate prior.
     */
    public LeonardoModel withJointPrior(LatentPrior joint) {
        return new LeonardoModel(vae, scales, history, weights, trainingReference, info,
                joint.marginal(vae.config().codeSize()), joint, framePrior, shapeExtentPrior);
    }

    /**
     * The same model (sharing its weights; the prior replaced is not closed) with {@code prior} as frame prior; the
     * shape extent prior is kept (it depends on the network and the windows, not on the frame prior).
     */
    public LeonardoModel withFramePrior(FramePrior prior) {
        return new LeonardoModel(vae, scales, history, weights, trainingReference, info, aggregatePrior, jointPrior,
                prior, prior == null ? null : shapeExtentPrior);
    }

    /** The same model (sharing its weights) with {@code more} added to its info (replacing equal keys). */
    public LeonardoModel withInfo(Map<String, String> more) {
        Map<String, String> all = new java.util.TreeMap<>(info);
        all.putAll(more);
        return new LeonardoModel(vae, scales, history, weights, trainingReference, all, aggregatePrior, jointPrior,
                framePrior, shapeExtentPrior);
    }

    /** The same model (sharing its weights) with {@code prior} as shape extent prior (see the record's doc). */
    public LeonardoModel withShapeExtentPrior(LatentPrior prior) {
        return new LeonardoModel(vae, scales, history, weights, trainingReference, info, aggregatePrior, jointPrior,
                framePrior, prior);
    }

    /**
     * The extent prior conditioned on the latent, if a joint prior was fitted; its draws are carried to the same rank
     * of the training extents ({@code scales}).
     */
    public Optional<ExtentPrior> extentPrior() {
        return Optional.ofNullable(jointPrior).map(j -> new ExtentPrior(j, scales));
    }

    public LeonardoConfig config() {
        return vae.config();
    }

    @Override
    public void close() {
        if (framePrior != null) {
            framePrior.close();
        }
        vae.parameters().close();
    }
}
