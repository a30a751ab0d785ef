package org.lptem.cli;

import org.lptem.core.MovingAverageVideo;
import org.lptem.core.Video;
import picocli.CommandLine.Option;

/** {@code --average-frames N}: segment the centred moving mean of N frames instead of single frames. */
final class AveragingOption {
    @Option(names = "--average-frames", defaultValue = "1", paramLabel = "N",
            description = "Segment the mean of N consecutive frames centred on each frame (odd; default 1 = none). "
                    + "Raises the per-pixel SNR by sqrt(N) for particles that move less than their radius in N "
                    + "frames: at SNR ~1, 3 frames let blob detection find ~all particles.")
    int frames;

    /** The video to segment: {@code video} itself, or its moving mean. */
    Video apply(Video video) {
        return frames == 1 ? video : new MovingAverageVideo(video, frames);
    }
}
