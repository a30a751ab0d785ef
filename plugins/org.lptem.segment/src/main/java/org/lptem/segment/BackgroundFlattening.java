package org.lptem.segment;

import org.lptem.core.image.GaussianBlur;

/**
 * Removes uneven illumination: a least-squares quadratic surface first, then a wide Gaussian blur of what is left.
 * The surface matters at the borders: a reflected blur bends a linear gradient into a V there and would paint
 * false dark (or bright) strips along two edges of every frame with an illumination gradient.
 */
final class BackgroundFlattening {
    private BackgroundFlattening() {
    }

    /** {@code raw} minus its background; the background level of the result is about 0. Sigma 0 returns raw. */
    static float[] flatten(float[] raw, int width, int height, double sigma) {
        if (sigma == 0) {
            return raw;
        }
        float[] residual = raw.clone();
        subtractQuadraticTrend(residual, width, height);
        float[] flat = GaussianBlur.blur(residual, width, height, sigma);
        for (int i = 0; i < flat.length; i++) {
            flat[i] = residual[i] - flat[i];
        }
        return flat;
    }

    /**
     * Fits {@code a + b p1(x) + c p2(x) + d p1(y) + e p2(y) + f p1(x) p1(y)} and subtracts it, where p1, p2 are
     * the discrete orthogonal polynomials of degree 1 and 2 on the pixel grid. On a full grid these six functions
     * are mutually orthogonal, so each coefficient is a plain projection and the fit is one pass.
     */
    static void subtractQuadraticTrend(float[] image, int width, int height) {
        double[] px1 = new double[width];
        double[] px2 = new double[width];
        orthogonalPolynomials(width, px1, px2);
        double[] py1 = new double[height];
        double[] py2 = new double[height];
        orthogonalPolynomials(height, py1, py2);
        double sum = 0;
        double sx1 = 0;
        double sx2 = 0;
        double sy1 = 0;
        double sy2 = 0;
        double sxy = 0;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            double rowSum = 0;
            double rowX1 = 0;
            double rowX2 = 0;
            for (int x = 0; x < width; x++) {
                double v = image[row + x];
                rowSum += v;
                rowX1 += v * px1[x];
                rowX2 += v * px2[x];
            }
            sum += rowSum;
            sx1 += rowX1;
            sx2 += rowX2;
            sy1 += rowSum * py1[y];
            sy2 += rowSum * py2[y];
            sxy += rowX1 * py1[y];
        }
        double n = (double) width * height;
        double nx1 = norm2(px1);
        double nx2 = norm2(px2);
        double ny1 = norm2(py1);
        double ny2 = norm2(py2);
        double a = sum / n;
        double b = nx1 == 0 ? 0 : sx1 / (nx1 * height);
        double c = nx2 == 0 ? 0 : sx2 / (nx2 * height);
        double d = ny1 == 0 ? 0 : sy1 / (ny1 * width);
        double e = ny2 == 0 ? 0 : sy2 / (ny2 * width);
        double f = nx1 == 0 || ny1 == 0 ? 0 : sxy / (nx1 * ny1);
        for (int y = 0; y < height; y++) {
            int row = y * width;
            double rowTrend = a + d * py1[y] + e * py2[y];
            double cross = f * py1[y];
            for (int x = 0; x < width; x++) {
                image[row + x] -= (float) (rowTrend + b * px1[x] + c * px2[x] + cross * px1[x]);
            }
        }
    }

    /** p1(i) = i - mean and p2(i) = p1^2 - (n^2 - 1) / 12 on i = 0..n-1 (orthogonal to each other and to 1). */
    private static void orthogonalPolynomials(int n, double[] p1, double[] p2) {
        double mean = (n - 1) / 2.0;
        double offset = ((double) n * n - 1) / 12;
        for (int i = 0; i < n; i++) {
            p1[i] = i - mean;
            p2[i] = p1[i] * p1[i] - offset;
        }
    }

    private static double norm2(double[] p) {
        double s = 0;
        for (double v : p) {
            s += v * v;
        }
        // below rounding noise (a 1- or 2-pixel dimension has no curvature) counts as absent
        return s < 1e-9 ? 0 : s;
    }
}
