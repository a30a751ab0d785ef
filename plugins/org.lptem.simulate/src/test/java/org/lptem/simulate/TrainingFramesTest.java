package org.lptem.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.lptem.core.Frame;
import org.lptem.core.LptemException;
import org.junit.jupiter.api.Test;

class TrainingFramesTest {
    private static final int CROP = 64;

    @Test
    void sameSeedGivesTheSameFramesAndCropsAnotherSeedOthers() {
        TrainingFrames a = new TrainingFrames(List.of(SimulationPreset.DEMO), CROP, 7);
        TrainingFrames b = new TrainingFrames(List.of(SimulationPreset.DEMO), CROP, 7);
        TrainingFrames c = new TrainingFrames(List.of(SimulationPreset.DEMO), CROP, 8);
        Frame fa = a.render(0).image();
        assertArrayEquals(pixels(fa), pixels(b.render(0).image()));
        assertFalse(java.util.Arrays.equals(pixels(fa), pixels(c.render(0).image())));
        Frame labels = a.render(0).labels();
        assertArrayEquals(a.cropOrigin(3, labels), b.cropOrigin(3, labels));
        // frames differ from one another: each has its own physics and seed
        assertFalse(java.util.Arrays.equals(pixels(fa), pixels(a.render(1).image())));
    }

    @Test
    void cropsLieInsideTheFrameAndMostHoldParticlePixels() {
        TrainingFrames frames = new TrainingFrames(List.of(SimulationPreset.DEMO), CROP, 3);
        int withParticle = 0;
        int n = 40;
        for (int i = 0; i < n; i++) {
            Frame labels = frames.render(TrainingFrames.frameOf(i)).labels();
            int[] o = frames.cropOrigin(i, labels);
            assertTrue(o[0] >= 0 && o[1] >= 0 && o[0] + CROP <= labels.width() && o[1] + CROP <= labels.height(),
                    "crop " + i + " at " + o[0] + ", " + o[1]);
            boolean particle = false;
            for (int y = o[1]; y < o[1] + CROP && !particle; y++) {
                for (int x = o[0]; x < o[0] + CROP; x++) {
                    if (labels.get(x, y) > 0) {
                        particle = true;
                        break;
                    }
                }
            }
            withParticle += particle ? 1 : 0;
        }
        // 3/4 of the crops are centred near a particle pixel; a random 64 px crop of the sparse 256 px demo field
        // would hold one far less often
        assertTrue(withParticle >= 0.7 * n, withParticle + " of " + n + " crops hold particle pixels");
    }

    @Test
    void presetsAreUsedInTurn() {
        TrainingFrames frames = new TrainingFrames(List.of(SimulationPreset.DEMO, SimulationPreset.THICKNESS_50NM),
                CROP, 1);
        assertEquals(256, frames.render(0).image().width());
        assertEquals(512, frames.render(1).image().width());
        assertEquals(256, frames.render(2).image().width());
        assertEquals(List.of("demo", "thickness-50nm"), frames.description().get("presets"));
    }

    @Test
    void aCropLargerThanAPresetsFramesIsRefusedNamingThePreset() {
        LptemException e = assertThrows(LptemException.class,
                () -> new TrainingFrames(List.of(SimulationPreset.DEMO), 300, 1));
        assertTrue(e.getMessage().contains("demo") && e.getMessage().contains("300"), e.getMessage());
        assertThrows(LptemException.class, () -> new TrainingFrames(List.of(), 64, 1));
    }

    private static double[] pixels(Frame f) {
        double[] v = new double[f.width() * f.height()];
        for (int i = 0; i < v.length; i++) {
            v[i] = f.get(i);
        }
        return v;
    }
}
