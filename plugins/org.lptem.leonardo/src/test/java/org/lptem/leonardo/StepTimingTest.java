package org.lptem.leonardo;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lptem.core.LptemException;

class StepTimingTest {

    @Test
    void profileAndSharedMotionOfTwoSmallTrajectories() {
        // a: steps (3, 4) then (0, 0): all its energy in step 0; b: steps (0, 1) then (0, -1): half in each
        StepTiming t = StepTiming.of(List.of(new double[] {0, 0, 3, 4, 3, 4}, new double[] {0, 0, 0, 1, 0, 0}));
        assertEquals(2, t.count());
        assertArrayEquals(new double[] {0.75, 0.25}, t.profile(), 1e-12);
        // mean scaled steps: step 0 ((0.6 + 0) / 2, (0.8 + 0.5^0.5) / 2), step 1 (0, -0.5^0.5 / 2)
        double s = Math.sqrt(0.5);
        double expected = 0.3 * 0.3 + Math.pow((0.8 + s) / 2, 2) + Math.pow(s / 2, 2);
        assertEquals(expected, t.sharedMotion(), 1e-12);
    }

    @Test
    void independentRandomWalksShareAlmostNothingAndAgreeInTiming() {
        List<double[]> a = walks(2000, 100, 1, -1, false);
        List<double[]> b = walks(2000, 100, 2, -1, false);
        StepTiming ta = StepTiming.of(a);
        // isotropic and independent: E[shared] = 1 / count
        assertEquals(1.0 / 2000, ta.sharedMotion(), 0.3 / 2000);
        assertTrue(ta.distance(StepTiming.of(b)) < 0.05, "two draws of one process: " + ta.distance(StepTiming.of(b)));
    }

    @Test
    void aJumpAtTheSameFrameInTheSameDirectionIsSharedMotion() {
        List<double[]> clean = walks(2000, 100, 1, -1, false);
        StepTiming jumps = StepTiming.of(walks(2000, 100, 2, 40, false));
        // each walk has 99 unit-variance steps per axis and a jump of 10 px in x: 100 / (198 + 100) of its energy
        assertEquals(100.0 / 298, jumps.sharedMotion(), 0.03);
        assertEquals(100.0 / 298, jumps.profile()[40], 0.03);
        assertEquals(100.0 / 298, jumps.distance(StepTiming.of(clean)), 0.05);
    }

    @Test
    void jumpsInRandomDirectionsAreNotSharedButStillMistimed() {
        StepTiming clean = StepTiming.of(walks(2000, 100, 1, -1, false));
        StepTiming jumps = StepTiming.of(walks(2000, 100, 2, 40, true));
        assertTrue(jumps.sharedMotion() < 3.0 / 2000, "random signs cancel: " + jumps.sharedMotion());
        assertTrue(jumps.distance(clean) > 0.25, "but every jump is at frame 40: " + jumps.distance(clean));
    }

    @Test
    void stillTrajectoriesAreLeftOutAndUnequalLengthsNamed() {
        StepTiming t = StepTiming.of(List.of(new double[] {1, 1, 1, 1}, new double[] {0, 0, 2, 0}));
        assertEquals(1, t.count());
        assertEquals(1, t.sharedMotion(), 1e-12);
        LptemException e = assertThrows(LptemException.class,
                () -> StepTiming.of(List.of(new double[] {0, 0, 1, 1}, new double[] {0, 0, 1, 1, 2, 2})));
        assertEquals("step timing needs equally long trajectories: 2 and 3 frames", e.getMessage());
        StepTiming still = StepTiming.of(List.of(new double[] {1, 1, 1, 1}, new double[] {0, 0, Double.NaN, 0}));
        assertEquals(0, still.count());
        assertTrue(Double.isNaN(still.sharedMotion()) && Double.isNaN(still.profile()[0]));
        assertTrue(Double.isNaN(still.distance(t)));
        assertTrue(Evaluation.Timing.of(List.of(new double[] {1, 1, 1, 1}, new double[] {2, 2, 2, 2}),
                List.of(new double[] {0, 0, 2, 0}, new double[] {0, 0, 0, 1})).warning().isEmpty(),
                "undefined figures are no warning");
    }

    @Test
    void agreementIsTheCosineOfTheStepsPairByPair() {
        List<double[]> a = walks(50, 30, 1, -1, false);
        List<double[]> scaled = new ArrayList<>();
        List<double[]> mirrored = new ArrayList<>();
        for (double[] p : a) {
            double[] s = new double[p.length];
            double[] m = new double[p.length];
            for (int k = 0; k < p.length; k++) {
                s[k] = 3 * p[k] + 7;
                m[k] = -p[k];
            }
            scaled.add(s);
            mirrored.add(m);
        }
        assertEquals(1, StepTiming.agreement(a, scaled), 1e-12);
        assertEquals(-1, StepTiming.agreement(a, mirrored), 1e-12);
        assertEquals(0, StepTiming.agreement(a, walks(50, 30, 2, -1, false)), 0.1);
        // steps (1, 0), (0, 1) against (1, 1), (0, 0): dot 1 over squared lengths 2 and 2; a still pair counts 0
        double c = StepTiming.agreement(List.of(new double[] {0, 0, 1, 0, 1, 1}, new double[] {0, 0, 0, 0, 0, 0}),
                List.of(new double[] {0, 0, 1, 1, 1, 1}, new double[] {0, 0, 1, 0, 2, 0}));
        assertEquals(0.5 / 2, c, 1e-12);
    }

    @Test
    void theEvaluationWarnsOnlyWhenTrajectoriesMoveTogetherOrAtOtherFrames() {
        List<double[]> held = walks(1000, 100, 1, -1, false);
        assertTrue(Evaluation.Timing.of(walks(1000, 100, 2, -1, false), held).warning().isEmpty());
        Evaluation.Timing together = Evaluation.Timing.of(walks(1000, 100, 3, 40, false), held);
        assertEquals("the generated trajectories are not independent paths: 34 % of their (scaled) squared motion "
                + "is common to all of them (the reference trajectories: 0.12 %) and their steps fall at other frames "
                + "than the reference trajectories' (step timing distance 0.33, reference 0.03); their "
                + "per-trajectory statistics can match the data while the trajectories are close to copies of one "
                + "path", together.warning().orElseThrow());
        // jumps of 3 px at one frame in one direction: a mild common step (shared motion and timing 0.05) is no warning
        Evaluation.Timing mild = Evaluation.Timing.of(walks(1000, 100, 5, 40, false, 3), held);
        assertEquals(9.0 / 207, mild.generated().sharedMotion(), 0.01);
        assertTrue(mild.warning().isEmpty(), mild.warning().orElse(""));
        // random directions: nothing shared, but the timing alone is enough
        assertTrue(Evaluation.Timing.of(walks(1000, 100, 4, 40, true), held).warning().orElseThrow()
                .startsWith("the generated trajectories are not independent paths: their steps fall at other "
                        + "frames"));
    }

    /** Gaussian walks of unit-variance steps, optionally with a jump in x at one step (sign random if asked). */
    private static List<double[]> walks(int n, int frames, long seed, int jumpAt, boolean randomSign) {
        return walks(n, frames, seed, jumpAt, randomSign, 10);
    }

    private static List<double[]> walks(int n, int frames, long seed, int jumpAt, boolean randomSign, double size) {
        SplittableRandom r = new SplittableRandom(seed);
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] p = new double[2 * frames];
            for (int t = 1; t < frames; t++) {
                double jump = t - 1 == jumpAt ? (randomSign && r.nextBoolean() ? -size : size) : 0;
                p[2 * t] = p[2 * t - 2] + r.nextGaussian() + jump;
                p[2 * t + 1] = p[2 * t - 1] + r.nextGaussian();
            }
            out.add(p);
        }
        return out;
    }
}
