package org.lptem.segment;

import java.util.Arrays;

/**
 * Robust background level (median) and pixel noise (1.4826 x median absolute deviation, the Gaussian-consistent
 * scale) of an image in which particles are a minority of the pixels.
 */
record NoiseEstimate(double level, double sigma) {
    /** A regular subsample this large pins the median and MAD to well under 1 % and sorts in milliseconds. */
    static final int MAX_SAMPLES = 1 << 16;

    static NoiseEstimate of(float[] image) {
        return of(image, MAX_SAMPLES);
    }

    /** From a regular subsample of at most about {@code maxSamples} pixels; fewer samples sort faster. */
    static NoiseEstimate of(float[] image, int maxSamples) {
        int stride = Math.max(1, (image.length + maxSamples - 1) / maxSamples);
        float[] sample = new float[(image.length + stride - 1) / stride];
        int n = 0;
        for (int i = 0; i < image.length; i += stride) {
            if (Float.isFinite(image[i])) {
                sample[n++] = image[i];
            }
        }
        if (n == 0) {
            return new NoiseEstimate(Double.NaN, Double.NaN);
        }
        sample = Arrays.copyOf(sample, n);
        Arrays.sort(sample);
        double median = median(sample);
        for (int i = 0; i < n; i++) {
            sample[i] = (float) Math.abs(sample[i] - median);
        }
        Arrays.sort(sample);
        return new NoiseEstimate(median, 1.4826 * median(sample));
    }

    private static double median(float[] sorted) {
        int n = sorted.length;
        return (n & 1) == 1 ? sorted[n / 2] : 0.5 * ((double) sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
