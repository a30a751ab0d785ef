package org.lptem.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lptem.core.LptemException;

/**
 * The profile of the summed fit residual over a localisation error sigma shared by several MSD curves: for each
 * candidate sigma every curve gets its own best (K, alpha), and the sigma with the smallest total wins. Residuals of
 * every curve are tabulated once on a grid of sigma, so that a bootstrap replicate (a multiset of the curves) costs
 * only a weighted sum of the table rows; the point estimate is refined beyond the grid by a golden-section search on
 * the exact total.
 */
public final class OffsetProfile {
    private static final int GRID = 129;
    /** Curves need at least this many lags to tell an offset from a shallow power law. */
    public static final int MIN_LAGS = 3;

    private final MsdFitter fitter;
    private final List<WeightedMsd> curves = new ArrayList<>();
    private final int[] curveIndex;
    private final int points;
    private final double sigmaMax;
    private final double[][] table;

    /**
     * @param curves MSD curves with their relative variances (those with fewer than {@value #MIN_LAGS} usable lags
     *            are left out)
     * @param points lags of each curve to fit
     */
    public OffsetProfile(List<WeightedMsd> curves, MsdFitter fitter, int points) {
        this.fitter = fitter;
        this.points = Math.max(MIN_LAGS, points);
        List<Integer> index = new ArrayList<>();
        List<Double> firstLag = new ArrayList<>();
        for (int i = 0; i < curves.size(); i++) {
            WeightedMsd c = curves.get(i);
            if (c.size() >= MIN_LAGS && c.curve().msd(0) > 0) {
                this.curves.add(c);
                index.add(i);
                firstLag.add(c.curve().msd(0));
            }
        }
        curveIndex = index.stream().mapToInt(Integer::intValue).toArray();
        // An offset cannot exceed the first MSD point of a typical curve (MSD(1) = 2d (K s(1) + sigma^2)); the 75th
        // percentile leaves room for noise-dominated data without wasting the grid on fast outliers.
        double[] first = firstLag.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        sigmaMax = first.length == 0 ? 0
                : Math.sqrt(Interval.quantile(first, 0.75) / fitter.model().axesFactor());
        table = new double[this.curves.size()][GRID];
        for (int i = 0; i < this.curves.size(); i++) {
            for (int j = 0; j < GRID; j++) {
                table[i][j] = fitter.residual(this.curves.get(i), sigma2At(j), this.points);
            }
        }
    }

    /** Number of curves that enter the profile. */
    public int curves() {
        return curves.size();
    }

    /** Indices (in the list given to the constructor) of the curves that enter the profile. */
    public int[] curveIndices() {
        return curveIndex.clone();
    }

    /**
     * The estimate for all curves, px^2 (or the curves' unit squared).
     *
     * @throws LptemException when no curve could be used: no offset is known then, and 0 would pass for a
     *             measurement of a perfect localisation
     */
    public double sigma2() {
        if (curves.isEmpty()) {
            throw new LptemException("no MSD curve has the " + MIN_LAGS + " lags with a positive first value "
                    + "needed to profile the localisation error");
        }
        int[] all = new int[curves.size()];
        Arrays.fill(all, 1);
        int j = gridMinimum(all);
        double lo = sigmaAt(Math.max(0, j - 1));
        double hi = sigmaAt(Math.min(GRID - 1, j + 1));
        double sigma = goldenSection(lo, hi);
        return sigma * sigma;
    }

    /**
     * The estimate for a bootstrap replicate: {@code multiplicity[i]} copies of the i-th profiled curve (in the order
     * of {@link #curveIndices()}); grid minimum refined by a parabola. NaN when the replicate holds none of the
     * profiled curves, so that it drops out of percentile intervals instead of voting for sigma = 0.
     */
    public double sigma2(int[] multiplicity) {
        if (Arrays.stream(multiplicity).noneMatch(m -> m > 0)) {
            return Double.NaN;
        }
        double[] total = totals(multiplicity);
        int j = 0;
        for (int k = 1; k < GRID; k++) {
            if (total[k] < total[j]) {
                j = k;
            }
        }
        double sigma = sigmaAt(j);
        if (j > 0 && j < GRID - 1) {
            double curvature = total[j - 1] - 2 * total[j] + total[j + 1];
            if (curvature > 0) {
                sigma += step() * 0.5 * (total[j - 1] - total[j + 1]) / curvature;
            }
        }
        return sigma * sigma;
    }

    private int gridMinimum(int[] multiplicity) {
        double[] total = totals(multiplicity);
        int j = 0;
        for (int k = 1; k < GRID; k++) {
            if (total[k] < total[j]) {
                j = k;
            }
        }
        return j;
    }

    private double[] totals(int[] multiplicity) {
        double[] total = new double[GRID];
        for (int i = 0; i < table.length; i++) {
            if (multiplicity[i] == 0) {
                continue;
            }
            double[] row = table[i];
            for (int k = 0; k < GRID; k++) {
                total[k] += multiplicity[i] * row[k];
            }
        }
        return total;
    }

    private double exactTotal(double sigma) {
        double total = 0;
        for (WeightedMsd c : curves) {
            total += fitter.residual(c, sigma * sigma, points);
        }
        return total;
    }

    private double goldenSection(double lo, double hi) {
        double ratio = (Math.sqrt(5) - 1) / 2;
        double a = lo;
        double b = hi;
        double c = b - ratio * (b - a);
        double d = a + ratio * (b - a);
        double fc = exactTotal(c);
        double fd = exactTotal(d);
        double tolerance = Math.max(1e-9 * sigmaMax, 1e-300);
        for (int iteration = 0; iteration < 60 && b - a > tolerance; iteration++) {
            if (fc < fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - ratio * (b - a);
                fc = exactTotal(c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + ratio * (b - a);
                fd = exactTotal(d);
            }
        }
        // The ends of the search interval are candidates too: the optimum may be sigma = 0.
        double mid = (a + b) / 2;
        double best = mid;
        double fBest = exactTotal(mid);
        if (lo == 0 && exactTotal(0) <= fBest) {
            best = 0;
        }
        return best;
    }

    private double step() {
        return sigmaMax / (GRID - 1);
    }

    private double sigmaAt(int j) {
        return step() * j;
    }

    private double sigma2At(int j) {
        double s = sigmaAt(j);
        return s * s;
    }
}
