package org.lptem.segment.unet;

import org.lptem.core.LptemException;

/**
 * The size of a U-Net: {@code depth} resolution levels (depth - 1 max-poolings by 2) with {@code baseChannels}
 * feature channels at full resolution, doubling at every level down.
 */
public record UnetConfig(int depth, int baseChannels) {
    public static final int MAX_DEPTH = 6;

    public UnetConfig {
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new LptemException("U-Net depth must be 1 to " + MAX_DEPTH + " levels, got " + depth);
        }
        if (baseChannels < 1 || (long) baseChannels << (depth - 1) > 1024) {
            throw new LptemException("U-Net base channels must be >= 1 and at most 1024 at the deepest level, got "
                    + baseChannels + " at depth " + depth);
        }
    }

    /** Feature channels at a level, 0 = full resolution. */
    public int channels(int level) {
        return baseChannels << level;
    }

    /** Inputs are padded to a multiple of this side so every pooling halves an even size. */
    public int sizeMultiple() {
        return 1 << (depth - 1);
    }
}
