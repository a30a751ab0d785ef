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

    /** Taps mapping {@code inSize} samples onto {@code outSize}. */
    Resampler(int inSize, int outSize) {
        this.outSize = outSize;
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
    }

    int outSize() {
        return outSize;
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
        // horizontal pass only over the source rows the requested output rows need
        int ry0 = y.start(oy0);
        int ry1 = y.end(oy1 - 1) + 1;
        int outW = ox1 - ox0;
        float[] rows = new float[(ry1 - ry0) * outW];
        boolean sameWidth = x.outSize == inW;
        for (int r = ry0; r < ry1; r++) {
            int offset = r * inW;
            int base = (r - ry0) * outW - ox0;
            if (sameWidth) {
                // one tap of weight 1 per sample: frames already at the model's size
                System.arraycopy(in, offset + ox0, rows, base + ox0, outW);
                continue;
            }
            for (int ox = ox0; ox < ox1; ox++) {
                rows[base + ox] = x.apply(in, offset, 1, ox);
            }
        }
        // vertical pass a whole row at a time (the same sums in the same order as apply, but over contiguous rows,
        // which the JIT vectorises: per pixel with a stride of a row, it was most of the preprocessing time)
        for (int oy = oy0; oy < oy1; oy++) {
            int base = (oy - oy0) * outW;
            float[] w = y.weights[oy];
            int src = (y.start[oy] - ry0) * outW;
            float w0 = w[0];
            for (int c = 0; c < outW; c++) {
                out[base + c] = w0 * rows[src + c];
            }
            for (int k = 1; k < w.length; k++) {
                src += outW;
                float wk = w[k];
                for (int c = 0; c < outW; c++) {
                    out[base + c] += wk * rows[src + c];
                }
            }
        }
    }
}
