package org.lptem.cli;

import org.lptem.core.LptemException;
import org.lptem.segment.DetectorSettings;

/** Everything {@code lptem analyze} needs besides the video. */
record AnalysisSettings(DetectorSettings detector, LinkerChoice linker, double maxDistancePx, int memoryFrames, int minTrackLength,
        int maxLagFrames, Segmentation segmentation) {
    /** How particles are found: the threshold pipeline of {@link #detector()}, or the default U-Net with its filters. */
    enum Segmentation {
        CLASSICAL, UNET;

        static Segmentation parse(String text) {
            for (Segmentation s : values()) {
                if (s.name().equalsIgnoreCase(text.trim())) {
                    return s;
                }
            }
            throw new LptemException("--segmentation '" + text + "' is not one of classical, unet");
        }
    }

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
