package org.lptem.cli;

import org.lptem.track.LapLinker;
import org.lptem.track.LapSettings;
import org.lptem.track.Linker;
import org.lptem.track.MotionPrediction;
import org.lptem.track.NearestNeighbourLinker;

/** The linkers {@code lptem analyze} offers, built from its two linking options. */
enum LinkerChoice {
    /** Jaqaman's LAP: optimal frame-to-frame assignment, then gap closing. */
    LAP,
    /** LAP with constant-velocity Kalman prediction, for directed motion. */
    KALMAN,
    /** Greedy nearest neighbour with memory: the simple option. */
    NN;

    Linker create(double maxDistancePx, int maxGapFrames) {
        return switch (this) {
            case NN -> new NearestNeighbourLinker(maxDistancePx, maxGapFrames);
            case LAP, KALMAN -> new LapLinker(LapSettings.builder(maxDistancePx).maxGap(maxGapFrames)
                    .motion(this == KALMAN ? MotionPrediction.KALMAN : MotionPrediction.LAST_POSITION).build());
        };
    }
}
