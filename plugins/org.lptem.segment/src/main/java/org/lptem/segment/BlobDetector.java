package org.lptem.segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lptem.core.Frame;
import org.lptem.core.image.GaussianBlur;
import org.lptem.segment.filter.Binning;

/**
 * Finds round-ish particles by matched filtering: for each searched radius r, a centre Gaussian of sigma 0.63 r
 * (the Gaussian that best matches a disc of radius r in white noise, 90 % of the disc's own SNR) minus a surround
 * Gaussian three times wider (which removes the local background and any linear illumination gradient), applied to
 * the frame binned so that r spans 2 to 4 bins. The response is measured in its own robust noise sigma, so the
 * threshold is a significance whatever the bit depth, gain or noise correlation, and responses at different radii
 * compare directly; the most significant radius wins at each place. Peaks are refined to sub-pixel positions by a
 * parabola through the three samples along each axis.
 *
 * <p>At a per-pixel SNR of 1 no single pixel stands out, but the sum over a particle of radius 7 px does (by about
 * sqrt(154) for white noise): that is what makes detection possible where a pixel threshold finds nothing.
 */
public final class BlobDetector {
    /** Sigma of the centre Gaussian per particle radius: maximises (disc * G) / ||G|| for a disc. */
    static final double CENTRE_SIGMA_PER_RADIUS = 0.63;
    /** The surround is this many times wider than the centre. */
    static final double SURROUND_FACTOR = 3;
    /**
     * Radii are binned down to at least this many bins: enough samples for the filter and the peak fit (2.5 bins
     * gave the same recall at SNR 1 for twice the work).
     */
    static final double MIN_BINNED_RADIUS = 2;
    /** Successive searched radii differ by this factor. */
    static final double RADIUS_STEP = 1.5;
    /**
     * Candidates closer than this many (larger) radii are one particle; the most significant is kept. The inner rim
     * of a flat particle answers the small filters strongly, at about one radius from its centre.
     */
    static final double SUPPRESSION_RADII = 1.5;
    /** The robust noise sigma is estimated on this many samples of the response. */
    static final int NOISE_SAMPLES = 1 << 13;

    private final Polarity polarity;
    private final double[] radii;
    private final double thresholdSigmas;

    public BlobDetector(Polarity polarity, double minRadiusPx, double maxRadiusPx, double thresholdSigmas) {
        if (polarity == null) {
            throw new IllegalArgumentException("polarity must be given");
        }
        if (!(minRadiusPx > 0) || !(maxRadiusPx >= minRadiusPx) || Double.isInfinite(maxRadiusPx)) {
            throw new IllegalArgumentException("radii must satisfy 0 < min <= max < infinity, got " + minRadiusPx
                    + " and " + maxRadiusPx);
        }
        this.polarity = polarity;
        this.radii = radii(minRadiusPx, maxRadiusPx);
        this.thresholdSigmas = thresholdSigmas;
    }

    /** min, min x 1.5, ... and max itself, so both ends of the range are searched. */
    static double[] radii(double min, double max) {
        List<Double> r = new ArrayList<>();
        for (double v = min; v < max * (1 - 1e-9); v *= RADIUS_STEP) {
            r.add(v);
        }
        r.add(max);
        if (r.size() > 1 && r.get(r.size() - 1) / r.get(r.size() - 2) < Math.sqrt(RADIUS_STEP)) {
            r.remove(r.size() - 2);
        }
        return r.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Binning factor for radius r: as coarse as keeps r at least {@value #MIN_BINNED_RADIUS} bins. */
    static int binningFor(double radiusPx) {
        return Math.max(1, (int) Math.floor(radiusPx / MIN_BINNED_RADIUS));
    }

    /** The particles of one frame, most significant first. */
    public List<Blob> detect(Frame frame) {
        return detect(List.of(frame));
    }

    /**
     * The particles of the mean of consecutive frames (all of one size), most significant first. Averaging n frames
     * divides the noise by sqrt(n) while a particle that moves less than its radius over them keeps most of its
     * contrast: at per-pixel SNR 1, three frames lift a particle of radius 7 px from about 5.5 to about 9 sigmas.
     * Positions are those of the mean: the middle frame's for steady motion.
     */
    public List<Blob> detect(List<Frame> frames) {
        Frame first = frames.get(0);
        for (Frame f : frames) {
            if (f.width() != first.width() || f.height() != first.height()) {
                throw new IllegalArgumentException("frames of " + f.width() + " x " + f.height() + " and "
                        + first.width() + " x " + first.height() + " cannot be averaged");
            }
        }
        Map<Integer, float[]> binned = new HashMap<>();
        List<Blob> candidates = new ArrayList<>();
        for (double r : radii) {
            int b = binningFor(r);
            float[] image = binned.computeIfAbsent(b, f -> detrendedMean(frames, f));
            candidates.addAll(atRadius(image, Binning.binnedSize(first.width(), b),
                    Binning.binnedSize(first.height(), b), b, r));
        }
        return suppressOverlaps(candidates);
    }

    /**
     * The mean of the frames binned by f, less its least-squares quadratic surface. The difference of Gaussians ignores a linear
     * gradient inside the frame, but its reflected borders turn one into a V whose arms would pass for particles and
     * inflate the noise estimate of the coarse scales, where the border is a good part of the binned image.
     */
    private static float[] detrendedMean(List<Frame> frames, int factor) {
        float[] image = Binning.mean(frames.get(0), factor);
        for (int i = 1; i < frames.size(); i++) {
            float[] next = Binning.mean(frames.get(i), factor);
            for (int p = 0; p < image.length; p++) {
                image[p] += next[p];
            }
        }
        if (frames.size() > 1) {
            float scale = 1f / frames.size();
            for (int p = 0; p < image.length; p++) {
                image[p] *= scale;
            }
        }
        BackgroundFlattening.subtractQuadraticTrend(image, Binning.binnedSize(frames.get(0).width(), factor),
                Binning.binnedSize(frames.get(0).height(), factor));
        return image;
    }

    /** Peaks of the matched filter for radius r on an image binned by b, in full-resolution pixels. */
    private List<Blob> atRadius(float[] image, int width, int height, int b, double r) {
        double centre = CENTRE_SIGMA_PER_RADIUS * r;
        // binning already blurred by a box of b px (variance b^2 / 12)
        double centreBinned = Math.sqrt(Math.max(centre * centre - b * b / 12.0, 0)) / b;
        double surroundBinned = SURROUND_FACTOR * centre / b;
        float[] c = GaussianBlur.blur(image, width, height, centreBinned);
        float[] response = GaussianBlur.blur(image, width, height, surroundBinned);
        double sign = polarity == Polarity.DARK ? 1 : -1;
        for (int i = 0; i < response.length; i++) {
            response[i] = (float) (sign * (response[i] - c[i]));
        }
        double sigma = NoiseEstimate.of(response, NOISE_SAMPLES).sigma();
        List<Blob> found = new ArrayList<>();
        if (!(sigma > 0)) {
            return found;
        }
        float level = (float) (thresholdSigmas * sigma);
        for (int y = 1; y < height - 1; y++) {
            int row = y * width;
            for (int x = 1; x < width - 1; x++) {
                int i = row + x;
                float v = response[i];
                if (v < level || !isPeak(response, i, width)) {
                    continue;
                }
                double dx = vertexOffset(response[i - 1], v, response[i + 1]);
                double dy = vertexOffset(response[i - width], v, response[i + width]);
                found.add(new Blob((x + dx) * b + (b - 1) / 2.0, (y + dy) * b + (b - 1) / 2.0, r, v / sigma));
            }
        }
        return found;
    }

    /** Not lower than any 8-neighbour, and higher than those after it in raster order (one pixel per plateau). */
    private static boolean isPeak(float[] a, int i, int width) {
        float v = a[i];
        return v >= a[i - width - 1] && v >= a[i - width] && v >= a[i - width + 1] && v >= a[i - 1]
                && v > a[i + 1] && v > a[i + width - 1] && v > a[i + width] && v > a[i + width + 1];
    }

    /** Offset of the vertex of the parabola through (-1, a), (0, b), (1, c), limited to half a sample. */
    static double vertexOffset(double a, double b, double c) {
        double curvature = a - 2 * b + c;
        if (curvature >= 0) {
            return 0;
        }
        return Math.max(-0.5, Math.min(0.5, 0.5 * (a - c) / curvature));
    }

    private static List<Blob> suppressOverlaps(List<Blob> candidates) {
        candidates.sort(Comparator.comparingDouble(Blob::significance).reversed()
                .thenComparingDouble(Blob::y).thenComparingDouble(Blob::x));
        List<Blob> kept = new ArrayList<>();
        for (Blob c : candidates) {
            boolean free = true;
            for (Blob k : kept) {
                double reach = SUPPRESSION_RADII * Math.max(c.radiusPx(), k.radiusPx());
                if (Math.hypot(c.x() - k.x(), c.y() - k.y()) < reach) {
                    free = false;
                    break;
                }
            }
            if (free) {
                kept.add(c);
            }
        }
        return kept;
    }
}
