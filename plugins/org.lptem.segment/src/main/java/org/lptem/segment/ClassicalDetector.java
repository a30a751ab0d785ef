package org.lptem.segment;

import java.util.function.Consumer;
import org.lptem.core.Frame;
import org.lptem.core.Progress;
import org.lptem.core.Video;

/**
 * The classical particle segmenters for bright-field LPTEM frames. With {@link DetectorSettings} alone: background
 * flattening, smoothing, automatic threshold, 8-connected components, moment-based region properties, size and score
 * filters. With {@link ClassicalSettings}: the whole family (rolling ball, median, hysteresis and local thresholds,
 * watershed splitting) and the matched-filter blob pipeline for per-pixel SNR near 1. A frame of a single value
 * has no detections.
 *
 * <p>Stateless and thread-safe: each call works on its own buffers.
 */
public final class ClassicalDetector implements Segmenter {
    /**
     * Contrast-to-noise ratio at which the score is 0.5, and the width of the logistic step. Both are measured on
     * the image that was thresholded (flattened and smoothed), whose noise the smoothing has already reduced. On
     * synthetic frames of 512^2 px the most contrasted blobs of pure noise cut out by a Triangle threshold average
     * 3.0-3.5 noise sigmas, while particles at a per-pixel CNR of 0.9 (typical published LPTEM) reach 4-4.5.
     */
    static final double HALF_SCORE_CNR = 3.5;
    static final double SCORE_STEP_CNR = 0.5;

    private final ClassicalSettings settings;
    private final Segmenter pipeline;

    public ClassicalDetector(DetectorSettings settings) {
        this(settings == null ? null : ClassicalSettings.of(settings));
    }

    public ClassicalDetector(ClassicalSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings must not be null");
        }
        this.settings = settings;
        this.pipeline = settings.foreground() == ClassicalSettings.Foreground.BLOB ? new BlobPipeline(settings)
                : new ThresholdPipeline(settings);
    }

    public DetectorSettings settings() {
        return settings.detector();
    }

    public ClassicalSettings classicalSettings() {
        return settings;
    }

    /**
     * Segments one frame; {@code frameIndex} is stored in the result and its detections. Regions are numbered in
     * raster order of their first pixel (top to bottom, then left to right), after the filters.
     */
    public Segmentation detect(Frame frame, int frameIndex) {
        return segment(frame, frameIndex);
    }

    @Override
    public Segmentation segment(Frame frame, int frameIndex) {
        if (isConstant(frame)) {
            // nothing to find, and every threshold and noise estimate of a single value is degenerate
            return new Segmentation(frameIndex, frame.width(), frame.height(), new int[frame.width() * frame.height()],
                    java.util.List.of());
        }
        return pipeline.segment(frame, frameIndex);
    }

    private static boolean isConstant(Frame frame) {
        int pixels = frame.width() * frame.height();
        double first = frame.get(0);
        for (int i = 1; i < pixels; i++) {
            if (Double.compare(frame.get(i), first) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Logistic of the region's contrast-to-noise ratio: its mean contrast against the background level, in units
     * of the background's pixel noise. A region on the wrong side of the background scores near 0. The area is
     * deliberately left out: with correlated noise, a big noise blob is not more significant than a small one.
     */
    static double score(double contrast, double noiseSigma) {
        if (Double.isNaN(noiseSigma) || Double.isInfinite(noiseSigma)) {
            return 0;
        }
        double cnr;
        if (noiseSigma > 0) {
            cnr = contrast / noiseSigma;
        } else {
            // a noise-free image (a rendering, a mask): any contrast in the right direction is certain
            cnr = contrast > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        return 1 / (1 + Math.exp(-(cnr - HALF_SCORE_CNR) / SCORE_STEP_CNR));
    }

    /**
     * Segments every frame of {@code video} in order and hands each result to {@code sink} before decoding the next,
     * so memory stays at one frame whatever the video's length.
     *
     * @throws org.lptem.core.CanceledException when {@code progress} reports cancellation (checked once per frame)
     */
    public static void detectAll(Video video, DetectorSettings settings, Progress progress,
            Consumer<Segmentation> sink) {
        new ClassicalDetector(settings).segmentAll(video, progress, sink);
    }

    /** As {@link #detectAll(Video, DetectorSettings, Progress, Consumer)} with every classical option. */
    public static void detectAll(Video video, ClassicalSettings settings, Progress progress,
            Consumer<Segmentation> sink) {
        new ClassicalDetector(settings).segmentAll(video, progress, sink);
    }
}
