package org.lptem.leonardo;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lptem.core.LptemException;

class ShapeExtentTest {

    private static float[] summary(float... xy) {
        float[] out = new float[ShapeSummary.SIZE];
        ShapeSummary.of(xy, 0, xy.length / 2, out, 0);
        return out;
    }

    @Test
    void summariesOfHandComputedTrajectories() {
        // one jump of 2 px, then waits: unit-extent steps x (1, 0, 0, 0), y all 0; pooled m2 = m4 = 1/8
        float[] jump = summary(0, 0, 2, 0, 2, 0, 2, 0, 2, 0);
        assertEquals(Math.log10(8), jump[0], 1e-6, "kurtosis (1/8) / (1/8)^2");
        assertEquals(Math.log10(0.125), jump[1], 1e-6, "mean square step at unit extent");
        // the same shape larger, moved and along y: the same summary (it is measured at unit extent)
        assertArrayEquals(jump, summary(5, 1, 5, 7, 5, 7, 5, 7, 5, 7), 1e-6f);
        // back and forth: steps +-1 in x, 0 in y; m2 = m4 = 1/2
        float[] rattle = summary(0, 0, 1, 0, 0, 0, 1, 0, 0, 0);
        assertEquals(Math.log10(2), rattle[0], 1e-6);
        assertEquals(Math.log10(0.5), rattle[1], 1e-6);
        float[] still = summary(3, 3, 3, 3, 3, 3);
        assertEquals(0, still[0], "a trajectory that does not move: kurtosis 1");
        assertEquals(Math.log10(ShapeSummary.STILL_MEAN_SQUARE), still[1], 1e-6);
    }

    @Test
    void conditioningIsTheTrajectoryLatentThenTheSummary() {
        // two codes of 5 values (latent 2, then 3 per-frame values), two decoded trajectories of 3 frames
        float[] codes = {1, 2, 9, 9, 9, 3, 4, 9, 9, 9};
        float[] decoded = {0, 0, 2, 0, 2, 0, 0, 0, 1, 0, 0, 0};
        float[] c = ShapeSummary.conditioning(codes, 5, 2, decoded, 3, 2);
        assertEquals(8, c.length);
        assertArrayEquals(new float[] {1, 2, summary(0, 0, 2, 0, 2, 0)[0], summary(0, 0, 2, 0, 2, 0)[1]},
                java.util.Arrays.copyOfRange(c, 0, 4));
        assertArrayEquals(new float[] {3, 4, (float) Math.log10(2), (float) Math.log10(0.5)},
                java.util.Arrays.copyOfRange(c, 4, 8), 1e-6f);
    }

    @Test
    void theJointFitRecoversAnExtentThatFollowsTheShape() {
        // x = (z, s0, s1), all N(0, 1); ln extent = 1 + 0.5 s0 - 0.7 s1 + 0.1 g; encoder variance 0.04 on z only
        int n = 40_000;
        SplittableRandom r = new SplittableRandom(5);
        float[] x = new float[3 * n];
        double[] extent = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[3 * i + j] = (float) r.nextGaussian();
            }
            extent[i] = Math.exp(1 + 0.5 * x[3 * i + 1] - 0.7 * x[3 * i + 2] + 0.1 * r.nextGaussian());
        }
        LatentPrior joint = LatentPrior.fitJoint(x, new double[] {0.04, 0, 0}, extent, n, 3);
        double[] c = joint.covariance();
        assertEquals(1.04, c[0], 0.03, "the encoder variance is added to z");
        assertEquals(1.0, c[5], 0.03, "none to a measured summary");
        ExtentPrior e = new ExtentPrior(joint);
        double at0 = e.conditionalMeanLog(new float[] {0, 0, 0}, 0);
        assertEquals(1, at0, 0.01);
        assertEquals(0.5, e.conditionalMeanLog(new float[] {0, 1, 0}, 0) - at0, 0.01);
        assertEquals(-0.7, e.conditionalMeanLog(new float[] {0, 0, 1}, 0) - at0, 0.01);
        assertEquals(0, e.conditionalMeanLog(new float[] {1, 0, 0}, 0) - at0, 0.01);
        assertEquals(0.1, e.conditionalSdLog(), 0.005);
        x[3 * 17 + 2] = Float.NaN;
        LptemException bad = assertThrows(LptemException.class,
                () -> LatentPrior.fitJoint(x, new double[] {0.04, 0, 0}, extent, n, 3));
        assertTrue(bad.getMessage().contains("window 17: value 2 is NaN"), bad.getMessage());
        bad = assertThrows(LptemException.class, () -> LatentPrior.fitJoint(x, new double[2], extent, n, 3));
        assertTrue(bad.getMessage().contains("for " + n + " windows of 3"), bad.getMessage());
    }
}
