package org.lptem.segment.sam2;

/**
 * Separable linear resampling between two sizes with pixel centres at half-integers (align_corners = false, the
 * convention of SAM2's image resize and of its mask upsampling). When shrinking, the triangle filter widens with
 * the scale so that every source pixel contributes (an antialiased resize, as PIL's bilinear); when enlarging it is
 * plain bilinear interpolation. Taps are computed once per pair of sizes and reused for every frame.
 */
final class Resampler {
    private final int[] start;
    private final float[][] weights;
    private final int outSize;
    private final int inSize;
    /**
     * The same taps padded with zero weights to one count per output sample ({@link #taps}), row-major, from
     * {@link #flatStart}: a loop of fixed trip count the JIT unrolls, where a loop over each sample's own taps was
     * most of the horizontal pass. Null when the padded taps would not fit the input.
     */
    private final float[] flat;
    private final int[] flatStart;
    private final int taps;

    /** Taps mapping {@code inSize} samples onto {@code outSize}. */
    Resampler(int inSize, int outSize) {
        this.outSize = outSize;
        this.inSize = inSize;
        this.start = new int[outSize];
        this.weights = new float[outSize][];
        double scale = (double) inSize / outSize;
        double support = Math.max(1, scale);
        for (int o = 0; o < outSize; o++) {
            double centre = (o + 0.5) * scale - 0.5;
            int lo = (int) Math.floor(centre - support) + 1;
            int hi = (int) Math.ceil(centre + support) - 1;
            double[] w = new double[hi - lo + 1];
            double sum = 0;
            for (int i = lo; i <= hi; i++) {
                double t = 1 - Math.abs(i - centre) / support;
                w[i - lo] = Math.max(0, t);
            }
            // edge taps fold onto the border sample (clamp), so the weights keep summing to one
            int first = Math.max(0, Math.min(inSize - 1, lo));
            int last = Math.max(0, Math.min(inSize - 1, hi));
            double[] folded = new double[last - first + 1];
            for (int i = lo; i <= hi; i++) {
                int c = Math.max(0, Math.min(inSize - 1, i));
                folded[c - first] += w[i - lo];
                sum += w[i - lo];
            }
            start[o] = first;
            weights[o] = new float[folded.length];
            for (int k = 0; k < folded.length; k++) {
                weights[o][k] = (float) (folded[k] / sum);
            }
        }
        int most = 1;
        for (float[] w : weights) {
            most = Math.max(most, w.length);
        }
        taps = most;
        if (most <= inSize) {
            flat = new float[outSize * most];
            flatStart = new int[outSize];
            for (int o = 0; o < outSize; o++) {
                // zero weights before the taps where the padded run would pass the input's end; 0 + w x = w x, so
                // the sums are the same as apply's
                flatStart[o] = Math.min(start[o], inSize - most);
                System.arraycopy(weights[o], 0, flat, o * most + start[o] - flatStart[o], weights[o].length);
            }
        } else {
            flat = null;
            flatStart = null;
        }
    }

    int outSize() {
        return outSize;
    }

    /** The most source samples any output sample reads. */
    int taps() {
        return taps;
    }

    /**
     * Resamples the row {@code src[offset, offset + inSize)} to all {@code outSize} samples, into {@code out} from
     * {@code outOffset} on.
     */
    void row(float[] src, int offset, float[] out, int outOffset) {
        if (outSize == inSize) {
            // one tap of weight 1 per sample: frames already at the model's size
            System.arraycopy(src, offset, out, outOffset, outSize);
        } else if (flat == null) {
            for (int o = 0; o < outSize; o++) {
                out[outOffset + o] = apply(src, offset, 1, o);
            }
        } else if (taps == 2) {
            for (int o = 0; o < outSize; o++) {
                int at = offset + flatStart[o];
                out[outOffset + o] = flat[2 * o] * src[at] + flat[2 * o + 1] * src[at + 1];
            }
        } else {
            for (int o = 0, f = 0; o < outSize; o++) {
                int at = offset + flatStart[o];
                float sum = 0;
                for (int k = 0; k < taps; k++, f++) {
                    sum += flat[f] * src[at + k];
                }
                out[outOffset + o] = sum;
            }
        }
    }

    /**
     * Output sample {@code o} of the columns {@code rows[k][c]} (k = source index modulo {@code rows.length}, a ring
     * of horizontally resampled rows, each {@code width} wide), for every column, into {@code out}.
     */
    void column(float[][] rows, int o, int width, float[] out) {
        float[] w = weights[o];
        int n = rows.length;
        float[] first = rows[start[o] % n];
        float w0 = w[0];
        for (int c = 0; c < width; c++) {
            out[c] = w0 * first[c];
        }
        for (int k = 1; k < w.length; k++) {
            float[] r = rows[(start[o] + k) % n];
            float wk = w[k];
            for (int c = 0; c < width; c++) {
                out[c] += wk * r[c];
            }
        }
    }

    /**
     * The output samples whose taps reach source samples {@code [from, to]}: {@code {first, last + 1}}, or an empty
     * range.
     */
    int[] reach(int from, int to) {
        int first = -1;
        int last = -2;
        for (int o = 0; o < outSize; o++) {
            if (end(o) >= from && start(o) <= to) {
                if (first < 0) {
                    first = o;
                }
                last = o;
            }
        }
        return first < 0 ? new int[] {0, 0} : new int[] {first, last + 1};
    }

    /** First source index of output sample {@code o}. */
    int start(int o) {
        return start[o];
    }

    /** Last source index (inclusive) of output sample {@code o}. */
    int end(int o) {
        return start[o] + weights[o].length - 1;
    }

    /** Output sample {@code o} of the row {@code src[offset + i * stride]}. */
    float apply(float[] src, int offset, int stride, int o) {
        float[] w = weights[o];
        int at = offset + start[o] * stride;
        float sum = 0;
        for (int k = 0; k < w.length; k++, at += stride) {
            sum += w[k] * src[at];
        }
        return sum;
    }

    /**
     * Resamples a row-major image of {@code inW x inH} to {@code x.outSize() x y.outSize()}, writing only output
     * columns {@code [ox0, ox1)} and rows {@code [oy0, oy1)} into {@code out}, a row-major window of
     * {@code (ox1 - ox0) x (oy1 - oy0)} (the whole output when the ranges cover it).
     */
    static void resample(float[] in, int inW, int inH, Resampler x, Resampler y, int ox0, int ox1, int oy0, int oy1,
            float[] out) {
        if (ox0 >= ox1 || oy0 >= oy1) {
            return;
        }
        int ry0 = y.start(oy0);
        int ry1 = y.end(oy1 - 1) + 1;
        int outW = ox1 - ox0;
        float[] rows = horizontal(in, inW, x, ox0, ox1, ry0, ry1, null);
        for (int oy = oy0; oy < oy1; oy++) {
            y.vertical(rows, ry0, outW, oy, out, (oy - oy0) * outW);
        }
    }

    /**
     * The horizontal pass: source rows {@code [ry0, ry1)} resampled to output columns {@code [ox0, ox1)}, row-major
     * into {@code rows} when it is large enough (reused frame after frame), else into a new array, which is returned.
     */
    static float[] horizontal(float[] in, int inW, Resampler x, int ox0, int ox1, int ry0, int ry1, float[] rows) {
        int outW = ox1 - ox0;
        int needed = (ry1 - ry0) * outW;
        float[] out = rows != null && rows.length >= needed ? rows : new float[needed];
        boolean sameWidth = x.outSize == inW;
        boolean whole = ox0 == 0 && ox1 == x.outSize;
        for (int r = ry0; r < ry1; r++) {
            int offset = r * inW;
            int base = (r - ry0) * outW - ox0;
            if (whole) {
                x.row(in, offset, out, base);
                continue;
            }
            if (sameWidth) {
                // one tap of weight 1 per sample: frames already at the model's size
                System.arraycopy(in, offset + ox0, out, base + ox0, outW);
                continue;
            }
            for (int ox = ox0; ox < ox1; ox++) {
                out[base + ox] = x.apply(in, offset, 1, ox);
            }
        }
        return out;
    }

    /**
     * The vertical pass for output row {@code oy}: a weighted sum of whole rows of {@code rows} (the horizontal
     * pass, {@code outW} wide, starting at source row {@code ry0}) written to {@code out[offset, offset + outW)}.
     * The same sums in the same order as {@link #apply}, but over contiguous rows, which the JIT vectorises: per
     * pixel with a stride of a row, it was most of the preprocessing time.
     */
    void vertical(float[] rows, int ry0, int outW, int oy, float[] out, int offset) {
        float[] w = weights[oy];
        int src = (start[oy] - ry0) * outW;
        float w0 = w[0];
        for (int c = 0; c < outW; c++) {
            out[offset + c] = w0 * rows[src + c];
        }
        for (int k = 1; k < w.length; k++) {
            src += outW;
            float wk = w[k];
            for (int c = 0; c < outW; c++) {
                out[offset + c] += wk * rows[src + c];
            }
        }
    }
}
