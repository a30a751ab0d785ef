package org.lptem.simulate;

/**
 * How a particle moves in the liquid, as displacement increments per frame in px. Whole-trajectory generation
 * (rather than one step at a time) leaves room for models with memory such as fractional Brownian motion.
 */
interface MotionModel {

    /** Fills dx[k], dy[k] with the displacement from frame k to frame k + 1, px. */
    void increments(SplitMix64 rng, double[] dx, double[] dy);
}
