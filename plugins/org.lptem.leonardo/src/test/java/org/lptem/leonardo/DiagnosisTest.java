package org.lptem.leonardo;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.ml.torch.Torch;

class DiagnosisTest {
    private static TrajectoryWindows data;

    @BeforeAll
    static void data() {
        data = TestData.windows(20, 32, 3);
    }

    private static LeonardoModel withWeights(LeonardoModel m, LossWeights w) {
        return new LeonardoModel(m.vae(), m.scales(), m.history(), w, m.trainingReference(), m.info());
    }

    @Test
    void gradientsFollowTheWeightsAndTheKlOnlyTrainsTheEncoder() {
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU); LeonardoModel model = ModelFileTest.untrained(m)) {
            int n = data.size();
            NDManager weights = model.vae().parameters().manager();
            Diagnosis.run(model, data, n, 7, Progress.NONE);
            int arrays = weights.getManagedArrays().size();
            Diagnosis d = Diagnosis.run(model, data, n, 7, Progress.NONE);
            assertEquals(arrays, weights.getManagedArrays().size(), "a diagnosis leaves no arrays with the weights");
            assertEquals(LossTerm.values().length, d.terms().size());
            Diagnosis.TermGradient kl = d.terms().get(LossTerm.KL);
            assertTrue(kl.gradientNorm() > 0);
            assertEquals(0, kl.decoderGradientNorm(), "the KL term depends on the encoder alone");
            for (LossTerm t : LossTerm.values()) {
                Diagnosis.TermGradient g = d.terms().get(t);
                if (t == LossTerm.FRAME_VARIATION) {
                    assertEquals(0, g.gradientNorm(), "no per-frame latents, no variation");
                    continue;
                }
                assertTrue(g.gradientNorm() > 0 && Double.isFinite(g.gradientNorm()), t.key());
                assertTrue(g.decoderGradientNorm() <= g.gradientNorm() * (1 + 1e-9), t.key());
            }
            assertEquals(d.largestGradient(), d.terms().values().stream()
                    .mapToDouble(Diagnosis.TermGradient::gradientNorm).max().getAsDouble());

            // the weighted KL is the model's KL weight (0.2) times the KL of the encoded windows
            float[] flat = new float[n * 64];
            for (int i = 0; i < n; i++) {
                System.arraycopy(data.windows().get(i).xy(), 0, flat, i * 64, 64);
            }
            try (NDManager s = m.newSubManager()) {
                NDList post = model.vae().encode(s.create(flat, new Shape(n, 32, 2)));
                double direct = PhysicsLoss.kl(post.get(0), post.get(1)).getFloat();
                assertEquals(0.2 * direct, kl.weighted(), 1e-5 * direct);
            }

            // a doubled weight doubles value and gradient, a zero weight gives none; same seed, same numbers
            LossWeights changed = model.weights().with(LossTerm.MSE, 0.002).with(LossTerm.MEDIAN, 0);
            Diagnosis e = Diagnosis.run(withWeights(model, changed), data, n, 7, Progress.NONE);
            Diagnosis.TermGradient mse = d.terms().get(LossTerm.MSE);
            assertEquals(2 * mse.weighted(), e.terms().get(LossTerm.MSE).weighted(), 1e-5 * mse.weighted());
            assertEquals(2 * mse.gradientNorm(), e.terms().get(LossTerm.MSE).gradientNorm(),
                    1e-4 * mse.gradientNorm());
            assertEquals(0, e.terms().get(LossTerm.MEDIAN).gradientNorm());
            assertEquals(0, e.terms().get(LossTerm.MEDIAN).weighted());
            assertEquals(d.terms().get(LossTerm.KURTOSIS), e.terms().get(LossTerm.KURTOSIS));
        }
    }

    /** Like the KL, the per-frame code's variation trains the encoder alone, and only where there are frames. */
    @Test
    void frameVariationTrainsThePerFrameEncoder() {
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU); LeonardoModel fresh = ModelFileTest.untrained(m);
                LeonardoModel model = new LeonardoModel(TransformerVae.initialise(TestData.tiny().withFrameLatent(2),
                        m, 5), fresh.scales(), List.of(), fresh.weights().with(LossTerm.FRAME_VARIATION, 0.5),
                        fresh.trainingReference(), java.util.Map.of())) {
            Diagnosis.TermGradient g = Diagnosis.run(model, data, data.size(), 7, Progress.NONE).terms()
                    .get(LossTerm.FRAME_VARIATION);
            assertTrue(g.weighted() > 0 && g.gradientNorm() > 0, g.toString());
            assertEquals(0, g.decoderGradientNorm());
        }
    }

    @Test
    void reconstructionsAreComparedWithTheirOwnWindows() {
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU); LeonardoModel model = ModelFileTest.untrained(m)) {
            int n = 10;
            Diagnosis d = Diagnosis.run(model, data, n, 1, Progress.NONE);
            assertEquals(n, d.windows().count());
            assertEquals(n, d.reconstruction().count());
            // windows at even spacing through the table, in normalised units
            List<double[]> own = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                float[] xy = data.windows().get(i * data.size() / n).xy();
                double[] p = new double[xy.length];
                for (int k = 0; k < p.length; k++) {
                    p[k] = xy[k];
                }
                own.add(p);
            }
            Evaluation.Summary direct = Evaluation.summary(TrajectoryStatistics.ofAll(own));
            assertArrayEquals(direct.kurtosis(), d.windows().kurtosis(), 1e-12);
            assertArrayEquals(direct.variancePx2(), d.windows().variancePx2(), 1e-12);
            assertArrayEquals(StepTiming.of(own).profile(), d.windowTiming().profile(), 1e-12);
            assertEquals(n, d.reconstructionTiming().count());
            // an untrained decoder does not step where its windows do
            assertTrue(Math.abs(d.stepAgreement()) < 0.5, "step agreement " + d.stepAgreement());
            assertTrue(d.report(model.weights()).stream().anyMatch(l -> l.startsWith("step timing distance: ")
                    && l.contains("; step agreement: ")));
            // an untrained decoder's steps are nothing like the windows'
            assertNotEquals(d.windows().variancePx2()[0], d.reconstruction().variancePx2()[0],
                    0.01 * d.windows().variancePx2()[0]);
            List<String> report = d.report(model.weights());
            assertTrue(report.get(0).startsWith("loss terms on 10 windows"), report.get(0));
            assertTrue(report.stream().anyMatch(l -> l.startsWith("variance lag 1 ")), String.join("\n", report));
            LptemException e = assertThrows(LptemException.class, () -> Diagnosis.run(model, data, 1, 1,
                    Progress.NONE));
            assertTrue(e.getMessage().contains("at least 2 windows"), e.getMessage());
        }
    }
}
