package org.lptem.stats;

import org.lptem.core.LptemException;

/**
 * The MSD of anomalous diffusion seen through a camera, in frames: {@code MSD(n) = 2d [K s(n) + sigma^2]} with d the
 * number of dimensions (2 for positions, 1 for an orientation angle), K the generalised diffusion coefficient
 * (units^2 / frame^alpha; the diffusion coefficient D when alpha = 1), sigma the localisation error per axis, and
 * {@code s(n)} the power law {@code n^alpha} averaged over the exposure.
 *
 * <p>Motion blur: a position is the mean over an exposure of {@code f} frames ({@code 0 <= f <= 1}, 1 for a camera
 * that integrates the whole frame time). For a process with MSD {@code ~ t^alpha} (fBm) the blurred MSD is
 * {@code f^alpha [I(n/f) - I(0)]} with {@code I(x) = F(x+1) + F(x-1) - 2F(x)}, {@code F(y) = |y|^(alpha+2) /
 * ((alpha+1)(alpha+2))}: the double average of |t - t'|^alpha over two exposure windows. For alpha = 1 this is
 * {@code n - f/3}, Michalet's and Berglund's offset {@code -2 R (2d) D} with blur coefficient {@code R = f/6}.
 *
 * @param dimensions d: 2 for planar positions, 1 for an in-plane angle
 * @param exposureFraction f, exposure time over frame interval, in [0, 1]; 0 means instantaneous snapshots
 */
public record MsdModel(int dimensions, double exposureFraction) {

    public MsdModel {
        if (dimensions != 1 && dimensions != 2) {
            throw new IllegalArgumentException("an MSD model has 1 or 2 dimensions, got " + dimensions);
        }
        if (!(exposureFraction >= 0 && exposureFraction <= 1)) {
            throw new LptemException("the exposure fraction (exposure time / frame interval) must be in [0, 1], got "
                    + exposureFraction);
        }
    }

    /** Positions in the plane. */
    public static MsdModel planar(double exposureFraction) {
        return new MsdModel(2, exposureFraction);
    }

    /** An in-plane orientation angle. */
    public static MsdModel angular(double exposureFraction) {
        return new MsdModel(1, exposureFraction);
    }

    /** Motion blur coefficient R of Berglund (2010): f/6 for a uniform exposure of f frames. */
    public double blurCoefficient() {
        return exposureFraction / 6;
    }

    public boolean isPowerLaw() {
        return exposureFraction == 0;
    }

    /** {@code 2d}: the MSD of all axes together is 2d times the per-axis half-MSD. */
    public double axesFactor() {
        return 2.0 * dimensions;
    }

    /** The model MSD at {@code lag} frames (units^2). */
    public double msd(double coefficient, double alpha, double sigma2, double lag) {
        return axesFactor() * (coefficient * shape(alpha, lag) + sigma2);
    }

    /** s(n): n^alpha, averaged over the exposure when f > 0. */
    public double shape(double alpha, double lag) {
        double f = exposureFraction;
        if (f == 0) {
            return Math.pow(lag, alpha);
        }
        return Math.pow(f, alpha) * (secondDifference(alpha, lag / f) - 2 * antiderivative(alpha, 1));
    }

    /**
     * I(x) = F(x+1) + F(x-1) - 2F(x). For large x the three terms cancel to x^alpha, losing log10(x^2) digits, so
     * there the binomial series {@code x^alpha [1 + a(a-1)/12 u^2 + a(a-1)(a-2)(a-3)/360 u^4 + ...]}, u = 1/x, is used.
     */
    private static double secondDifference(double alpha, double x) {
        if (x >= 20) {
            double u2 = 1 / (x * x);
            double a = alpha;
            double c1 = a * (a - 1) / 12;
            double c2 = c1 * (a - 2) * (a - 3) / 30;
            double c3 = c2 * (a - 4) * (a - 5) / 56;
            return Math.pow(x, a) * (1 + u2 * (c1 + u2 * (c2 + u2 * c3)));
        }
        return antiderivative(alpha, x + 1) + antiderivative(alpha, x - 1) - 2 * antiderivative(alpha, x);
    }

    private static double antiderivative(double alpha, double y) {
        return Math.pow(Math.abs(y), alpha + 2) / ((alpha + 1) * (alpha + 2));
    }
}
