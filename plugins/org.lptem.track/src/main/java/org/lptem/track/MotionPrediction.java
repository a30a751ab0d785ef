package org.lptem.track;

/** Where the linker expects a particle in the next frame. */
public enum MotionPrediction {
    /** Where it was last seen: right for diffusion (Brownian motion has no memory of its direction). */
    LAST_POSITION,
    /**
     * Where a constant-velocity Kalman filter of its track puts it: right for directed motion (flow, motors,
     * beam-driven drift of single particles), where the last position lags by a whole step.
     */
    KALMAN
}
