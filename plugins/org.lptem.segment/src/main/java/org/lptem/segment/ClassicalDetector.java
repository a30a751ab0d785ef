package org.lptem.segment;

import org.lptem.core.image.GaussianBlur;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.lptem.core.Detection;
import org.lptem.core.Frame;
import org.lptem.core.Progress;
import org.lptem.core.Video;

/**
 * Threshold-based particle detector for bright-field LPTEM frames: background flattening, smoothing, automatic
 * threshold, 8-connected components, moment-based region properties, size and score filters.
 *
 * <p>Stateless and thread-safe: each call works on its own buffers.
 */
public final class ClassicalDetector {
    /**
     * Contrast-to-noise ratio at which the score is 0.5, and the width of the logistic step. Both are measured on
     * the image that was thresholded (flattened and smoothed), whose noise the smoothing has already reduced. On
     * synthetic frames of 512^2 px the most contrasted blobs of pure noise cut out by a Triangle threshold average
     * 3.0-3.5 noise sigmas, while particles at a per-pixel CNR of 0.9 (typical published LPTEM) reach 4-4.5.
     */
    static final double HALF_SCORE_CNR = 3.5;
    static final double SCORE_STEP_CNR = 0.5;

    private final DetectorSettings settings;

    public ClassicalDetector(DetectorSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings must not be null");
        }
        this.settings = settings;
    }

    public DetectorSettings settings() {
        return settings;
    }

    /**
     * Segments one frame; {@code frameIndex} is stored in the result and its detections. Regions are numbered in
     * raster order of their first pixel (top to bottom, then left to right), after the filters.
     */
    public Segmentation detect(Frame frame, int frameIndex) {
        int width = frame.width();
        int height = frame.height();
        float[] raw = frame.toFloat();
        float[] flat = BackgroundFlattening.flatten(raw, width, height, settings.backgroundSigmaPx());
        float[] smooth = GaussianBlur.blur(flat, width, height, settings.smoothingSigmaPx());
        Polarity polarity = settings.polarity();
        double threshold = settings.threshold().apply(Histogram.of(smooth, Histogram.DEFAULT_BINS), polarity);
        boolean[] foreground = new boolean[smooth.length];
        for (int i = 0; i < smooth.length; i++) {
            foreground[i] = polarity.isForeground(smooth[i], threshold);
        }
        int[] labels = new int[raw.length];
        int count = ConnectedComponents.label(foreground, width, height, labels);

        RegionMoments moments = RegionMoments.measure(labels, count, width, raw);
        double[] smoothMeans = RegionMoments.regionMeans(labels, count, smooth);
        NoiseEstimate noise = NoiseEstimate.of(smooth);
        int[] renumbered = new int[count + 1];
        List<Detection> detections = new ArrayList<>();
        for (int l = 1; l <= count; l++) {
            long area = moments.area(l);
            if (area < settings.minAreaPx() || area > settings.maxAreaPx()) {
                continue;
            }
            double score = score(polarity.contrast(smoothMeans[l], noise.level()), noise.sigma());
            if (score < settings.minScore()) {
                continue;
            }
            renumbered[l] = detections.size() + 1;
            detections.add(moments.toDetection(l, frameIndex, score, renumbered[l]));
        }
        for (int i = 0; i < labels.length; i++) {
            labels[i] = renumbered[labels[i]];
        }
        return new Segmentation(frameIndex, width, height, labels, detections);
    }

    /**
     * Logistic of the region's contrast-to-noise ratio: its mean contrast against the background level, in units
     * of the background's pixel noise. A region on the wrong side of the background scores near 0. The area is
     * deliberately left out: with correlated noise, a big noise blob is not more significant than a small one.
     */
    static double score(double contrast, double noiseSigma) {
        double cnr;
        if (noiseSigma > 0) {
            cnr = contrast / noiseSigma;
        } else {
            // a noise-free image: any contrast in the right direction is certain
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
        ClassicalDetector detector = new ClassicalDetector(settings);
        int frames = video.frameCount();
        for (int i = 0; i < frames; i++) {
            progress.checkCanceled();
            progress.report((double) i / frames, "detecting frame " + (i + 1) + "/" + frames);
            sink.accept(detector.detect(video.frame(i), i));
        }
        progress.report(1, "detected " + frames + " frames");
    }
}
