package org.lptem.cli;

import org.lptem.core.LptemException;
import org.lptem.segment.DetectorSettings;
import org.lptem.stats.MsdSettings;

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
        if (minTrackLength < MIN_TRACK_LENGTH) {
            throw new LptemException("--min-length must be at least " + MIN_TRACK_LENGTH + " points (the MSD "
                    + "analysis estimates the localisation error from 3 lags), got " + minTrackLength);
        }
        if (maxLagFrames < 0) {
            throw new LptemException("--max-lag must be >= 0, got " + maxLagFrames);
        }
        msdFor(maxLagFrames); // a lag the MSD analysis refuses fails now, not after the whole video
    }

    static final int MIN_TRACK_LENGTH = 4;

    /** The MSD Analysis node's defaults (ensemble localisation error, 200 bootstrap replicates, seed 1). */
    MsdSettings msd() {
        return msdFor(maxLagFrames);
    }

    private static MsdSettings msdFor(int maxLagFrames) {
        try {
            return MsdSettings.defaults().withMaxLag(maxLagFrames);
        } catch (LptemException e) {
            throw new LptemException("--max-lag: " + e.getMessage(), e);
        }
    }
}
