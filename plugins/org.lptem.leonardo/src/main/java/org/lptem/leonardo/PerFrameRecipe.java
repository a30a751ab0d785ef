package org.lptem.leonardo;

import java.util.List;

/**
 * The measured way to train a model with per-frame latents, whose samples are independent trajectories rather than
 * near-copies of one path: two latent values per frame, a reconstruction weight that makes the decoder follow the
 * per-frame code, a total-variation term that keeps that code from changing every frame, and the best of four frame
 * prior fits. With the acceptance data and training settings (bundle README, "A code that stays put", "Choosing
 * among frame prior fits") it generated at 30-83x the Frechet floor, against 278-363x for the published shape.
 * One definition for {@code lptem leonardo train --per-frame} and the KNIME Learner; any part can still be
 * overridden (a loss weight given after it wins).
 */
public final class PerFrameRecipe {
    /** Latent values per frame. */
    public static final int FRAME_LATENT = 2;
    /** Loss weight changes on top of the preset's, as {@code term=weight}. */
    public static final List<String> LOSS_CHANGES = List.of("mse=30000", "frame_variation=0.3");
    /** Frame prior fits of which the closest to the training windows is kept. */
    public static final int FRAME_PRIOR_FITS = 4;

    private PerFrameRecipe() {
    }

    /** {@code base} with {@link #FRAME_LATENT} latent values per frame. */
    public static LeonardoConfig config(LeonardoConfig base) {
        return base.withFrameLatent(FRAME_LATENT);
    }

    /** {@code base} with {@link #LOSS_CHANGES} and {@link #FRAME_PRIOR_FITS}. */
    public static TrainingSettings settings(TrainingSettings base) {
        return base.withWeights(base.weights().with(LOSS_CHANGES)).withFramePriorFits(FRAME_PRIOR_FITS);
    }
}
