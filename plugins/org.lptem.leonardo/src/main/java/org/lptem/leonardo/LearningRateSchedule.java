package org.lptem.leonardo;

import java.util.Locale;
import org.lptem.core.LptemException;

/**
 * How the learning rate changes over a run. The published training keeps it constant for 200 epochs; within a
 * CPU budget of a few dozen epochs a constant rate leaves the weights rattling at the noise level of the last
 * epochs (the validation total jumps by a few percent from epoch to epoch), and letting the rate decay to a small
 * fraction by the last step lets those epochs settle instead.
 */
public enum LearningRateSchedule {
    /** The base rate at every step (as published). */
    CONSTANT("constant"),
    /**
     * Half a cosine per run, step by step, from the base rate at the first step to {@link #COSINE_FLOOR} of it at
     * the last step of the last epoch (Loshchilov and Hutter, "SGDR", ICLR 2017, without restarts).
     */
    COSINE("cosine");

    /** The share of the base rate the cosine ends at. */
    public static final double COSINE_FLOOR = 0.05;

    private final String key;

    LearningRateSchedule(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /**
     * The rate of step {@code step} (0-based) of {@code totalSteps}; steps past the end keep the last rate.
     */
    public double rate(double base, long step, long totalSteps) {
        if (this == CONSTANT || totalSteps <= 1) {
            return base;
        }
        double progress = Math.min(1, (double) step / (totalSteps - 1));
        return base * (COSINE_FLOOR + (1 - COSINE_FLOOR) * 0.5 * (1 + Math.cos(Math.PI * progress)));
    }

    public static LearningRateSchedule byKey(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT);
        for (LearningRateSchedule s : values()) {
            if (s.key.equals(k)) {
                return s;
            }
        }
        throw new LptemException("unknown learning-rate schedule '" + key + "' (expected constant or cosine)");
    }
}
