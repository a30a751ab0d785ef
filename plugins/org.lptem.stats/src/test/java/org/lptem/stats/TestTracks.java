package org.lptem.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.transform.DftNormalization;
import org.apache.commons.math3.transform.FastFourierTransformer;
import org.apache.commons.math3.transform.TransformType;

/**
 * Seeded test trajectories in px and frames, written independently of the code under test (fBm uses Commons Math's
 * FFT, not the statistics' own). Steps are per axis: {@code step} is the standard deviation of a one-frame
 * displacement along x (and along y).
 */
final class TestTracks {
    private TestTracks() {
    }

    /** Brownian motion: MSD = 4 D n with D = step^2 / 2, plus drift (px/frame) and localisation noise. */
    static List<TrackSeries> brownian(long seed, int tracks, int frames, double step, double noise, double driftX,
            double driftY) {
        SplittableRandom random = new SplittableRandom(seed);
        List<TrackSeries> out = new ArrayList<>();
        for (int t = 0; t < tracks; t++) {
            double[] x = new double[frames];
            double[] y = new double[frames];
            double px = 1000 * random.nextDouble();
            double py = 1000 * random.nextDouble();
            for (int f = 0; f < frames; f++) {
                if (f > 0) {
                    px += step * random.nextGaussian() + driftX;
                    py += step * random.nextGaussian() + driftY;
                }
                x[f] = px + noise * random.nextGaussian();
                y[f] = py + noise * random.nextGaussian();
            }
            out.add(new TrackSeries(t + 1, range(frames), x, y));
        }
        return out;
    }

    static List<TrackSeries> brownian(long seed, int tracks, int frames, double step, double noise) {
        return brownian(seed, tracks, frames, step, noise, 0, 0);
    }

    /**
     * Fractional Brownian motion by Davies-Harte: fractional Gaussian noise with per-axis step variance step^2, so
     * MSD(n) = 4 (step^2 / 2) n^alpha... precisely 2 step^2 n^alpha in 2D.
     */
    static TrackSeries fbm(SplittableRandom random, int particle, int frames, double alpha, double step, double noise) {
        double[][] inc = fgn(random, frames - 1, alpha / 2);
        double[] x = new double[frames];
        double[] y = new double[frames];
        double px = 0;
        double py = 0;
        for (int f = 0; f < frames; f++) {
            if (f > 0) {
                px += step * inc[0][f - 1];
                py += step * inc[1][f - 1];
            }
            x[f] = px + noise * random.nextGaussian();
            y[f] = py + noise * random.nextGaussian();
        }
        return new TrackSeries(particle, range(frames), x, y);
    }

    /** Two independent unit-variance fGn series of length n (Davies-Harte with the minimal circulant embedding). */
    static double[][] fgn(SplittableRandom random, int n, double hurst) {
        int m = 1;
        while (m < 2 * n) {
            m <<= 1;
        }
        double[] c = new double[m];
        for (int k = 0; k <= m / 2; k++) {
            double g = 0.5 * (Math.pow(k + 1, 2 * hurst) - 2 * Math.pow(k, 2 * hurst)
                    + Math.pow(Math.abs(k - 1), 2 * hurst));
            c[k] = g;
            if (k > 0 && k < m / 2) {
                c[m - k] = g;
            }
        }
        FastFourierTransformer fft = new FastFourierTransformer(DftNormalization.STANDARD);
        org.apache.commons.math3.complex.Complex[] lambda = fft.transform(c, TransformType.FORWARD);
        org.apache.commons.math3.complex.Complex[] w = new org.apache.commons.math3.complex.Complex[m];
        for (int k = 0; k < m; k++) {
            double s = Math.sqrt(Math.max(0, lambda[k].getReal()) / m);
            w[k] = new org.apache.commons.math3.complex.Complex(s * random.nextGaussian(), s * random.nextGaussian());
        }
        org.apache.commons.math3.complex.Complex[] z = fft.transform(w, TransformType.FORWARD);
        double[][] out = new double[2][n];
        for (int k = 0; k < n; k++) {
            out[0][k] = z[k].getReal();
            out[1][k] = z[k].getImaginary();
        }
        return out;
    }

    /**
     * Continuous-time random walk: Pareto waiting times {@code tau = (1-U)^(-1/a)} (frames) and Gaussian jumps of
     * per-axis standard deviation {@code jump}, observed at every frame.
     */
    static List<TrackSeries> ctrw(long seed, int tracks, int frames, double a, double jump) {
        SplittableRandom random = new SplittableRandom(seed);
        List<TrackSeries> out = new ArrayList<>();
        for (int t = 0; t < tracks; t++) {
            double[] x = new double[frames];
            double[] y = new double[frames];
            double px = 0;
            double py = 0;
            double nextJump = Math.pow(1 - random.nextDouble(), -1 / a);
            for (int f = 0; f < frames; f++) {
                while (nextJump <= f) {
                    px += jump * random.nextGaussian();
                    py += jump * random.nextGaussian();
                    nextJump += Math.pow(1 - random.nextDouble(), -1 / a);
                }
                x[f] = px;
                y[f] = py;
            }
            out.add(new TrackSeries(t + 1, range(frames), x, y));
        }
        return out;
    }

    /**
     * Rods: Brownian centre and in-plane orientation with rotational diffusion dr (rad^2/frame), reported as an
     * ellipse angle in (-90, 90] degrees (the 180 degree ambiguity), plus orientation noise in degrees.
     */
    static List<TrackSeries> rods(long seed, int tracks, int frames, double step, double dr, double angleNoiseDeg) {
        SplittableRandom random = new SplittableRandom(seed);
        List<TrackSeries> out = new ArrayList<>();
        for (int t = 0; t < tracks; t++) {
            double[] x = new double[frames];
            double[] y = new double[frames];
            double[] o = new double[frames];
            double theta = Math.PI * random.nextDouble();
            double px = 0;
            double py = 0;
            for (int f = 0; f < frames; f++) {
                if (f > 0) {
                    px += step * random.nextGaussian();
                    py += step * random.nextGaussian();
                    theta += Math.sqrt(2 * dr) * random.nextGaussian();
                }
                x[f] = px;
                y[f] = py;
                o[f] = wrapTo90(Math.toDegrees(theta) + angleNoiseDeg * random.nextGaussian());
            }
            out.add(new TrackSeries(t + 1, range(frames), x, y, o));
        }
        return out;
    }

    static double wrapTo90(double deg) {
        double w = deg - 180 * Math.floor(deg / 180); // [0, 180)
        return w > 90 ? w - 180 : w;
    }

    /** The track without a random fraction of its inner frames (first and last kept, so the span is unchanged). */
    static TrackSeries dropFrames(TrackSeries t, double fraction, SplittableRandom random) {
        int[] keep = new int[t.size()];
        int k = 0;
        for (int i = 0; i < t.size(); i++) {
            if (i == 0 || i == t.size() - 1 || random.nextDouble() >= fraction) {
                keep[k++] = i;
            }
        }
        return t.subset(Arrays.copyOf(keep, k));
    }

    static int[] range(int n) {
        int[] f = new int[n];
        for (int i = 0; i < n; i++) {
            f[i] = i;
        }
        return f;
    }
}
