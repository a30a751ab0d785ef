package org.lptem.leonardo;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.lptem.ml.onnx.ExecutionDevice;
import org.lptem.ml.torch.Torch;

class PresetTest {

    @Test
    void thePaperPresetKeepsThePublishedSizes() {
        assertEquals(new LeonardoConfig(200, 12, 2, 8, 128, 256, 32, 512, 1024), LeonardoConfig.preset("Paper"));
    }

    @Test
    void theSmallPresetHasALatentOf16AndTheDocumentedParameterCount() {
        LeonardoConfig small = LeonardoConfig.preset("small");
        assertEquals(16, small.latent());
        assertEquals(LeonardoConfig.small().withLatent(12), new LeonardoConfig(200, 12, 1, 4, 32, 64, 16, 128, 256),
                "only the latent differs from the small preset before 2026-11-21");
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU)) {
            // 1,063,290 with the former latent of 12; each latent dimension adds 2 x 128 + 2 (mu, log-variance)
            // and 256 (the decoder's first dense layer) weights
            assertEquals(1_065_346, TransformerVae.initialise(small, m, 1).parameters().count());
            assertEquals(1_063_290, TransformerVae.initialise(small.withLatent(12), m, 1).parameters().count());
        }
    }

    @Test
    void theParameterCountIsKnownWithoutCreatingTheWeights() {
        assertEquals(1_065_346, LeonardoConfig.small().parameterCount());
        try (NDManager m = Torch.newManager(ExecutionDevice.CPU)) {
            for (LeonardoConfig c : new LeonardoConfig[] {LeonardoConfig.paper(), LeonardoConfig.small().withLatent(12),
                new LeonardoConfig(32, 3, 3, 2, 6, 10, 5, 7, 9), new LeonardoConfig(10, 1, 1, 1, 1, 1, 1, 1, 1),
                LeonardoConfig.small().withFrameLatent(2), new LeonardoConfig(10, 1, 1, 1, 1, 1, 1, 1, 1, 3)}) {
                assertEquals(TransformerVae.initialise(c, m, 1).parameters().count(), c.parameterCount(),
                        c.toString());
            }
        }
        assertThrows(ArithmeticException.class,
                () -> new LeonardoConfig(2_000_000_000, 16, 1, 1, 2_000_000_000, 64, 2_000_000_000, 128, 256)
                        .parameterCount());
    }

    @Test
    void theSmallPresetRaisesTheVarianceAndKurtosisWeights() {
        LossWeights small = LossWeights.small();
        assertEquals(50_000, small.get(LossTerm.VARIANCE));
        assertEquals(0.2, small.get(LossTerm.KURTOSIS));
        assertEquals(LossTerm.KURTOSIS.defaultWeight(), LossWeights.paper().get(LossTerm.KURTOSIS));
    }

    @Test
    void thePerFrameRecipeChangesTheFrameLatentTwoWeightsAndTheFitsOnly() {
        TrainingSettings base = TrainingSettings.defaults().withWeights(LossWeights.small()).withSeed(7);
        TrainingSettings s = PerFrameRecipe.settings(base);
        assertEquals(30_000, s.weights().get(LossTerm.MSE));
        assertEquals(0.3, s.weights().get(LossTerm.FRAME_VARIATION));
        assertEquals(4, s.framePriorFits());
        for (LossTerm t : LossTerm.values()) {
            if (t != LossTerm.MSE && t != LossTerm.FRAME_VARIATION) {
                assertEquals(LossWeights.small().get(t), s.weights().get(t), t.key());
            }
        }
        assertEquals(base.withWeights(s.weights()).withFramePriorFits(4), s, "nothing else changes");
        assertEquals(LeonardoConfig.small().withFrameLatent(2), PerFrameRecipe.config(LeonardoConfig.small()));
    }
}
