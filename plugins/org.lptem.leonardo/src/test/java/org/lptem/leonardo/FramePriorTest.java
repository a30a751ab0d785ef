package org.lptem.leonardo;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.ml.torch.Torch;

class FramePriorTest {
    private static final int N = 240;
    private static final int LENGTH = 32;

    /**
     * Codes of two kinds told apart by the first latent value: +1 waits and jumps (increments 0 with a little noise,
     * one in ten a jump of +-1: kurtosis about 10), -1 Gaussian increments (kurtosis 3).
     */
    private static float[] codes(SplittableRandom r) {
        int code = 2 + LENGTH;
        float[] c = new float[N * code];
        for (int i = 0; i < N; i++) {
            boolean jumps = i % 2 == 0;
            c[i * code] = jumps ? 1 : -1;
            c[i * code + 1] = (float) (0.1 * r.nextGaussian());
            float u = (float) r.nextGaussian();
            c[i * code + 2] = u;
            for (int t = 1; t < LENGTH; t++) {
                double d = jumps ? (r.nextDouble() < 0.1 ? (r.nextBoolean() ? 1 : -1) : 0.01 * r.nextGaussian())
                        : 0.3 * r.nextGaussian();
                u += (float) d;
                c[i * code + 2 + t] = u;
            }
        }
        return c;
    }

    private static double kurtosisOfIncrements(float[] frames, int n, boolean evenOnly) {
        double s2 = 0;
        double s4 = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (evenOnly != (i % 2 == 0)) {
                continue;
            }
            for (int t = 1; t < LENGTH; t++) {
                double d = frames[i * LENGTH + t] - frames[i * LENGTH + t - 1];
                s2 += d * d;
                s4 += d * d * d * d;
                count++;
            }
        }
        s2 /= count;
        return s4 / count / (s2 * s2);
    }

    private static double jumpShare(float[] frames, int n) {
        int jumps = 0;
        int count = 0;
        for (int i = 0; i < n; i += 2) {
            for (int t = 1; t < LENGTH; t++) {
                jumps += Math.abs(frames[i * LENGTH + t] - frames[i * LENGTH + t - 1]) > 0.5 ? 1 : 0;
                count++;
            }
        }
        return (double) jumps / count;
    }

    @Test
    void drawsWaitsAndJumpsWhereTheLatentSaysSoAndGaussianStepsElsewhere() {
        FramePrior.Sizes sizes = new FramePrior.Sizes(2, 1, LENGTH, 4, 4, 32);
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU);
                FramePrior prior = FramePrior.fit(codes(new SplittableRandom(1)), N, sizes, 30, 256, 3e-3, 5, m,
                        Progress.NONE)) {
            float[] z = new float[N * 2];
            for (int i = 0; i < N; i++) {
                z[i * 2] = i % 2 == 0 ? 1 : -1;
            }
            float[] drawn = prior.sample(z, N, new SplittableRandom(9), Progress.NONE);
            assertEquals(0f, drawn[0], "the first frame's code is 0 (the decoder reads codes relative to the mean)");
            double jumps = kurtosisOfIncrements(drawn, N, true);
            double gaussian = kurtosisOfIncrements(drawn, N, false);
            assertTrue(jumps > 6, "kurtosis of the waiting-and-jumping kind: " + jumps + " (data: about 10)");
            double share = jumpShare(drawn, N);
            assertTrue(share > 0.05 && share < 0.2, "share of increments above 0.5 in the jumping kind: " + share
                    + " (data: 0.1)");
            assertTrue(gaussian > 2 && gaussian < 4.5, "kurtosis of the Gaussian kind: " + gaussian + " (data: 3)");
            // a Gaussian prior would give 3 for both; the same seed gives the same draws
            assertArrayEquals(drawn, prior.sample(z, N, new SplittableRandom(9), Progress.NONE));
        }
    }

    @Test
    void badSizesAndCodesAreRefused() {
        assertThrows(LptemException.class, () -> new FramePrior.Sizes(2, 0, LENGTH, 4, 4, 32));
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU)) {
            LptemException e = assertThrows(LptemException.class, () -> FramePrior.fit(new float[10], N,
                    new FramePrior.Sizes(2, 1, LENGTH, 4, 4, 32), 1, 16, 1e-3, 1, m, Progress.NONE));
            assertTrue(e.getMessage().contains("10 code values for 240 windows of 34"), e.getMessage());
        }
    }
}
