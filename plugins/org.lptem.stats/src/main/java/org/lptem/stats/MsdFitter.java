package org.lptem.stats;

import java.util.Arrays;

/**
 * Weighted least-squares fits of {@link MsdModel} to the first lags of an MSD curve, with the localisation error
 * given (estimated beforehand, see {@link LocalisationError}).
 *
 * <p>The exponent is fitted in log space, {@code log((MSD - 2d sigma^2) / 2d) = log K + log s_alpha(n)}, because
 * there the relative scatter of a point becomes an additive error whose variance is Qian's relative variance; a point
 * is weighted by {@code (MSD - offset)^2 / (MSD^2 v)}, the inverse variance of its log after the offset is removed.
 * Points at or below the offset cannot be fitted and add the penalty {@code ((offset - MSD) / MSD)^2 / v} instead,
 * their smallest possible squared residual in the same units, so that residuals stay comparable across offsets
 * (which the localisation profile relies on). Alpha is kept in [0, 2]: no process with finite velocity spreads faster
 * than ballistically, and the bound stops noise-driven excursions. Without blur the fit is a closed-form weighted
 * regression; with blur s_alpha is not a power law and alpha is found on a 0.01 grid, refined by a parabola and,
 * for reported fits, a golden-section search.
 *
 * <p>Not thread-safe (it caches shape tables): one fitter per thread.
 */
public final class MsdFitter {
    static final double ALPHA_MAX = 2;
    private static final int GRID = 200;
    private static final double GRID_STEP = ALPHA_MAX / GRID;

    private final MsdModel model;
    /** log s_alpha(lag) for alpha = j * GRID_STEP, by lag; grown on demand (blurred models only). */
    private double[][] logShape = new double[GRID + 1][0];

    public MsdFitter(MsdModel model) {
        this.model = model;
    }

    public MsdModel model() {
        return model;
    }

    /**
     * D (alpha = 1) with a free offset, Michalet's estimator: the line {@code MSD = 2d D n + a} through the first p
     * lags, p his optimum for the reduced localisation error computed from {@code sigma2Hint} (the ensemble estimate)
     * and the current D. D then rests on the slope alone, so an error in the shared sigma does not bias it; the
     * offset gives this fit's own sigma, {@code sigma^2 = a / 2d + D f / 3} (blur raises it back).
     */
    public DiffusionFit diffusionFreeOffset(WeightedMsd curve, double sigma2Hint) {
        if (curve.size() < 2) {
            return new DiffusionFit(Double.NaN, Double.NaN, curve.size());
        }
        DiffusionFit fit = diffusionFreeOffset(curve, 2);
        for (int iteration = 0; iteration < 3 && fit.ok() && fit.diffusion() > 0; iteration++) {
            int p = FitPoints.forDiffusion(FitPoints.reducedError(sigma2Hint, fit.diffusion(), model), curve.size());
            if (p == fit.points()) {
                break;
            }
            fit = diffusionFreeOffset(curve, p);
        }
        return fit;
    }

    /**
     * The free-offset line through the first {@code points} (>= 2) lags by weighted least squares, weights
     * {@code 1 / (model^2 v)} iterated from the data (with two points every weighting gives the same line).
     */
    public DiffusionFit diffusionFreeOffset(WeightedMsd curve, int points) {
        int p = Math.min(points, curve.size());
        MsdCurve c = curve.curve();
        double[] expected = new double[p];
        for (int i = 0; i < p; i++) {
            expected[i] = c.msd(i);
        }
        double slope = Double.NaN;
        double intercept = Double.NaN;
        for (int iteration = 0; iteration < 3; iteration++) {
            double sw = 0;
            double sx = 0;
            double sy = 0;
            for (int i = 0; i < p; i++) {
                double w = weight(expected[i], curve.relativeVariance()[i]);
                sw += w;
                sx += w * c.lag(i);
                sy += w * c.msd(i);
            }
            if (!(sw > 0)) {
                break;
            }
            double mx = sx / sw;
            double my = sy / sw;
            double sxx = 0;
            double sxy = 0;
            for (int i = 0; i < p; i++) {
                double w = weight(expected[i], curve.relativeVariance()[i]);
                sxx += w * (c.lag(i) - mx) * (c.lag(i) - mx);
                sxy += w * (c.lag(i) - mx) * (c.msd(i) - my);
            }
            if (!(sxx > 0)) {
                break;
            }
            slope = sxy / sxx;
            intercept = my - slope * mx;
            for (int i = 0; i < p; i++) {
                expected[i] = intercept + slope * c.lag(i);
            }
        }
        double d = slope / model.axesFactor();
        double sigma2 = intercept / model.axesFactor() + d * model.exposureFraction() / 3;
        return new DiffusionFit(d, sigma2, p);
    }

    private static double weight(double expected, double relativeVariance) {
        return expected > 0 && relativeVariance > 0 && Double.isFinite(relativeVariance)
                ? 1 / (expected * expected * relativeVariance) : 0;
    }

    /** D (alpha = 1) with the offset fixed by sigma, and Michalet's number of lags. */
    public DiffusionFit diffusion(WeightedMsd curve, double sigma2) {
        DiffusionFit fit = diffusion(curve, sigma2, 2);
        for (int iteration = 0; iteration < 3 && fit.ok(); iteration++) {
            int p = FitPoints.forDiffusion(FitPoints.reducedError(sigma2, fit.diffusion(), model), curve.size());
            if (p == fit.points()) {
                break;
            }
            fit = diffusion(curve, sigma2, p);
        }
        return fit;
    }

    /**
     * D with the offset fixed by sigma from the first {@code points} lags by weighted least squares in linear space
     * (the model is linear in D), weights {@code 1 / (model^2 v)} iterated from the data.
     */
    public DiffusionFit diffusion(WeightedMsd curve, double sigma2, int points) {
        int p = Math.min(points, curve.size());
        MsdCurve c = curve.curve();
        double offset = model.axesFactor() * sigma2;
        double[] expected = new double[p];
        for (int i = 0; i < p; i++) {
            expected[i] = c.msd(i);
        }
        double d = Double.NaN;
        for (int iteration = 0; iteration < 3; iteration++) {
            double num = 0;
            double den = 0;
            for (int i = 0; i < p; i++) {
                double w = weight(expected[i], curve.relativeVariance()[i]);
                double s = model.axesFactor() * model.shape(1, c.lag(i));
                num += w * s * (c.msd(i) - offset);
                den += w * s * s;
            }
            if (!(den > 0)) {
                return new DiffusionFit(Double.NaN, sigma2, p);
            }
            d = num / den;
            for (int i = 0; i < p; i++) {
                expected[i] = model.msd(Math.max(d, 0), 1, sigma2, c.lag(i));
            }
        }
        return new DiffusionFit(d, sigma2, p);
    }

    /** K and alpha with the number of lags chosen by {@link FitPoints#forAlpha}. */
    public AnomalousFit anomalous(WeightedMsd curve, double sigma2) {
        DiffusionFit d = diffusion(curve, sigma2);
        double x = d.ok() && d.diffusion() > 0 ? FitPoints.reducedError(sigma2, d.diffusion(), model) : 0;
        return anomalous(curve, sigma2, FitPoints.forAlpha(x, curve.size()));
    }

    /** K and alpha from the first {@code points} lags. */
    public AnomalousFit anomalous(WeightedMsd curve, double sigma2, int points) {
        return fit(curve, sigma2, Math.min(points, curve.size()), true);
    }

    /** The weighted residual of the best (K, alpha) for this offset, for profiling the offset. */
    double residual(WeightedMsd curve, double sigma2, int points) {
        return fit(curve, sigma2, Math.min(points, curve.size()), false).residual();
    }

    private AnomalousFit fit(WeightedMsd curve, double sigma2, int p, boolean polish) {
        MsdCurve c = curve.curve();
        double[] v = curve.relativeVariance();
        double offset = model.axesFactor() * sigma2;
        double[] x = new double[p];
        double[] y = new double[p];
        double[] w = new double[p];
        int[] lag = new int[p];
        int used = 0;
        double penalty = 0;
        for (int i = 0; i < p; i++) {
            double m = c.msd(i);
            if (!(m > 0) || !(v[i] > 0) || Double.isInfinite(v[i])) {
                continue;
            }
            double excess = m - offset;
            if (excess <= 0) {
                penalty += (excess / m) * (excess / m) / v[i];
                continue;
            }
            lag[used] = c.lag(i);
            x[used] = Math.log(c.lag(i));
            y[used] = Math.log(excess / model.axesFactor());
            w[used] = (excess / m) * (excess / m) / v[i];
            used++;
        }
        if (used < 2) {
            return new AnomalousFit(Double.NaN, Double.NaN, sigma2, p, penalty + 1e6);
        }
        return model.isPowerLaw() ? powerLaw(x, y, w, used, sigma2, p, penalty)
                : blurred(lag, y, w, used, sigma2, p, penalty, polish);
    }

    private static AnomalousFit powerLaw(double[] x, double[] y, double[] w, int n, double sigma2, int p,
            double penalty) {
        double sw = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < n; i++) {
            sw += w[i];
            sx += w[i] * x[i];
            sy += w[i] * y[i];
        }
        double mx = sx / sw;
        double my = sy / sw;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxx += w[i] * dx * dx;
            sxy += w[i] * dx * dy;
            syy += w[i] * dy * dy;
        }
        double alpha = sxx > 0 ? Math.max(0, Math.min(ALPHA_MAX, sxy / sxx)) : 1;
        double ssr = Math.max(0, syy - 2 * alpha * sxy + alpha * alpha * sxx);
        return new AnomalousFit(Math.exp(my - alpha * mx), alpha, sigma2, p, ssr + penalty);
    }

    private AnomalousFit blurred(int[] lag, double[] y, double[] w, int n, double sigma2, int p, double penalty,
            boolean polish) {
        int maxLag = 0;
        for (int i = 0; i < n; i++) {
            maxLag = Math.max(maxLag, lag[i]);
        }
        ensureShapeTable(maxLag);
        double[] h = new double[n];
        double best = Double.POSITIVE_INFINITY;
        // Profiling sigma evaluates this for every track and every candidate sigma: a 0.05 grid with a parabola is
        // plenty there; reported fits search the 0.01 grid and polish by golden section.
        int stride = polish ? 1 : 5;
        int bestJ = stride;
        double[] ssr = new double[GRID + 1];
        // alpha = 0 is a constant that blur averages to nothing (s = 0), so the grid starts one step above.
        for (int j = stride; j <= GRID; j += stride) {
            for (int i = 0; i < n; i++) {
                h[i] = logShape[j][lag[i]];
            }
            ssr[j] = ssrGivenShape(y, w, h, n);
            if (ssr[j] < best) {
                best = ssr[j];
                bestJ = j;
            }
        }
        double alpha = bestJ * GRID_STEP;
        if (bestJ > stride && bestJ + stride <= GRID) {
            double curvature = ssr[bestJ - stride] - 2 * ssr[bestJ] + ssr[bestJ + stride];
            if (curvature > 0) {
                alpha += stride * GRID_STEP * 0.5 * (ssr[bestJ - stride] - ssr[bestJ + stride]) / curvature;
            }
            if (polish) {
                alpha = goldenSection(lag, y, w, n, (bestJ - 1) * GRID_STEP, (bestJ + 1) * GRID_STEP);
            }
        }
        for (int i = 0; i < n; i++) {
            h[i] = Math.log(model.shape(alpha, lag[i]));
        }
        double logK = weightedMean(y, w, h, n);
        return new AnomalousFit(Math.exp(logK), alpha, sigma2, p, ssrGivenShape(y, w, h, n) + penalty);
    }

    private double goldenSection(int[] lag, double[] y, double[] w, int n, double lo, double hi) {
        double ratio = (Math.sqrt(5) - 1) / 2;
        double[] h = new double[n];
        double a = lo;
        double b = hi;
        double c = b - ratio * (b - a);
        double d = a + ratio * (b - a);
        double fc = exactSsr(c, lag, y, w, h, n);
        double fd = exactSsr(d, lag, y, w, h, n);
        while (b - a > 1e-7) {
            if (fc < fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - ratio * (b - a);
                fc = exactSsr(c, lag, y, w, h, n);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + ratio * (b - a);
                fd = exactSsr(d, lag, y, w, h, n);
            }
        }
        return (a + b) / 2;
    }

    private double exactSsr(double alpha, int[] lag, double[] y, double[] w, double[] h, int n) {
        for (int i = 0; i < n; i++) {
            h[i] = Math.log(model.shape(alpha, lag[i]));
        }
        return ssrGivenShape(y, w, h, n);
    }

    /** The residual with log K at its optimum for this shape: the weighted mean of y - h. */
    private static double ssrGivenShape(double[] y, double[] w, double[] h, int n) {
        double logK = weightedMean(y, w, h, n);
        double ssr = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - h[i] - logK;
            ssr += w[i] * r * r;
        }
        return ssr;
    }

    private static double weightedMean(double[] y, double[] w, double[] h, int n) {
        double sw = 0;
        double s = 0;
        for (int i = 0; i < n; i++) {
            sw += w[i];
            s += w[i] * (y[i] - h[i]);
        }
        return s / sw;
    }

    private void ensureShapeTable(int maxLag) {
        int have = logShape[GRID].length; // row 0 (alpha = 0) stays empty
        if (have > maxLag) {
            return;
        }
        int size = Math.max(maxLag + 1, 2 * have);
        for (int j = 1; j <= GRID; j++) {
            double[] row = Arrays.copyOf(logShape[j], size);
            for (int lag = Math.max(1, have); lag < size; lag++) {
                row[lag] = Math.log(model.shape(j * GRID_STEP, lag));
            }
            logShape[j] = row;
        }
    }
}
