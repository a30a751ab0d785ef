package org.lptem.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lptem.core.LptemException;

/** Every motion model against its theory, on sizes that resolve the checked quantity to a few per cent. */
class MotionModelsTest {

    @Test
    void brownianMsdSlopeIsFourD() {
        double sigma = 1.3; // per-axis step: 2 D dt = sigma^2, so the MSD slope per frame is 4 D = 2 sigma^2
        double[][][] t = Msd.tracks(new BrownianMotion(sigma), 1000, 100, 1);
        // Least squares through the origin over lags 1..10 of the time-averaged MSD.
        double sxy = 0;
        double sxx = 0;
        for (int lag = 1; lag <= 10; lag++) {
            sxy += lag * Msd.timeAveraged(t, lag);
            sxx += lag * lag;
        }
        double slope = sxy / sxx;
        assertEquals(2 * sigma * sigma, slope, 0.03 * 2 * sigma * sigma);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 0.7, 1.0, 1.6})
    void fractionalBrownianMotionHasItsExponentAndScale(double alpha) {
        double sigma = 0.8;
        double[][][] t = Msd.tracks(new FractionalBrownianMotion(alpha, sigma), 1000, 256, 2);
        double slope = Msd.logLogSlope(t, Msd.octaves(1, 256));
        assertEquals(alpha, slope, 0.05, "MSD exponent");
        // MSD(n) = 2 sigma^2 n^alpha (two axes of variance sigma^2 n^alpha).
        assertEquals(2 * sigma * sigma, Msd.fromStart(t, 1), 0.05 * 2 * sigma * sigma, "MSD at lag 1");
        assertEquals(2 * sigma * sigma * Math.pow(200, alpha), Msd.fromStart(t, 200),
                0.1 * 2 * sigma * sigma * Math.pow(200, alpha), "MSD at lag 200");
    }

    /** Anti-persistent below alpha 1, persistent above: the lag-1 correlation of fGn is 2^(alpha-1) - 1. */
    @ParameterizedTest
    @ValueSource(doubles = {0.4, 1.5})
    void fractionalGaussianNoiseHasTheTheoreticalStepCorrelation(double alpha) {
        FractionalBrownianMotion fbm = new FractionalBrownianMotion(alpha, 1);
        int n = 300;
        double[] dx = new double[n];
        double[] dy = new double[n];
        double c = 0;
        double v = 0;
        for (int p = 0; p < 400; p++) {
            fbm.increments(SplitMix64.stream(9, p), dx, dy);
            for (int k = 0; k + 1 < n; k++) {
                c += dx[k] * dx[k + 1] + dy[k] * dy[k + 1];
                v += dx[k] * dx[k] + dy[k] * dy[k];
            }
        }
        assertEquals(Math.pow(2, alpha - 1) - 1, c / v, 0.01);
        assertEquals(Math.pow(2, alpha - 1) - 1, fbm.autocovariance(1), 1e-12);
    }

    /**
     * The autocovariance at long lags, where the textbook second difference of powers cancels up to ten digits.
     * References: that formula evaluated in 50-digit arithmetic (mpmath); the old double evaluation missed them by
     * 2e-10 to 4e-6 relative.
     */
    @Test
    void fractionalGaussianNoiseAutocovarianceIsAccurateAtLongLags() {
        assertRelative(0.98707075929150899, new FractionalBrownianMotion(1.999, 1).autocovariance(100_000), 1e-14);
        assertRelative(-3.9528470753340006e-9, new FractionalBrownianMotion(0.5, 1).autocovariance(100_000), 1e-14);
        assertRelative(-1.1134793108147169e-8, new FractionalBrownianMotion(0.1, 1).autocovariance(3000), 1e-14);
        assertRelative(0.0015489402113156225, new FractionalBrownianMotion(1.3, 1).autocovariance(1000), 1e-14);
        assertEquals(0, new FractionalBrownianMotion(1, 1).autocovariance(7), "alpha 1 is white noise");
    }

    private static void assertRelative(double expected, double actual, double relative) {
        assertEquals(expected, actual, relative * Math.abs(expected));
    }

    /**
     * alpha 1.999 over 10^5 steps, which used to fail in the circulant embedding: the embedding must give
     * Var(X_n) = n^alpha per axis exactly, and sampled tracks must agree with it.
     */
    @Test
    void nearlyBallisticFractionalBrownianMotionOfLongTracks() {
        double alpha = 1.999;
        int n = 100_000;
        double expected = Math.pow(n, alpha);
        FractionalBrownianMotion fbm = new FractionalBrownianMotion(alpha, 1);
        double[] a = fbm.amplitudes(n);
        int size = a.length;
        // X_n per axis is a part of sum_j z_j W_j with W_j = sum_{k<n} exp(-2 pi i j k / size) and z_j of variance
        // a_j^2 per part, so Var(X_n) = sum_j a_j^2 |W_j|^2, |W_j|^2 = sin^2(pi j n / size) / sin^2(pi j / size).
        double variance = a[0] * a[0] * ((double) n * n);
        for (int j = 1; j < size; j++) {
            double num = Math.sin(Math.PI * ((long) j * n % size) / size);
            double den = Math.sin(Math.PI * Math.min(j, size - j) / size);
            variance += a[j] * a[j] * (num * num) / (den * den);
        }
        assertRelative(expected, variance, 1e-9);

        int seeds = 64;
        double[] dx = new double[n];
        double[] dy = new double[n];
        double squares = 0;
        for (int r = 0; r < seeds; r++) {
            fbm.increments(SplitMix64.stream(21, r), dx, dy);
            double sx = 0;
            double sy = 0;
            for (int k = 0; k < n; k++) {
                sx += dx[k];
                sy += dy[k];
            }
            squares += sx * sx + sy * sy;
        }
        // 128 independent Gaussian sums: the ratio is chi^2(128) / 128 (sd 0.125); P(outside [0.6, 1.5]) < 5e-4.
        double ratio = squares / (2 * seeds) / expected;
        assertTrue(ratio > 0.6 && ratio < 1.5, "Var(X_n) / n^alpha = " + ratio);
    }

    @Test
    void aNegativeEmbeddingNamesAlphaAndLength() {
        LptemException e = assertThrows(LptemException.class,
                () -> FractionalBrownianMotion.amplitudesOf(new double[] {8, 1, -1e-3, 1}, 1.999, 100_000));
        assertTrue(e.getMessage().contains("alpha = 1.999") && e.getMessage().contains("100000 steps"),
                e.getMessage());
        // Rounding-level negatives are components of zero variance, not errors.
        assertArrayEquals(new double[] {1, 0.5, 0, 0.5},
                FractionalBrownianMotion.amplitudesOf(new double[] {4, 1, -1e-15, 1}, 1.5, 2), 0);
    }

    @Test
    void fractionalBrownianMotionOfAnyLengthIsExactAndReproducible() {
        FractionalBrownianMotion fbm = new FractionalBrownianMotion(0.5, 1);
        for (int n : new int[] {1, 2, 3, 100, 129}) {
            double[] a = new double[n];
            double[] b = new double[n];
            fbm.increments(SplitMix64.stream(4, n), a, b);
            double[] a2 = new double[n];
            fbm.increments(SplitMix64.stream(4, n), a2, new double[n]);
            assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(a2));
        }
    }

    @Test
    void ctrwWaitingTimesHaveAParetoTail() {
        double alpha = 0.6;
        SplitMix64 rng = new SplitMix64(5);
        int n = 100_000;
        double logSum = 0;
        for (int i = 0; i < n; i++) {
            double tau = ContinuousTimeRandomWalk.waitingTime(rng, alpha);
            assertTrue(tau >= 1);
            logSum += Math.log(tau);
        }
        // Hill's estimator with threshold 1 (the minimum wait) is the maximum-likelihood exponent, error alpha/sqrt(n).
        assertEquals(alpha, n / logSum, 0.01);
    }

    /**
     * The rests seen in the frames (runs of zero increments) inherit the waiting times' tail exponent. Each track
     * ends inside a rest that is cut short; with alpha = 0.5 those are long and many, and leaving them out would
     * bias the exponent up, so they enter as censored observations: the maximum-likelihood exponent is the number of
     * completed rests over the summed log lengths of all.
     */
    @Test
    void ctrwRestsInTheTrajectoryHaveTheTailExponent() {
        double alpha = 0.5;
        int threshold = 20;
        double[][][] t = Msd.tracks(new ContinuousTimeRandomWalk(alpha, 1), 300, 3000, 6);
        double logSum = 0;
        int completed = 0;
        for (double[][] track : t) {
            int run = 0;
            for (int k = 1; k < track[0].length; k++) {
                if (track[0][k] == track[0][k - 1]) {
                    run++;
                    continue;
                }
                // A rest of `run` empty frames between jumps lasted run + 1 frames, give or take one.
                if (run + 1 >= threshold) {
                    logSum += Math.log((run + 1.0) / threshold);
                    completed++;
                }
                run = 0;
            }
            if (run + 1 >= threshold) {
                logSum += Math.log((run + 1.0) / threshold);
            }
        }
        assertTrue(completed > 500, "completed rests above the threshold: " + completed);
        assertEquals(alpha, completed / logSum, 0.07);
    }

    @Test
    void harmonicTrapMsdPlateausAtTwiceTheSquaredRmsRadius() {
        double radius = 6;
        double[][][] t = Msd.tracks(new HarmonicTrap(1.5, radius), 300, 2000, 7);
        // theta dt = (1.5^2 / 2) / (36 / 2) = 0.0625: lag 300 is 19 relaxation times.
        assertEquals(2 * radius * radius, Msd.timeAveraged(t, 300), 0.05 * 2 * radius * radius);
        // At short lags the trap is not felt yet: MSD(1) ~ 2 sigma^2 (1 - theta dt / 2 ...).
        double rho = Math.exp(-0.0625);
        assertEquals(2 * 2 * 18 * (1 - rho), Msd.timeAveraged(t, 1), 0.03 * 2 * 2 * 18 * (1 - rho));
        // Stationary start: the MSD from the start equals the time average.
        assertEquals(2 * radius * radius, Msd.fromStart(t, 1000), 0.1 * 2 * radius * radius);
    }

    @Test
    void boxMsdPlateausAtAThirdOfTheSquaredSide() {
        double side = 10;
        double[][][] t = Msd.tracks(new BoxConfinement(1, side), 300, 2000, 8);
        assertEquals(side * side / 3, Msd.timeAveraged(t, 500), 0.05 * side * side / 3);
        for (double[][] track : t) {
            for (int k = 1; k < track[0].length; k++) {
                // Every position stays within one side length of every other.
                assertTrue(Math.abs(track[0][k] - track[0][0]) <= side + 1e-9);
            }
        }
    }

    @Test
    void scaledBrownianMotionFollowsItsPowerLawExactly() {
        double alpha = 0.5;
        double[][][] t = Msd.tracks(new ScaledBrownianMotion(alpha, 1), 1000, 256, 9);
        assertEquals(alpha, Msd.logLogSlope(t, Msd.octaves(1, 256)), 0.03);
        assertEquals(2 * Math.pow(100, alpha), Msd.fromStart(t, 100), 0.1 * 2 * Math.pow(100, alpha));
    }

    @Test
    void levyWalkIsSuperdiffusiveAtConstantSpeed() {
        double alpha = 1.5;
        double speed = 0.7;
        double[][][] t = Msd.tracks(new LevyWalk(alpha, speed), 400, 2000, 10);
        for (double[][] track : t) {
            for (int k = 1; k < track[0].length; k++) {
                double step = Math.hypot(track[0][k] - track[0][k - 1], track[1][k] - track[1][k - 1]);
                assertTrue(step <= speed + 1e-12, "no frame moves farther than the speed allows: " + step);
            }
        }
        assertEquals(alpha, Msd.logLogSlope(t, Msd.octaves(16, 2048 / 2)), 0.15);
    }

    @Test
    void attmIsSubdiffusiveWithItsExponent() {
        double alpha = 0.7;
        double[][][] t = Msd.tracks(new AnnealedTransitTime(alpha, 1), 600, 2000, 11);
        assertEquals(alpha, Msd.logLogSlope(t, Msd.octaves(16, 1024)), 0.15);
    }

    @Test
    void directedMotionMovesAtItsSpeed() {
        double speed = 0.5;
        double[][][] t = Msd.tracks(new DirectedMotion(1, speed), 200, 400, 12);
        double sum = 0;
        for (double[][] track : t) {
            sum += Math.hypot(track[0][400], track[1][400]) / 400;
        }
        // Per-track diffusive error sqrt(2) / sqrt(400) per axis is small against 0.5 x 400 px of travel.
        assertEquals(speed, sum / t.length, 0.02);
        // Directions differ from particle to particle.
        assertTrue(Math.abs(t[0][0][400] - t[1][0][400]) > 10);
    }
}
