package org.lptem.segment;

import java.util.function.Consumer;
import org.lptem.core.Frame;
import org.lptem.core.Progress;
import org.lptem.core.Video;

/** Anything that turns a frame into labelled particles: the classical pipelines and the ONNX models. */
public interface Segmenter {

    /** Segments one frame; {@code frameIndex} goes into the result and its detections. */
    Segmentation segment(Frame frame, int frameIndex);

    /**
     * Segments every frame of {@code video} in order and hands each result to {@code sink} before decoding the next,
     * so memory stays at one frame whatever the video's length.
     *
     * @throws org.lptem.core.CanceledException when {@code progress} reports cancellation (checked once per frame)
     */
    default void segmentAll(Video video, Progress progress, Consumer<Segmentation> sink) {
        int frames = video.frameCount();
        for (int i = 0; i < frames; i++) {
            progress.checkCanceled();
            progress.report((double) i / frames, "detecting frame " + (i + 1) + "/" + frames);
            sink.accept(segment(video.frame(i), i));
        }
        progress.report(1, "detected " + frames + " frames");
    }
}
