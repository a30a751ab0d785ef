package org.lptem.simulate;

/** Test helpers: tracks from a motion model and their mean squared displacements. */
final class Msd {
    private Msd() {
    }

    /** {x, y} positions (starting at 0) of {@code tracks} tracks of {@code steps} increments, one stream each. */
    static double[][][] tracks(MotionModel model, int tracks, int steps, long seed) {
        double[][][] out = new double[tracks][2][steps + 1];
        double[] dx = new double[steps];
        double[] dy = new double[steps];
        for (int p = 0; p < tracks; p++) {
            model.increments(SplitMix64.stream(seed, SplitMix64.MOTION, p), dx, dy);
            for (int k = 0; k < steps; k++) {
                out[p][0][k + 1] = out[p][0][k] + dx[k];
                out[p][1][k + 1] = out[p][1][k] + dy[k];
            }
        }
        return out;
    }

    /** Ensemble mean of |r(lag) - r(0)|^2: the MSD from the start, exact for non-stationary models too. */
    static double fromStart(double[][][] tracks, int lag) {
        double sum = 0;
        for (double[][] t : tracks) {
            double dx = t[0][lag] - t[0][0];
            double dy = t[1][lag] - t[1][0];
            sum += dx * dx + dy * dy;
        }
        return sum / tracks.length;
    }

    /** Time- and ensemble-averaged MSD at {@code lag}. */
    static double timeAveraged(double[][][] tracks, int lag) {
        double sum = 0;
        long n = 0;
        for (double[][] t : tracks) {
            for (int i = 0; i + lag < t[0].length; i++) {
                double dx = t[0][i + lag] - t[0][i];
                double dy = t[1][i + lag] - t[1][i];
                sum += dx * dx + dy * dy;
                n++;
            }
        }
        return sum / n;
    }

    /** Least-squares slope of log MSD(from start) against log lag over the given lags. */
    static double logLogSlope(double[][][] tracks, int[] lags) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int lag : lags) {
            double x = Math.log(lag);
            double y = Math.log(fromStart(tracks, lag));
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        int n = lags.length;
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    /** Powers of two from {@code from} to {@code to}. */
    static int[] octaves(int from, int to) {
        int count = 0;
        for (int l = from; l <= to; l *= 2) {
            count++;
        }
        int[] lags = new int[count];
        for (int i = 0, l = from; l <= to; l *= 2, i++) {
            lags[i] = l;
        }
        return lags;
    }
}
