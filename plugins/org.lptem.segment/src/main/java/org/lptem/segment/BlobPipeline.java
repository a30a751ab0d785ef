package org.lptem.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.lptem.core.Detection;
import org.lptem.core.Frame;
import org.lptem.core.image.GaussianBlur;
import org.lptem.segment.filter.Binning;

/**
 * {@link ClassicalSettings.Foreground#BLOB}: particles found by {@link BlobDetector}, then outlined at full
 * resolution in a window around each. The window is smoothed and turned into contrast relative to each particle's
 * own ({@link LocalContrast}); a flood from the particles' centres decides which particle owns which pixel (cutting
 * touching particles apart), pieces of one particle are joined again where the line between them is bright and
 * wide, and each particle's outline is then fitted as a star-shaped region ({@link OutlineRefinement}). Only
 * windows are processed, so the cost beyond detection grows with the particles' area, not the frame's.
 */
final class BlobPipeline implements Segmenter {
    /** A pixel farther from its particle's centre than this many detection radii never joins it. */
    static final double MAX_REACH_RADII = 2.5;
    /** The watershed starts from the disc of this many radii around each centre. */
    static final double MARKER_RADII = 0.25;
    /** Mask smoothing grows with the particle: sigma = max(smoothing, this x radius). */
    static final double MASK_SMOOTHING_PER_RADIUS = 0.15;
    /**
     * The flood that decides which particle owns a pixel stops at this fraction of {@code edgeFraction} times the
     * central contrast: the mean contrast of a sphere's disc is 2/3 of its central one.
     */
    static final double FLOOD_LEVEL_PER_EDGE_FRACTION = 2.0 / 3;
    /** Width of the logistic step of the score, in noise sigmas of the matched filter. */
    static final double SCORE_STEP_SIGMAS = 1;

    private final ClassicalSettings settings;
    private final BlobDetector detector;

    BlobPipeline(ClassicalSettings settings) {
        this.settings = settings;
        this.detector = new BlobDetector(settings.detector().polarity(), settings.minRadiusPx(),
                settings.maxRadiusPx(), settings.blobThresholdSigmas());
    }

    @Override
    public Segmentation segment(Frame frame, int frameIndex) {
        int width = frame.width();
        int height = frame.height();
        List<Outline> outlines = new ArrayList<>();
        for (BlobWindow w : BlobWindow.group(detector.detect(frame), this::reach, width, height)) {
            outlines.addAll(outline(frame, w));
        }
        DetectorSettings d = settings.detector();
        outlines.removeIf(o -> o.area() < d.minAreaPx() || o.area() > d.maxAreaPx() || o.score() < d.minScore());
        outlines.sort(Comparator.comparingLong(Outline::firstPixel));
        int[] labels = new int[width * height];
        List<Detection> detections = new ArrayList<>();
        for (Outline o : outlines) {
            int label = detections.size() + 1;
            o.paint(labels, width, label);
            detections.add(o.moments().toDetection(o.localLabel(), frameIndex, o.score(), label, o.window().x0(),
                    o.window().y0()));
        }
        return new Segmentation(frameIndex, width, height, labels, detections);
    }

    private double maskSigma(double radius) {
        return Math.max(settings.detector().smoothingSigmaPx(), MASK_SMOOTHING_PER_RADIUS * radius);
    }

    /** Half-width of the window a blob needs: its background ring plus the smoothing's support. */
    private double reach(Blob b) {
        return LocalContrast.RING_OUTER_RADII * b.radiusPx() + 3 * maskSigma(b.radiusPx()) + 2;
    }

    private List<Outline> outline(Frame frame, BlobWindow w) {
        int ww = w.width();
        int wh = w.height();
        float[] raw = new float[ww * wh];
        for (int y = w.y0(); y < w.y1(); y++) {
            Binning.readRow(frame, y, w.x0(), w.x1(), raw, (y - w.y0()) * ww);
        }
        int m = w.blobs().size();
        double[] cx = new double[m];
        double[] cy = new double[m];
        double[] radius = new double[m];
        for (int k = 0; k < m; k++) {
            Blob b = w.blobs().get(k);
            cx[k] = b.x() - w.x0();
            cy[k] = b.y() - w.y0();
            radius[k] = b.radiusPx();
        }
        double smallest = Arrays.stream(radius).min().orElseThrow();
        float[] smooth = GaussianBlur.blur(raw, ww, wh, maskSigma(smallest));
        LocalContrast contrast = LocalContrast.measure(smooth, ww, wh, cx, cy, radius,
                settings.detector().polarity());
        int[] regions = flood(contrast, ww, wh, cx, cy, radius);
        int count = settings.splitTouching()
                ? Watershed.mergeHighDividingLines(regions, contrast.relative, ww, settings.ridgeRatio())
                : joinTouching(regions, ww, wh);
        LabelImages.fillHoles(regions, ww, wh);
        int[] centreRegion = regionOfEachCentre(regions, ww, cx, cy);
        double[] maxRadius = new double[count + 1];
        for (int k = 0; k < m; k++) {
            maxRadius[centreRegion[k]] = Math.max(maxRadius[centreRegion[k]], MAX_REACH_RADII * radius[k]);
        }
        int[] outlined = OutlineRefinement.outline(contrast.relative, regions, count, ww, wh, maxRadius,
                settings.edgeFraction());
        return outlines(w, outlined, count, raw, centreRegion, contrast.contrast);
    }

    /**
     * Which particle owns which pixel: the pixels whose contrast reaches the flood level within reach of their
     * nearest centre, grown from a small disc around each centre nearest-first (in radii of each particle), so that
     * touching particles meet where their outlines would: halfway for equals, at the contact point of spheres of
     * different sizes. Not by intensity: where particles overlap, their projected thickness adds up, and the overlap
     * is the darkest place, no valley between them.
     */
    private int[] flood(LocalContrast contrast, int width, int height, double[] cx, double[] cy, double[] radius) {
        float level = (float) (FLOOD_LEVEL_PER_EDGE_FRACTION * settings.edgeFraction());
        boolean[] allowed = new boolean[width * height];
        float[] closeness = new float[width * height];
        int[] regions = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                int k = contrast.nearest[i];
                if (k < 0) {
                    continue;
                }
                double d = LocalContrast.distance(x - cx[k], y - cy[k]);
                closeness[i] = (float) (-d / radius[k]);
                allowed[i] = contrast.relative[i] >= level && d <= MAX_REACH_RADII * radius[k];
                if (d <= Math.max(1, MARKER_RADII * radius[k])) {
                    regions[i] = k + 1;
                }
            }
        }
        Watershed.flood(closeness, allowed, regions, width, height);
        return regions;
    }

    /** Without splitting, basins that touch are one particle: the connected components of their union. */
    private static int joinTouching(int[] labels, int width, int height) {
        boolean[] any = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            any[i] = labels[i] != 0;
        }
        return ConnectedComponents.label(any, width, height, labels);
    }

    private static int[] regionOfEachCentre(int[] regions, int width, double[] cx, double[] cy) {
        int[] region = new int[cx.length];
        for (int k = 0; k < cx.length; k++) {
            region[k] = regions[(int) Math.round(cy[k]) * width + (int) Math.round(cx[k])];
        }
        return region;
    }

    /**
     * The outlined regions that hold a blob with contrast, scored by their most significant blob, with their
     * moments and first pixel in the frame (for raster-order numbering).
     */
    private List<Outline> outlines(BlobWindow w, int[] labels, int count, float[] raw, int[] centreRegion,
            double[] contrast) {
        int ww = w.width();
        RegionMoments moments = RegionMoments.measure(labels, count, ww, raw);
        double[] significance = new double[count + 1];
        for (int k = 0; k < centreRegion.length; k++) {
            if (contrast[k] > 0) {
                int l = centreRegion[k];
                significance[l] = Math.max(significance[l], w.blobs().get(k).significance());
            }
        }
        long[] first = new long[count + 1];
        Arrays.fill(first, -1);
        for (int i = 0; i < labels.length; i++) {
            int l = labels[i];
            if (l != 0 && first[l] < 0) {
                first[l] = (long) (w.y0() + i / ww) * Integer.MAX_VALUE + w.x0() + i % ww;
            }
        }
        List<Outline> out = new ArrayList<>();
        for (int l = 1; l <= count; l++) {
            if (moments.area(l) > 0 && significance[l] > 0) {
                out.add(new Outline(w, labels, l, moments, moments.area(l), score(significance[l]), first[l]));
            }
        }
        return out;
    }

    /** Logistic of the significance: 0.5 at the detection threshold, so the default minimum score keeps them all. */
    private double score(double significance) {
        return 1 / (1 + Math.exp(-(significance - settings.blobThresholdSigmas()) / SCORE_STEP_SIGMAS));
    }

    /** A region found in a window, waiting for its final label. */
    private record Outline(BlobWindow window, int[] labels, int localLabel, RegionMoments moments, long area,
            double score, long firstPixel) {
        void paint(int[] frameLabels, int frameWidth, int label) {
            int ww = window.width();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == localLabel) {
                    int at = (window.y0() + i / ww) * frameWidth + window.x0() + i % ww;
                    if (frameLabels[at] == 0) {
                        frameLabels[at] = label;
                    }
                }
            }
        }
    }
}
