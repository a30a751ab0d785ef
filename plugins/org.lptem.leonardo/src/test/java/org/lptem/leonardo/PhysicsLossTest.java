package org.lptem.leonardo;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.ml.torch.Torch;

/** Every term against the float64 golden values of the shared science notes (section 6). */
class PhysicsLossTest {
    private static final int B = 3;
    private static final int T = 200;

    /** The notes' A (target, reconstruction = false) or D (reconstruction = true), normalised the reference way. */
    static double[] golden(boolean reconstruction) {
        double[] out = new double[B * T * 2];
        for (int b = 0; b < B; b++) {
            double[] x = new double[T];
            double[] y = new double[T];
            for (int t = 0; t < T; t++) {
                double ax = Math.sin(0.1 * (b + 1) * t) + 0.01 * t;
                double ay = Math.cos(0.07 * t + b) + 0.3 * Math.sin(0.9 * t + 0.5 * b);
                x[t] = reconstruction ? ax + 0.05 * Math.sin(0.5 * t + b) : ax;
                y[t] = reconstruction ? 0.9 * ay + 0.001 * t * t / 200 : ay;
            }
            double minX = java.util.Arrays.stream(x).min().getAsDouble();
            double minY = java.util.Arrays.stream(y).min().getAsDouble();
            double extent = Math.max(java.util.Arrays.stream(x).max().getAsDouble() - minX,
                    java.util.Arrays.stream(y).max().getAsDouble() - minY);
            for (int t = 0; t < T; t++) {
                out[(b * T + t) * 2] = (x[t] - minX) / extent;
                out[(b * T + t) * 2 + 1] = (y[t] - minY) / extent;
            }
        }
        return out;
    }

    @Test
    void normalisationMatchesTheNotes() {
        double[] a = golden(false);
        assertEquals(0.157368996936, a[0], 1e-12);
        assertEquals(0.674408403440, a[1], 1e-12);
    }

    @Test
    void everyTermAndTheTotalMatchTheGoldenValues() {
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU)) {
            NDArray target = m.create(golden(false), new Shape(B, T, 2));
            NDArray recon = m.create(golden(true), new Shape(B, T, 2));
            double[] mu = new double[B * 12];
            double[] logVar = new double[B * 12];
            for (int b = 0; b < B; b++) {
                for (int j = 0; j < 12; j++) {
                    mu[b * 12 + j] = 0.1 * j - 0.5;
                    logVar[b * 12 + j] = -0.2 * j + 0.3;
                }
            }
            PhysicsLoss loss = new PhysicsLoss(LossWeights.paper());
            Map<LossTerm, NDArray> terms = loss.terms(target, recon, m.create(mu, new Shape(B, 12)),
                    m.create(logVar, new Shape(B, 12)));
            expect(2.4703424542e-05, terms.get(LossTerm.MSE));
            expect(5.7119036838e-03, terms.get(LossTerm.KURTOSIS));
            expect(2.0311449070e-05, terms.get(LossTerm.SKEWNESS));
            expect(1.3240324338e-07, terms.get(LossTerm.VARIANCE));
            expect(9.0984441400e-08, terms.get(LossTerm.MEAN));
            expect(1.8207860548e-06, terms.get(LossTerm.MEDIAN));
            expect(4.2196655153e-05, terms.get(LossTerm.VACF));
            expect(2.4070427025e-03, terms.get(LossTerm.POSITION_ACF));
            expect(7.8327300163e-04, terms.get(LossTerm.BATCH_VACF));
            expect(3.0385794719e-07, terms.get(LossTerm.XY_CORRELATION));
            expect(2.9155780839e+00, terms.get(LossTerm.KL));
            expect(2.7387603869e-01, loss.total(terms));
            // a weight of zero removes its term from the total
            PhysicsLoss noKl = new PhysicsLoss(LossWeights.paper().with(LossTerm.KL, 0));
            assertEquals(2.7387603869e-01 - 0.05 * 2.9155780839, noKl.total(terms).getDouble(), 1e-10);
        }
    }

    /**
     * Two windows of 4 frames, latent 1 and 2 values per frame: codes (z, a0, b0, a1, b1, ...). Window 1: a =
     * 0, 1, 1, 1 and b = 0, 0, -2, -2 (variation 1 + 2); window 2: a = 5, 5, 5, 5 and b = 1, 0.5, 1.5, 1.5
     * (0.5 + 1). Mean 2.25; the trajectory latent (here 9 and -9) does not count.
     */
    @Test
    void frameVariationIsTheTotalVariationOfThePerFrameMeans() {
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU)) {
            NDArray mu = m.create(new double[] {9, 0, 0, 1, 0, 1, -2, 1, -2, -9, 5, 1, 5, 0.5, 5, 1.5, 5, 1.5},
                    new Shape(2, 9));
            PhysicsLoss loss = new PhysicsLoss(LossWeights.paper().with(LossTerm.FRAME_VARIATION, 2), 1, 2);
            assertEquals(2.25, loss.frameVariation(mu).getDouble(), 1e-12);
            // without per-frame latents the term is 0 whatever the code
            assertEquals(0, new PhysicsLoss(LossWeights.paper()).frameVariation(m.create(new double[] {9, -9},
                    new Shape(2, 1))).getDouble(), 0);
            // it enters the total with its weight; the published weights leave it out
            NDArray target = m.create(golden(false), new Shape(B, T, 2)).get(":2, :4, :");
            Map<LossTerm, NDArray> terms = loss.terms(target, target, mu, m.zeros(new Shape(2, 9), mu.getDataType()));
            // identical trajectories: only the KL (half the squared means) and the variation cost anything
            double kl = 0.5 * (81 + 1 + 1 + 4 + 1 + 4 + 81 + 25 * 4 + 1 + 0.25 + 2.25 + 2.25) / 2;
            assertEquals(kl, terms.get(LossTerm.KL).getDouble(), 1e-9);
            assertEquals(0.05 * kl + 2 * 2.25, loss.total(terms).getDouble(), 1e-9);
            assertEquals(0.0, LossTerm.FRAME_VARIATION.defaultWeight());
            assertFalse(LossTerm.FRAME_VARIATION.published());
        }
    }

    @Test
    void identicalTrajectoriesCostOnlyTheKl() {
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU)) {
            NDArray target = m.create(golden(false), new Shape(B, T, 2));
            Map<LossTerm, NDArray> terms = new PhysicsLoss(LossWeights.paper()).terms(target, target,
                    m.zeros(new Shape(B, 12), target.getDataType()), m.zeros(new Shape(B, 12), target.getDataType()));
            for (Map.Entry<LossTerm, NDArray> e : terms.entrySet()) {
                assertEquals(0, e.getValue().getDouble(), 1e-15, e.getKey().key());
            }
        }
    }

    @Test
    void theLossIsDifferentiable() {
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU)) {
            NDArray target = m.create(golden(false), new Shape(B, T, 2));
            NDArray recon = m.create(golden(true), new Shape(B, T, 2));
            recon.setRequiresGradient(true);
            NDArray zeros = m.zeros(new Shape(B, 12), target.getDataType());
            PhysicsLoss loss = new PhysicsLoss(LossWeights.paper());
            try (ai.djl.training.GradientCollector gc = Torch.engine().newGradientCollector()) {
                gc.backward(loss.total(loss.terms(target, recon, zeros, zeros)));
            }
            double[] g = recon.getGradient().toDoubleArray();
            double norm = 0;
            for (double v : g) {
                assertTrue(Double.isFinite(v));
                norm += v * v;
            }
            assertTrue(norm > 0, "the reconstruction gets a gradient");
        }
    }

    /**
     * Degenerate float32 reconstructions, as a decoder produces them early in training: one axis frozen, the whole
     * trajectory collapsed to a point, one axis moving by float32 rounding only. Every term keeps a finite value and
     * a finite, moderate gradient (a square root or a quotient of a zero variance used to give NaN or 1e5+).
     */
    @Test
    void degenerateReconstructionsGiveFiniteGradients() {
        int n = 200;
        float[] target = new float[n * 2];
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int t = 1; t < n; t++) {
            target[2 * t] = target[2 * t - 2] + (float) (0.05 * r.nextGaussian());
            target[2 * t + 1] = target[2 * t - 1] + (float) (0.05 * r.nextGaussian());
        }
        Map<String, java.util.function.IntFunction<float[]>> cases = new java.util.LinkedHashMap<>();
        cases.put("y frozen", t -> new float[] {target[2 * t], 0.3f});
        cases.put("collapsed to a point", t -> new float[] {0.5f, 0.5f});
        cases.put("y drifting by rounding only", t -> new float[] {target[2 * t], 0.3f + 1e-3f * t});
        cases.put("target y frozen", t -> new float[] {target[2 * t], target[2 * t + 1]});
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU)) {
            PhysicsLoss loss = new PhysicsLoss(LossWeights.paper());
            NDArray zeros = m.zeros(new Shape(1, 12));
            for (Map.Entry<String, java.util.function.IntFunction<float[]>> c : cases.entrySet()) {
                float[] recon = new float[n * 2];
                float[] tgt = target.clone();
                for (int t = 0; t < n; t++) {
                    float[] p = c.getValue().apply(t);
                    recon[2 * t] = p[0];
                    recon[2 * t + 1] = p[1];
                    if (c.getKey().startsWith("target")) {
                        tgt[2 * t + 1] = 0.2f;
                    }
                }
                for (LossTerm term : LossTerm.values()) {
                    if (term == LossTerm.KL || term == LossTerm.FRAME_VARIATION) {
                        continue; // do not depend on the reconstruction
                    }
                    NDArray x = m.create(recon, new Shape(1, n, 2));
                    x.setRequiresGradient(true);
                    double value;
                    try (ai.djl.training.GradientCollector gc = Torch.engine().newGradientCollector()) {
                        NDArray v = loss.terms(m.create(tgt, new Shape(1, n, 2)), x, zeros, zeros).get(term);
                        value = v.getFloat();
                        gc.backward(v);
                    }
                    String what = c.getKey() + ", " + term.key();
                    assertTrue(Double.isFinite(value), what + ": value " + value);
                    for (float g : x.getGradient().toFloatArray()) {
                        assertTrue(Float.isFinite(g) && Math.abs(g) < 1e4, what + ": gradient " + g);
                    }
                }
            }
        }
    }

    @Test
    void theVarianceFloorSitsBetweenRoundingNoiseAndRealMotion() {
        double f32 = PhysicsLoss.varianceFloor(ai.djl.ndarray.types.DataType.FLOAT32);
        assertTrue(f32 > 100 * Math.pow(Math.ulp(1f), 2) / 6 && f32 < 1e-10, "float32 floor " + f32);
        assertTrue(PhysicsLoss.varianceFloor(ai.djl.ndarray.types.DataType.FLOAT64) < 1e-28);
    }

    private static void expect(double golden, NDArray value) {
        assertEquals(golden, value.getDouble(), Math.abs(golden) * 1e-8);
    }
}
