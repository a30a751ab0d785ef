package org.lptem.segment.metrics;

import java.util.function.Consumer;
import org.lptem.core.Frame;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;
import org.lptem.core.Video;

/**
 * Scores a predicted label video against a true one, frame by frame: the scores of each frame and of the whole video,
 * in one pass over the frames (one frame pair in memory). What {@code lptem score-segmentation} prints and the
 * KNIME Segmentation Scorer outputs.
 */
public final class LabelVideoScoring {
    private LabelVideoScoring() {
    }

    /** The scores of one frame ({@link SegmentationScores#frames()} is 1). */
    public record FrameScores(int frame, SegmentationScores scores) {
    }

    /**
     * @param boundaryTolerancePx tolerance of the boundary F, px; NaN for DAVIS's (0.8 % of the image diagonal)
     * @param perFrame receives each frame's scores, in frame order
     * @return the scores over all frames (per-object values averaged over all objects of all frames, not over the
     *     per-frame means)
     * @throws LptemException if the two videos differ in frame count or size, naming both
     * @throws org.lptem.core.CanceledException when {@code progress} is canceled (checked once per frame)
     */
    public static SegmentationScores score(Video truth, Video pred, double boundaryTolerancePx, Progress progress,
            Consumer<FrameScores> perFrame) {
        if (truth.frameCount() != pred.frameCount() || truth.width() != pred.width()
                || truth.height() != pred.height()) {
            throw new LptemException(pred.source(), -1, "has " + pred.frameCount() + " frames of " + pred.width()
                    + " x " + pred.height() + " but the truth " + truth.source() + " has " + truth.frameCount()
                    + " of " + truth.width() + " x " + truth.height(), null);
        }
        SegmentationScorer overall = new SegmentationScorer(boundaryTolerancePx);
        int n = truth.frameCount();
        for (int f = 0; f < n; f++) {
            progress.checkCanceled();
            progress.report((double) f / n, "scoring frame " + (f + 1) + " of " + n);
            int[] t = labels(truth, f);
            int[] p = labels(pred, f);
            // The overall scores are sums over objects, which the per-frame means cannot give back (the number of
            // matched pairs behind the centroid error is not among them), so each frame is also scored on its own.
            SegmentationScorer single = new SegmentationScorer(boundaryTolerancePx);
            single.add(t, p, truth.width(), truth.height());
            overall.add(t, p, truth.width(), truth.height());
            perFrame.accept(new FrameScores(f, single.scores()));
        }
        progress.report(1, "scored " + n + " frames");
        return overall.scores();
    }

    private static int[] labels(Video video, int frame) {
        Frame labels = video.frame(frame); // names source and frame itself when it fails
        try {
            return SegmentationScorer.labelsOf(labels);
        } catch (LptemException e) {
            throw LptemException.inFrame(video.source(), frame, e.getMessage(), e);
        }
    }
}
