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
    void aFramesVideoStartsWhereTheFrameIsAndMovesItsParticles() {
        TrainingFrames frames = new TrainingFrames(List.of(SimulationPreset.MULTI), CROP, 5);
        try (SimulatedVideo video = frames.video(2, 3)) {
            assertEquals(3, video.frameCount());
            assertArrayEquals(pixels(frames.render(2).labels()), pixels(video.labels(0)));
            assertFalse(java.util.Arrays.equals(pixels(video.labels(0)), pixels(video.labels(2))));
        }
        assertThrows(LptemException.class, () -> frames.video(0, 0));
    }

    @Test
    void averagedFramesAreTheMeanOfTheSetUpsFramesWithTheMiddleOnesTruth() {
        TrainingFrames averaged = new TrainingFrames(List.of(SimulationPreset.MULTI), CROP, 5, 0.1, 3);
        TrainingFrames.Rendered r = averaged.render(2);
        try (SimulatedVideo video = averaged.video(2, 3)) {
            float[] sum = new float[video.width() * video.height()];
            for (int f = 0; f < 3; f++) {
                float[] frame = video.frame(f).toFloat();
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += frame[i];
                }
            }
            for (int i = 0; i < sum.length; i += 97) {
                assertEquals(sum[i] / 3, r.image().get(i), 1e-3, "pixel " + i);
            }
            assertArrayEquals(pixels(video.labels(1)), pixels(r.labels()));
        }
        // single frames are unchanged by the option's existence
        assertArrayEquals(pixels(new TrainingFrames(List.of(SimulationPreset.MULTI), CROP, 5).render(2).image()),
                pixels(new TrainingFrames(List.of(SimulationPreset.MULTI), CROP, 5, 0.1, 1).render(2).image()));
        assertThrows(LptemException.class, () -> new TrainingFrames(List.of(SimulationPreset.MULTI), CROP, 5, 0.1,
                2));
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
    void distractorCentredCropsAreCentredNearADistractorInView() {
        int crop = 128;
        int n = 48;
        TrainingFrames hard = new TrainingFrames(List.of(SimulationPreset.MULTI), crop, 5, 0.5);
        TrainingFrames none = new TrainingFrames(List.of(SimulationPreset.MULTI), crop, 5, 0);
        int nearHard = 0;
        int nearNone = 0;
        for (int i = 0; i < n; i++) {
            int k = TrainingFrames.frameOf(i);
            Frame labels = hard.render(k).labels();
            double[][] distractors = hard.distractorsInView(k);
            nearHard += centredNearOneOf(hard.cropOrigin(i, labels), crop, distractors) ? 1 : 0;
            nearNone += centredNearOneOf(none.cropOrigin(i, labels), crop, distractors) ? 1 : 0;
        }
        // half the crops are asked to be on a distractor: most frames of the multi preset show one of its six
        assertTrue(nearHard >= 0.4 * n, nearHard + " of " + n + " crops centred near a distractor");
        assertTrue(nearNone <= 0.2 * n, nearNone + " of " + n + " crops near a distractor without asking");
        assertEquals(0.5, hard.description().get("distractor_centred_fraction"));
    }

    @Test
    void loweringTheTargetSnrMovesNoDistractor() {
        // render() may lower an unreachable target SNR; the crops are placed from the unlowered settings
        SimulationSettings s = SimulationPreset.MULTI.settings().toBuilder().frames(1).seed(11).build();
        Trajectories a = Trajectories.simulate(s);
        Trajectories b = Trajectories.simulate(s.toBuilder().targetSnr(0.5 * s.targetSnr()).build());
        assertTrue(a.distractorCount() > 0);
        for (int i = 0; i < a.distractorCount(); i++) {
            assertEquals(a.distractorX(i, 0), b.distractorX(i, 0));
            assertEquals(a.distractorY(i, 0), b.distractorY(i, 0));
        }
    }

    @Test
    void aDistractorFractionOutsideItsRangeIsRefused() {
        for (double bad : new double[] {-0.1, 0.6, Double.NaN}) {
            LptemException e = assertThrows(LptemException.class,
                    () -> new TrainingFrames(List.of(SimulationPreset.MULTI), 64, 1, bad));
            assertTrue(e.getMessage().contains("distractor"), e.getMessage());
        }
    }

    /** Whether the crop's centre lies within the placement jitter (crop / 4 + 1 px per axis) of a distractor. */
    private static boolean centredNearOneOf(int[] origin, int crop, double[][] distractors) {
        double cx = origin[0] + crop / 2.0;
        double cy = origin[1] + crop / 2.0;
        for (double[] d : distractors) {
            if (Math.abs(cx - d[0]) <= crop / 4 + 1 && Math.abs(cy - d[1]) <= crop / 4 + 1) {
                return true;
            }
        }
        return false;
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
