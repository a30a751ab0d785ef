package org.lptem.io;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.lptem.core.Frame;
import org.lptem.core.LptemException;
import org.lptem.core.Video;

/**
 * Frames as pictures for people: grey images contrast-stretched between percentiles (raw TEM counts rarely fill
 * their type's range), with particle outlines drawn from a label frame. Movies ({@link VideoExport}) and the KNIME
 * port views use the same rendering, so what one sees in KNIME is what the exported movie shows.
 */
public final class FrameImages {
    /** Percentiles of the display range: 1 % of the pixels may saturate at each end (hot pixels, dead pixels). */
    public static final double LOW_PERCENTILE = 0.01;
    public static final double HIGH_PERCENTILE = 0.99;
    /** Pixels looked at per frame for the percentiles: a regular subsample, enough for two percentiles. */
    private static final int SAMPLES_PER_FRAME = 1 << 16;

    private FrameImages() {
    }

    /**
     * Sample values shown as black ({@code low}) and white ({@code high}).
     *
     * @param low value drawn black
     * @param high value drawn white; equal to {@code low} only for a flat frame, which is then drawn mid-grey
     */
    public record DisplayRange(double low, double high) {
        public DisplayRange {
            if (!Double.isFinite(low) || !Double.isFinite(high) || high < low) {
                throw new IllegalArgumentException("display range must be finite with low <= high, got " + low
                        + " .. " + high);
            }
        }

        /** The 1st and 99th percentiles of one frame. */
        public static DisplayRange of(Frame frame) {
            return ofSamples(sample(frame));
        }

        /**
         * The 1st and 99th percentiles pooled over up to {@code frames} frames spread evenly over the video, so a
         * movie keeps one range and does not flicker with every frame's own.
         */
        public static DisplayRange of(Video video, int frames) {
            int n = video.frameCount();
            if (n == 0) {
                throw new LptemException(video.source(), -1, "the video has no frames", null);
            }
            int k = Math.max(1, Math.min(frames, n));
            float[][] parts = new float[k][];
            int total = 0;
            for (int i = 0; i < k; i++) {
                // k evenly spaced frames including the first; with k == n every frame
                parts[i] = sample(video.frame((int) ((long) i * n / k)));
                total += parts[i].length;
            }
            float[] all = new float[total];
            int at = 0;
            for (float[] p : parts) {
                System.arraycopy(p, 0, all, at, p.length);
                at += p.length;
            }
            return ofSamples(all);
        }

        private static DisplayRange ofSamples(float[] values) {
            float[] finite = finite(values);
            if (finite.length == 0) {
                return new DisplayRange(0, 0);
            }
            Arrays.sort(finite);
            double lo = finite[(int) (LOW_PERCENTILE * (finite.length - 1))];
            double hi = finite[(int) Math.ceil(HIGH_PERCENTILE * (finite.length - 1))];
            if (hi <= lo) {
                // a frame that is mostly one value (a label-free background, a dark frame): use its full extent
                lo = finite[0];
                hi = finite[finite.length - 1];
            }
            return new DisplayRange(lo, hi);
        }

        /** The grey level 0..255 of {@code value}. */
        public int grey(double value) {
            if (high == low) {
                return 128;
            }
            double g = (value - low) / (high - low);
            return (int) Math.round(255 * Math.max(0, Math.min(1, Double.isNaN(g) ? 0 : g)));
        }
    }

    /** The frame as an RGB image, grey levels mapped through {@code range}. */
    public static BufferedImage grey(Frame frame, DisplayRange range) {
        int w = frame.width();
        int h = frame.height();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int g = range.grey(frame.get(y * w + x));
                row[x] = g << 16 | g << 8 | g;
            }
            img.setRGB(0, y, w, 1, row, 0, w);
        }
        return img;
    }

    /**
     * Draws the outline of every region of {@code labels} (0 = background, any other value one region) onto
     * {@code image} in {@link #colour(int) the region's colour}: the region's pixels that touch another label or
     * the image border (4-neighbourhood), so outlines sit on the region and never hide a neighbour.
     *
     * @return the number of distinct regions drawn
     */
    public static int drawOutlines(BufferedImage image, Frame labels) {
        int w = labels.width();
        int h = labels.height();
        if (image.getWidth() != w || image.getHeight() != h) {
            throw new IllegalArgumentException("labels are " + w + " x " + h + " but the image is "
                    + image.getWidth() + " x " + image.getHeight());
        }
        if (labels.type().isFloatingPoint()) {
            throw new LptemException("a label image needs an integer pixel type, got " + labels.type().label());
        }
        long[] l = new long[w * h];
        for (int i = 0; i < l.length; i++) {
            l[i] = (long) labels.get(i);
        }
        Set<Long> seen = new HashSet<>();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                long v = l[y * w + x];
                if (v == 0) {
                    continue;
                }
                seen.add(v);
                boolean edge = x == 0 || y == 0 || x == w - 1 || y == h - 1 || l[y * w + x - 1] != v
                        || l[y * w + x + 1] != v || l[(y - 1) * w + x] != v || l[(y + 1) * w + x] != v;
                if (edge) {
                    image.setRGB(x, y, colour((int) v).getRGB());
                }
            }
        }
        return seen.size();
    }

    /** Distinct, saturated colours by golden-angle hue steps, the same for a given id everywhere. */
    public static Color colour(int id) {
        float hue = (float) ((id * 0.6180339887498949) % 1.0);
        return Color.getHSBColor(hue, 0.85f, 1f);
    }

    /** At most {@link #SAMPLES_PER_FRAME} values of the frame, taken at a regular stride. */
    private static float[] sample(Frame frame) {
        int n = frame.width() * frame.height();
        int stride = Math.max(1, n / SAMPLES_PER_FRAME);
        float[] out = new float[(n + stride - 1) / stride];
        for (int i = 0, k = 0; i < n; i += stride, k++) {
            out[k] = (float) frame.get(i);
        }
        return out;
    }

    private static float[] finite(float[] values) {
        int n = 0;
        for (float v : values) {
            if (Float.isFinite(v)) {
                n++;
            }
        }
        if (n == values.length) {
            return values;
        }
        float[] out = new float[n];
        int k = 0;
        for (float v : values) {
            if (Float.isFinite(v)) {
                out[k++] = v;
            }
        }
        return out;
    }
}
