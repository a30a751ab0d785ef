package org.lptem.simulate;

import org.lptem.core.image.GaussianBlur;
import org.lptem.core.Frame;
import org.lptem.core.PixelType;

/**
 * Turns a map of mean transmitted electrons into recorded pixel values: Poisson shot noise on the electron count,
 * gain to counts, the detector's blur acting on the counts, additive Gaussian read noise, then an affine mapping
 * to the output bit depth.
 *
 * <p>Output value = {@link #offset()} + {@link #scale()} x counts. The offset puts the expected background at
 * mid-range so that neither dark particles nor bright noise clip; the scale stays 1 (raw counts) unless the
 * background and its noise would not otherwise fit in half the range (8-bit output at all but the lowest doses,
 * 16-bit output above ~10^4 electrons per pixel).
 */
final class Detector {
    /** Noise margin, in standard deviations of one pixel's counts, kept free above the brightest background. */
    private static final double HEADROOM_SIGMAS = 5;
    /** Fraction of the output range the background plus its headroom may take, above and below mid-range. */
    private static final double USABLE_HALF_RANGE = 0.45;

    private final int width;
    private final int height;
    private final double gain;
    private final double blurSigmaPx;
    private final double readNoise;
    private final PixelType type;
    private final double offset;
    private final double scale;
    /** Per-frame buffers, kept: a million-pixel frame would otherwise allocate 12 MB of them each time. */
    private float[] counts;
    private float[] blurWork;
    private float[] blurred;

    Detector(SimulationSettings s, ImageFormation optics) {
        this.width = s.width();
        this.height = s.height();
        this.gain = s.gainCountsPerElectron();
        this.blurSigmaPx = s.detectorBlurPx();
        this.readNoise = s.readNoiseCounts();
        this.type = s.bitDepth() == 8 ? PixelType.UINT8 : PixelType.UINT16;
        double maxValue = (1 << s.bitDepth()) - 1;
        double background = gain * optics.meanIncidentElectrons() * optics.transmission(0);
        double brightest = gain * Math.max(optics.incidentElectrons(0), optics.incidentElectrons(width - 1))
                * optics.transmission(0);
        double sigma = Math.sqrt(gain * brightest + readNoise * readNoise);
        this.scale = Math.min(1, USABLE_HALF_RANGE * maxValue / (brightest + HEADROOM_SIGMAS * sigma));
        this.offset = Math.ceil(maxValue / 2) - scale * background;
    }

    PixelType pixelType() {
        return type;
    }

    double offset() {
        return offset;
    }

    double scale() {
        return scale;
    }

    /**
     * Records one frame from its relative transmission map (1 on plain liquid) and the mean background electrons
     * per column. Each row's shot and read noise come from their own streams keyed by (seed, frame, row), so the
     * result depends on nothing but its arguments. Counts are kept in float, exact for the integral electron counts
     * of any realistic dose and what the blur computes in anyway. Not thread-safe: the buffers are reused.
     */
    Frame record(double[] relative, double[] columnBackground, long seed, int frame) {
        if (counts == null) {
            counts = new float[width * height];
        }
        float[] counts = this.counts;
        // Background pixels share their column's mean, so one table per column serves all of them; pixels a
        // particle touches have means of their own and go through the general sampler.
        PoissonTable[] background = new PoissonTable[width];
        PoissonSampler[] bright = new PoissonSampler[width];
        for (int col = 0; col < width; col++) {
            double m = columnBackground[col];
            if (m > PoissonTable.MAX_MEAN) {
                bright[col] = new PoissonSampler();
            } else if (col > 0 && background[col - 1] != null && background[col - 1].mean() == m) {
                background[col] = background[col - 1];
            } else {
                background[col] = new PoissonTable(m);
            }
        }
        PoissonSampler general = new PoissonSampler();
        // Without an illumination gradient every column shares one table; the common case gets a tighter loop.
        PoissonTable uniform = background[0] != null && background[0] == background[width - 1] ? background[0] : null;
        for (int row = 0; row < height; row++) {
            SplitMix64 rng = SplitMix64.stream(seed, SplitMix64.SHOT_NOISE, frame, row);
            int start = row * width;
            if (uniform != null) {
                for (int i = start, end = start + width; i < end; i++) {
                    double a = relative[i];
                    counts[i] = (float) (gain
                            * (a == 1.0 ? uniform.sample(rng) : general.sample(rng, a * columnBackground[0])));
                }
                continue;
            }
            for (int col = 0; col < width; col++) {
                double a = relative[start + col];
                double electrons;
                if (a != 1.0) {
                    electrons = general.sample(rng, a * columnBackground[col]);
                } else if (background[col] != null) {
                    electrons = background[col].sample(rng);
                } else {
                    electrons = bright[col].sample(rng, columnBackground[col]);
                }
                counts[start + col] = (float) (gain * electrons);
            }
        }
        // Blur acts on the charge the electrons deposit; read noise arises after, in the electronics.
        float[] recorded = counts;
        if (blurSigmaPx > 0) {
            if (blurred == null) {
                blurWork = new float[counts.length];
                blurred = new float[counts.length];
            }
            GaussianBlur.blur(counts, width, height, blurSigmaPx, blurWork, blurred);
            recorded = blurred;
        }
        if (readNoise > 0) {
            for (int row = 0; row < height; row++) {
                SplitMix64 rng = SplitMix64.stream(seed, SplitMix64.READ_NOISE, frame, row);
                for (int i = row * width, end = i + width; i < end; i++) {
                    recorded[i] += (float) (readNoise * rng.nextGaussian());
                }
            }
        }
        return quantise(recorded);
    }

    /** Variance added by rounding to output values, in counts^2: a uniform error of one output step. */
    double quantisationVariance() {
        return 1 / (12 * scale * scale);
    }

    double gain() {
        return gain;
    }

    double readNoise() {
        return readNoise;
    }

    double blurSigmaPx() {
        return blurSigmaPx;
    }

    private Frame quantise(float[] counts) {
        int n = counts.length;
        if (type == PixelType.UINT8) {
            byte[] out = new byte[n];
            for (int i = 0; i < n; i++) {
                out[i] = (byte) clampRound(offset + scale * counts[i], 255);
            }
            return Frame.ofBytes(width, height, out);
        }
        short[] out = new short[n];
        for (int i = 0; i < n; i++) {
            out[i] = (short) clampRound(offset + scale * counts[i], 65535);
        }
        return Frame.ofShorts(width, height, out, false);
    }

    /**
     * round(v) clamped to [0, max], as Math.round would give it: for v in (0, max), (int) (v + 0.5) is floor(v + 0.5);
     * NaN gives 0 as Math.round does. Written out because the general rounding and clamping cost a tenth of a frame.
     */
    private static int clampRound(double v, int max) {
        if (v <= 0) {
            return 0;
        }
        return v >= max ? max : (int) (v + 0.5);
    }
}
