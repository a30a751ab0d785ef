package org.lptem.knime.common;

import org.knime.core.node.InvalidSettingsException;

/** The "Frames averaged" setting of the segmenter nodes ({@code lptem segment --average-frames}). */
public final class FrameAveraging {
    public static final String TITLE = "Frames averaged";
    public static final String DESCRIPTION = "Segment the mean of this many consecutive frames centred on each frame "
        + "(odd; 1 = single frames). Raises the per-pixel SNR by the square root of the number for particles that "
        + "move less than their radius in that many frames; fast-jumping particles smear. In the U-Net Segmenter with "
        + "the built-in U-Net for 3-frame means and 3 frames, its region classifier (fitted on such means) also "
        + "decides which regions are particles in focus and drops out-of-focus ones.";

    private FrameAveraging() {
    }

    public static void validate(final int frames) throws InvalidSettingsException {
        if (frames < 1 || frames % 2 == 0) {
            throw new InvalidSettingsException("Frames averaged must be an odd number >= 1 (centred on each frame), "
                + "got " + frames);
        }
    }
}
