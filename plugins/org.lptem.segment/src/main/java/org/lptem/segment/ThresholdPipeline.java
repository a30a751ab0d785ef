package org.lptem.segment;

import org.lptem.core.Frame;
import org.lptem.core.image.GaussianBlur;
import org.lptem.segment.filter.BoxMean;
import org.lptem.segment.filter.MedianFilter;
import org.lptem.segment.filter.RollingBall;

/**
 * The threshold family: background removal, denoising, a foreground rule ({@link ClassicalSettings.Foreground}
 * GLOBAL, HYSTERESIS or LOCAL), 8-connected components, optionally a watershed on the distance to the background to
 * cut touching particles, then moments, the contrast score and the size and score filters. With the plain
 * detector's settings it is exactly the original {@link ClassicalDetector}.
 */
final class ThresholdPipeline implements Segmenter {
    private final ClassicalSettings settings;

    ThresholdPipeline(ClassicalSettings settings) {
        this.settings = settings;
    }

    @Override
    public Segmentation segment(Frame frame, int frameIndex) {
        int width = frame.width();
        int height = frame.height();
        DetectorSettings d = settings.detector();
        float[] raw = frame.toFloat();
        float[] image = prepared(raw, width, height);
        if (settings.foreground() == ClassicalSettings.Foreground.LOCAL) {
            image = localContrast(image, width, height);
        }
        Polarity polarity = d.polarity();
        NoiseEstimate noise = NoiseEstimate.of(image);
        boolean[] foreground = foreground(image, width, height, noise.level(), noise.sigma());
        int[] labels = new int[raw.length];
        int count = ConnectedComponents.label(foreground, width, height, labels);
        if (settings.splitTouching()) {
            count = Watershed.splitTouching(foreground, labels, width, height, settings.ridgeRatio());
        }
        RegionMoments moments = RegionMoments.measure(labels, count, width, raw);
        double[] imageMeans = RegionMoments.regionMeans(labels, count, image);
        return Segmentation.filtered(frameIndex, width, height, labels, moments,
                l -> ClassicalDetector.score(polarity.contrast(imageMeans[l], noise.level()), noise.sigma()),
                d.minAreaPx(), d.maxAreaPx(), d.minScore());
    }

    /**
     * Background removed and noise suppressed. The Gaussian flattening is linear and runs on the raw frame; the
     * rolling ball needs the denoised surface (it would otherwise ride on the noise peaks), so it comes second.
     */
    float[] prepared(float[] raw, int width, int height) {
        DetectorSettings d = settings.detector();
        return switch (settings.background()) {
            case NONE -> denoised(raw, width, height);
            case GAUSSIAN -> denoised(BackgroundFlattening.flatten(raw, width, height, d.backgroundSigmaPx()), width,
                    height);
            case ROLLING_BALL -> {
                // the quadratic trend first, as for the Gaussian: the ball's height unit is the noise sigma, which
                // a steep gradient would otherwise pass for
                float[] detrended = raw.clone();
                BackgroundFlattening.subtractQuadraticTrend(detrended, width, height);
                float[] smooth = denoised(detrended, width, height);
                if (d.backgroundSigmaPx() == 0) {
                    yield smooth;
                }
                double unit = NoiseEstimate.of(smooth).sigma();
                float[] ball = RollingBall.background(smooth, width, height, d.backgroundSigmaPx(),
                        unit > 0 ? unit : 1, d.polarity() == Polarity.DARK);
                for (int i = 0; i < smooth.length; i++) {
                    smooth[i] -= ball[i];
                }
                yield smooth;
            }
        };
    }

    /**
     * The image less the mean of the window around each pixel: the local rule's contrast. Its noise, level and the
     * regions' scores are then those of the local contrast, which no illumination gradient reaches. The quadratic
     * trend goes first: near a corner the window is cut to the image, its centre lies inwards, and a gradient would
     * make the corner look like a particle.
     */
    private float[] localContrast(float[] image, int width, int height) {
        float[] out = image.clone();
        BackgroundFlattening.subtractQuadraticTrend(out, width, height);
        float[] mean = BoxMean.filter(out, width, height, (int) Math.round(settings.localRadiusPx()));
        for (int i = 0; i < out.length; i++) {
            out[i] -= mean[i];
        }
        return out;
    }

    private float[] denoised(float[] image, int width, int height) {
        double scale = settings.detector().smoothingSigmaPx();
        return switch (settings.denoising()) {
            case GAUSSIAN -> GaussianBlur.blur(image, width, height, scale);
            case MEDIAN -> MedianFilter.filter(image, width, height, Math.max(1, (int) Math.round(scale)));
        };
    }

    private boolean[] foreground(float[] image, int width, int height, double level, double sigma) {
        Polarity polarity = settings.detector().polarity();
        boolean[] fg = new boolean[image.length];
        switch (settings.foreground()) {
            case GLOBAL -> {
                double t = settings.detector().threshold().apply(Histogram.of(image, Histogram.DEFAULT_BINS),
                        polarity);
                for (int i = 0; i < image.length; i++) {
                    fg[i] = polarity.isForeground(image[i], t);
                }
            }
            case HYSTERESIS -> {
                boolean[] strong = new boolean[image.length];
                for (int i = 0; i < image.length; i++) {
                    double c = polarity.contrast(image[i], level);
                    fg[i] = c > settings.hysteresisLowSigmas() * sigma;
                    strong[i] = c > settings.hysteresisHighSigmas() * sigma;
                }
                fg = Hysteresis.apply(fg, strong, width, height);
            }
            case LOCAL -> {
                // the image is already the difference from the local mean (see localContrast)
                for (int i = 0; i < image.length; i++) {
                    fg[i] = polarity.contrast(image[i], 0) > settings.localOffsetSigmas() * sigma;
                }
            }
            case BLOB -> throw new IllegalStateException("the blob rule has its own pipeline");
        }
        return fg;
    }
}
