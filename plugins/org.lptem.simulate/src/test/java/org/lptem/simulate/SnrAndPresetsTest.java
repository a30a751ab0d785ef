package org.lptem.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lptem.core.LptemException;

/** A requested SNR is what the frames show, and the presets are what they promise. */
class SnrAndPresetsTest {

    private static double meanSnr(SimulatedVideo v, int frames) {
        double sum = 0;
        for (int i = 0; i < frames; i++) {
            sum += v.measuredSnr(i * (v.frameCount() - 1) / Math.max(1, frames - 1));
        }
        return sum / frames;
    }

    /**
     * Sizes chosen so that the SNR measurement itself is precise enough: its error is about
     * sqrt(noise correlation area / particle pixels), here ~0.02 over 10 frames of ~2,500 particle pixels.
     */
    @ParameterizedTest(name = "{0} at SNR {1}")
    @CsvSource({"sphere, 0.5, 8, 0", "sphere, 3, 8, 0", "rod, 0.9, 16, 36", "prism, 1.5, 8, 28", "cube, 2, 16, 16"})
    void requestedSnrIsRealised(String shape, double target, int bits, double lengthNm) {
        SimulationSettings s = SimulationSettings.demo().toBuilder().size(200, 200).frames(10).particles(8)
                .set("shape", shape).nmPerPixel(1).particleRadiusNm(8).particleLengthNm(lengthNm).prismThicknessNm(8)
                .rotationalDiffusionRad2PerS(1).readNoiseCounts(3).detectorBlurPx(0.6).illuminationGradient(0.1)
                .bitDepth(bits).targetSnr(target).build();
        SimulatedVideo v = new SimulatedVideo(s);
        assertEquals(target, meanSnr(v, 10), 0.1 * target);
        assertTrue(v.settings().doseRateElectronsPerA2PerS() != s.doseRateElectronsPerA2PerS(), "the dose was set");
        assertEquals(target, v.settings().targetSnr());
        // Calibrating settings that are already calibrated changes nothing: the same video results.
        assertEquals(v.frame(2), new SimulatedVideo(v.settings()).frame(2));
    }

    @Test
    void unreachableSnrIsReported() {
        // A strong gradient's spread across the background alone outweighs the particles' contrast.
        SimulationSettings s = SimulationSettings.demo().toBuilder().illuminationGradient(0.9).targetSnr(20).build();
        LptemException e = assertThrows(LptemException.class, () -> new SimulatedVideo(s));
        assertTrue(e.getMessage().startsWith("targetSnr 20"), e.getMessage());
        SimulationSettings empty = SimulationSettings.demo().toBuilder().particles(0).targetSnr(1).build();
        assertTrue(assertThrows(LptemException.class, () -> new SimulatedVideo(empty)).getMessage()
                .contains("needs a particle"));
    }

    @Test
    void rodPresetIsOneLargeConfinedRotatingRodAtLowSnr() {
        SimulationSettings s = SimulationPreset.ROD_1024.settings();
        SimulatedVideo v = new SimulatedVideo(s.toBuilder().frames(12).build());
        assertEquals(1024, v.width());
        assertEquals(1, v.trajectories().particleCount());
        ParticleShape rod = v.trajectories().shape(0);
        assertEquals(100, rod.majorAxisPx(), 1e-9);
        assertEquals(40, rod.minorAxisPx(), 1e-9);
        assertEquals(0.9, meanSnr(v, 3), 0.09);
        // Large jumps: rms ~15 px per axis per frame; rotation: rms ~13 degrees per frame.
        Trajectories t = v.trajectories();
        double jump = 0;
        double turn = 0;
        for (int f = 1; f < 12; f++) {
            jump += Math.hypot(t.x(0, f) - t.x(0, f - 1), t.y(0, f) - t.y(0, f - 1)) / 11;
            turn += Math.abs(t.unwrappedAngleRad(0, f) - t.unwrappedAngleRad(0, f - 1)) / 11;
        }
        assertTrue(jump > 8 && jump < 40, "mean jump " + jump + " px");
        assertTrue(Math.toDegrees(turn) > 4 && Math.toDegrees(turn) < 30, "mean turn " + Math.toDegrees(turn));
        assertEquals(MotionKind.HARMONIC, s.motion());
    }

    @Test
    void thicknessPresetsDifferOnlyInTheLiquidAndFollowThePublishedSweep() {
        SimulationPreset[] sweep = {SimulationPreset.THICKNESS_5NM, SimulationPreset.THICKNESS_50NM,
                SimulationPreset.THICKNESS_150NM};
        double[] liquid = {5, 50, 150};
        // Published per-pixel SNR ranges of the 5 / 50 / 150 nm sweep.
        double[][] ranges = {{0.46, 0.83}, {0.40, 0.76}, {0.25, 0.61}};
        double previous = Double.POSITIVE_INFINITY;
        Map<String, Object> first = null;
        for (int i = 0; i < 3; i++) {
            SimulationSettings s = sweep[i].settings();
            assertEquals(liquid[i], s.liquidThicknessNm());
            assertEquals(512, s.width());
            assertEquals(46, 2 * s.particleRadiusPx(), 1e-9, "one particle 46 px across");
            Map<String, Object> values = new HashMap<>(SettingsKeys.values(s));
            values.remove("liquidThicknessNm");
            if (first == null) {
                first = values;
            } else {
                assertEquals(first, values, "only the liquid layer differs");
            }
            double snr = meanSnr(new SimulatedVideo(s.toBuilder().frames(8).build()), 8);
            assertTrue(snr > ranges[i][0] && snr < ranges[i][1], liquid[i] + " nm: SNR " + snr);
            assertTrue(snr < previous, "thicker liquid, lower SNR");
            previous = snr;
        }
    }

    @Test
    void multiPresetIsACrowdedDriftingFieldWithDistractors() {
        SimulationSettings s = SimulationPreset.MULTI.settings();
        assertTrue(s.particles() >= 10 && s.particles() <= 30);
        assertTrue(s.driftXPxPerFrame() != 0 && s.illuminationGradient() != 0 && s.distractors() > 0);
        SimulatedVideo v = new SimulatedVideo(s);
        assertEquals(1.5, meanSnr(v, 4), 0.15);
        int hidden = 0;
        for (int p = 0; p < s.particles(); p++) {
            for (int f = 0; f < s.frames(); f++) {
                hidden += v.trajectories().visible(p, f) ? 0 : 1;
            }
        }
        assertTrue(hidden > 0, "particles leave the field");
    }

    @Test
    void presetsAreFoundByName() {
        for (SimulationPreset p : SimulationPreset.values()) {
            assertEquals(p, SimulationPreset.parse(p.key()));
            assertTrue(p.settings().frames() > 0);
        }
        assertEquals(SimulationSettings.demo(), SimulationPreset.DEMO.settings());
        assertTrue(assertThrows(LptemException.class, () -> SimulationPreset.parse("rod"))
                .getMessage().contains("rod-1024"));
    }
}
