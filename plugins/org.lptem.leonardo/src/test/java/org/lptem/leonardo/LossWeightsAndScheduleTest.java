package org.lptem.leonardo;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.lptem.core.LptemException;

class LossWeightsAndScheduleTest {

    @Test
    void thePaperPresetKeepsThePublishedWeights() {
        LossWeights paper = LossWeights.preset("paper");
        assertEquals(0.001, paper.get(LossTerm.MSE));
        assertEquals(0.05, paper.get(LossTerm.KL));
        assertEquals(0.06, paper.get(LossTerm.KURTOSIS));
        assertEquals(10, paper.get(LossTerm.SKEWNESS));
        assertEquals(500, paper.get(LossTerm.VARIANCE));
        assertEquals(50000, paper.get(LossTerm.MEAN));
        assertEquals(1, paper.get(LossTerm.MEDIAN));
        assertEquals(1000, paper.get(LossTerm.VACF));
        assertEquals(100, paper.get(LossTerm.BATCH_VACF));
        assertEquals(10, paper.get(LossTerm.XY_CORRELATION));
        assertEquals(1, paper.get(LossTerm.POSITION_ACF));
    }

    /** What --loss-weight passes on: the project's term by its key, bad assignments named by their text. */
    @Test
    void assignmentsSetTermsByKeyAndRejectBadValues() {
        LossWeights w = LossWeights.small().with(java.util.List.of("frame-variation=0.3", " mse = 30000"));
        assertEquals(0.3, w.get(LossTerm.FRAME_VARIATION));
        assertEquals(30000, w.get(LossTerm.MSE));
        assertEquals(0, LossWeights.small().get(LossTerm.FRAME_VARIATION));
        String[][] bad = {{"frame_variation=-1", "frame_variation must be finite and >= 0, got -1.0"},
            {"frame_variation=NaN", "got NaN"}, {"frame_variation=lots", "'frame_variation=lots': not a number"},
            {"frame_variation", "'frame_variation': expected TERM=WEIGHT"},
            {"variation=1", "unknown loss term 'variation' (terms: mse, kl, "}};
        for (String[] b : bad) {
            LptemException e = assertThrows(LptemException.class, () -> LossWeights.paper().with(
                    java.util.List.of(b[0])), b[0]);
            assertTrue(e.getMessage().contains(b[1]), e.getMessage());
        }
        LptemException e = assertThrows(LptemException.class, () -> LossTerm.byKey("variation"));
        assertTrue(e.getMessage().endsWith("position_acf, frame_variation)"), e.getMessage());
    }

    @Test
    void theSmallPresetChangesOnlyTheListedTerms() {
        LossWeights small = LossWeights.preset("Small");
        LossWeights paper = LossWeights.paper();
        java.util.Set<LossTerm> changed = java.util.EnumSet.noneOf(LossTerm.class);
        for (String change : LossWeights.SMALL_PRESET_CHANGES) {
            LossTerm t = LossTerm.byKey(change.substring(0, change.indexOf('=')));
            changed.add(t);
            assertEquals(Double.parseDouble(change.substring(change.indexOf('=') + 1)), small.get(t), t.key());
            assertNotEquals(paper.get(t), small.get(t), t.key());
        }
        assertTrue(changed.contains(LossTerm.VARIANCE));
        for (LossTerm t : LossTerm.values()) {
            if (!changed.contains(t)) {
                assertEquals(paper.get(t), small.get(t), t.key());
            }
        }
        LptemException e = assertThrows(LptemException.class, () -> LossWeights.preset("large"));
        assertTrue(e.getMessage().contains("'large'"), e.getMessage());
    }

    @Test
    void theCosineFallsFromTheBaseRateToItsFloor() {
        LearningRateSchedule c = LearningRateSchedule.COSINE;
        assertEquals(1e-3, c.rate(1e-3, 0, 101), 1e-15);
        assertEquals(1e-3 * LearningRateSchedule.COSINE_FLOOR, c.rate(1e-3, 100, 101), 1e-15);
        assertEquals(1e-3 * (0.05 + 0.95 * 0.5), c.rate(1e-3, 50, 101), 1e-15);
        assertEquals(1e-3 * (0.05 + 0.95 * 0.5 * (1 + Math.cos(Math.PI / 4))), c.rate(1e-3, 25, 101), 1e-15);
        assertEquals(c.rate(1e-3, 100, 101), c.rate(1e-3, 150, 101), 0, "past the end it keeps the last rate");
        double previous = Double.POSITIVE_INFINITY;
        for (int s = 0; s < 101; s++) {
            double r = c.rate(1e-3, s, 101);
            assertTrue(r < previous, "step " + s);
            previous = r;
        }
        assertEquals(1e-3, LearningRateSchedule.CONSTANT.rate(1e-3, 77, 101));
        assertEquals(LearningRateSchedule.COSINE, LearningRateSchedule.byKey(" Cosine "));
        assertThrows(LptemException.class, () -> LearningRateSchedule.byKey("step"));
        assertEquals(LearningRateSchedule.CONSTANT, TrainingSettings.defaults().schedule());
        assertThrows(LptemException.class, () -> TrainingSettings.defaults().withSchedule(null));
    }
}
