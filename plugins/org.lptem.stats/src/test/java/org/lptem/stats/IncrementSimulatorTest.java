package org.lptem.stats;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IncrementSimulatorTest {

    /** The ensemble MSD of simulated tracks is the model's, for fBm with noise and blur. */
    @Test
    void simulatedTracksHaveTheModelMsd() {
        for (double alpha : new double[] {0.4, 1.0, 1.6}) {
            MsdModel model = MsdModel.planar(0.5);
            double k = 0.8;
            double sigma2 = 0.1;
            int span = 64;
            IncrementSimulator sim = new IncrementSimulator(model, k, alpha, sigma2, span);
            SplittableRandom random = new SplittableRandom(9);
            double[] x = new double[span];
            double[] y = new double[span];
            int lags = 8;
            double[] sum = new double[lags + 1];
            int reps = 4000;
            for (int r = 0; r < reps; r++) {
                sim.sample(random, x, y);
                for (int lag = 1; lag <= lags; lag++) {
                    // displacement from the first frame: each replicate gives one independent value per lag
                    sum[lag] += x[lag] * x[lag] + y[lag] * y[lag];
                }
            }
            for (int lag = 1; lag <= lags; lag++) {
                double expected = model.msd(k, alpha, sigma2, lag);
                // relative standard error of a mean of 4000 squared 2D Gaussian norms: 1/sqrt(4000) = 1.6%
                assertEquals(expected, sum[lag] / reps, 0.06 * expected, "alpha " + alpha + ", lag " + lag);
            }
        }
    }
}
