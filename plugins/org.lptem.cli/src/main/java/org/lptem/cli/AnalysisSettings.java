package org.lptem.cli;

import org.lptem.core.LptemException;
import org.lptem.segment.DetectorSettings;

/** Everything {@code lptem analyze} needs besides the video. */
record AnalysisSettings(DetectorSettings detector, LinkerChoice linker, double maxDistancePx, int memoryFrames, int minTrackLength,
        int maxLagFrames) {
    AnalysisSettings {
        if (minTrackLength < 2) {
            throw new LptemException("--min-length must be at least 2 points (an MSD needs a displacement), got "
                    + minTrackLength);
        }
        if (maxLagFrames < 0) {
            throw new LptemException("--max-lag must be >= 0, got " + maxLagFrames);
        }
    }
}
