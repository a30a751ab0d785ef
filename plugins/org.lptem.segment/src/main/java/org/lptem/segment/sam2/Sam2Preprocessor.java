package org.lptem.segment.sam2;

import org.lptem.core.Frame;
import org.lptem.core.PixelType;

/**
 * A frame as SAM2's image encoder wants it: resized to 1024 x 1024 (SAM2 stretches, it does not pad), grey copied
 * into the three RGB channels, each normalised. Grey values are mapped to [0, 1] first: 8-bit frames by /255 (as a
 * JPEG is read by SAM2 and SAM-EM); other types by the frame's 0.1 and 99.9 percentiles, since a 16-bit or float TEM
 * frame uses an arbitrary part of its range.
 */
public final class Sam2Preprocessor {
    /** The image size of every public SAM2 and SAM2.1 checkpoint. */
    public static final int SIZE = 1024;
    static final double LOW_PERCENTILE = 0.001;
    static final double HIGH_PERCENTILE = 0.999;

    private final Normalization normalization;
    private final int size;
    private Resampler x;
    private Resampler y;
    private int xIn = -1;
    private int yIn = -1;
    /**
     * Horizontally resized source rows (a ring), one resized row and its normalised copy, reused frame after frame.
     */
    private float[][] ring;
    /** The frame in [0, 1], reused frame after frame. */
    private float[] grey;
    private float[] line;
    private float[] channel;

    public Sam2Preprocessor(Normalization normalization) {
        this(normalization, SIZE);
    }

    Sam2Preprocessor(Normalization normalization, int size) {
        this.normalization = normalization;
        this.size = size;
    }

    public int size() {
        return size;
    }

    /** The encoder input [1, 3, size, size], row-major. */
    public float[] prepare(Frame frame) {
        float[] out = new float[3 * size * size];
        prepare(frame, java.nio.FloatBuffer.wrap(out));
        return out;
    }

    /**
     * The encoder input [1, 3, size, size] written into {@code out} from its position on (a direct buffer, so that
     * ONNX Runtime reads it in place instead of Java building a 12 MB array per frame that is then copied).
     */
    void prepare(Frame frame, java.nio.FloatBuffer out) {
        int w = frame.width();
        int h = frame.height();
        if (grey == null || grey.length != w * h) {
            grey = new float[w * h];
        }
        unitRange(frame, grey);
        if (x == null || x.outSize() != size || y == null || xIn != w || yIn != h) {
            x = new Resampler(w, size);
            y = new Resampler(h, size);
            xIn = w;
            yIn = h;
        }
        if (line == null || line.length != size) {
            line = new float[size];
            channel = new float[size];
        }
        if (ring == null || ring.length != y.taps() + 1 || ring[0].length != size) {
            ring = new float[y.taps() + 1][size];
        }
        int[] held = new int[ring.length];
        java.util.Arrays.fill(held, -1);
        float[] scale = new float[3];
        float[] offset = new float[3];
        for (int c = 0; c < 3; c++) {
            scale[c] = 1 / normalization.std(c);
            offset[c] = -normalization.mean(c) / normalization.std(c);
        }
        int base = out.position();
        int plane = size * size;
        // streamed a row at a time: each source row resized horizontally once into a small ring, each output row
        // summed from it and normalised into the three channels while it is in cache (the channels differ only by
        // their affine normalisation); building whole resized planes sent them through memory four times more
        for (int oy = 0; oy < size; oy++) {
            for (int r = y.start(oy); r <= y.end(oy); r++) {
                int slot = r % ring.length;
                if (held[slot] != r) {
                    x.row(grey, r * w, ring[slot], 0);
                    held[slot] = r;
                }
            }
            y.column(ring, oy, size, line);
            for (int c = 0; c < 3; c++) {
                float sc = scale[c];
                float of = offset[c];
                for (int i = 0; i < size; i++) {
                    channel[i] = line[i] * sc + of;
                }
                out.put(base + c * plane + oy * size, channel);
            }
        }
        out.position(base + 3 * plane);
    }

    /** Grey values mapped to [0, 1] (see the class comment). */
    static float[] unitRange(Frame frame) {
        return unitRange(frame, new float[frame.width() * frame.height()]);
    }

    /** As {@link #unitRange(Frame)}, into {@code v} (the frame's size), which is returned. */
    static float[] unitRange(Frame frame, float[] v) {
        if (frame.type() == PixelType.UINT8) {
            // the same values as the general path with lo = 0 and hi = 255, without the frame's float copy
            byte[] b = (byte[]) frame.samples();
            float scale = 1 / 255f;
            for (int i = 0; i < v.length; i++) {
                v[i] = Math.min(1, (b[i] & 0xFF) * scale);
            }
            return v;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) frame.get(i);
        }
        float[] range = percentiles(v);
        float lo = range[0];
        float hi = range[1];
        float scale = hi > lo ? 1 / (hi - lo) : 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.max(0, Math.min(1, (v[i] - lo) * scale));
        }
        return v;
    }

    /**
     * The 0.1 and 99.9 percentiles from a histogram of {@value #BINS} bins between the extremes: exact to 1/BINS of
     * the range, and linear in the frame's size (sorting a megapixel frame would cost more than the resize).
     */
    static float[] percentiles(float[] v) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float f : v) {
            if (f < min) {
                min = f;
            }
            if (f > max) {
                max = f;
            }
        }
        if (!(max > min)) {
            return new float[] {min, max};
        }
        int[] histogram = new int[BINS];
        double toBin = (BINS - 1) / ((double) max - min);
        for (float f : v) {
            histogram[(int) ((f - min) * toBin)]++;
        }
        long lowCount = (long) Math.floor(LOW_PERCENTILE * (v.length - 1));
        long highCount = (long) Math.ceil(HIGH_PERCENTILE * (v.length - 1));
        float lo = min;
        float hi = max;
        long seen = 0;
        boolean loFound = false;
        for (int b = 0; b < BINS; b++) {
            seen += histogram[b];
            if (!loFound && seen > lowCount) {
                lo = (float) (min + b / toBin);
                loFound = true;
            }
            if (seen > highCount) {
                hi = (float) (min + (b + 1) / toBin);
                break;
            }
        }
        return new float[] {lo, Math.min(hi, max)};
    }

    static final int BINS = 1 << 14;
}
