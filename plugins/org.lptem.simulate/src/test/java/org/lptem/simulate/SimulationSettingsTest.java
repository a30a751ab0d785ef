package org.lptem.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.lptem.core.LptemException;

class SimulationSettingsTest {

    @Test
    void demoIsTheDocumentedSetUp() {
        SimulationSettings d = SimulationSettings.demo();
        assertEquals(256, d.width());
        assertEquals(256, d.height());
        assertEquals(60, d.frames());
        assertEquals(8, d.particles());
        assertEquals(7, d.particleRadiusPx(), 1e-12);
        assertEquals(2, d.nmPerPixel());
        assertEquals(0.05, d.secondsPerFrame());
        assertEquals(8, d.bitDepth());
        // Root-mean-square 2D step of 1 px per frame: 4 D dt / px^2 = 1.
        assertEquals(1, 4 * d.diffusionNm2PerS() * d.secondsPerFrame() / (d.nmPerPixel() * d.nmPerPixel()), 1e-12);
        assertEquals(Math.sqrt(0.5), d.stepSigmaPx(), 1e-12);
        // N0 = dose x 100 A^2/nm^2 x (2 nm)^2 x 0.05 s.
        assertEquals(d.doseRateElectronsPerA2PerS() * 20, d.incidentElectronsPerPixel(), 1e-9);
    }

    @Test
    void builderCopiesEveryValue() {
        SimulationSettings d = SimulationSettings.demo();
        assertEquals(d, d.toBuilder().build());
        SimulationSettings changed = d.toBuilder().seed(9).drift(0.5, -0.25).size(300, 200).bitDepth(16).build();
        assertEquals(9, changed.seed());
        assertEquals(0.5, changed.driftXPxPerFrame());
        assertEquals(-0.25, changed.driftYPxPerFrame());
        assertEquals(300, changed.width());
        assertEquals(200, changed.height());
        assertEquals(16, changed.bitDepth());
        assertEquals(d.doseRateElectronsPerA2PerS(), changed.doseRateElectronsPerA2PerS());
    }

    @Test
    void badValuesAreRejectedByName() {
        rejects("particleRadiusNm", b -> b.particleRadiusNm(-1));
        rejects("width", b -> b.size(0, 10));
        rejects("frames", b -> b.frames(0));
        rejects("particles", b -> b.particles(-1));
        rejects("radiusDispersity", b -> b.radiusDispersity(0.5));
        rejects("nmPerPixel", b -> b.nmPerPixel(Double.NaN));
        rejects("diffusionNm2PerS", b -> b.diffusionNm2PerS(-3));
        rejects("doseRateElectronsPerA2PerS", b -> b.doseRateElectronsPerA2PerS(0));
        rejects("exposureS", b -> b.exposureS(0.1)); // longer than the 0.05 s frame
        rejects("sinWindowThicknessNm", b -> b.sinWindowThicknessNm(-1));
        rejects("readNoiseCounts", b -> b.readNoiseCounts(Double.POSITIVE_INFINITY));
        rejects("gainCountsPerElectron", b -> b.gainCountsPerElectron(0));
        rejects("detectorBlurPx", b -> b.detectorBlurPx(-0.1));
        rejects("bitDepth", b -> b.bitDepth(12));
        rejects("driftXPxPerFrame", b -> b.drift(Double.NaN, 0));
        rejects("illuminationGradient", b -> b.illuminationGradient(1));
        rejects("liquidThicknessNm", b -> b.liquidThicknessNm(20)); // 28 nm spheres in 20 nm of liquid
        rejects("height", b -> b.size(256, 14)); // radius-7 px spheres need 16 rows
        rejects("drifting", b -> b.drift(5, 0)); // 295 px of drift in a 256 px field
    }

    @Test
    void emptyCellNeedsNoRoomForParticles() {
        SimulationSettings s = SimulationSettings.demo().toBuilder().particles(0).size(4, 4).liquidThicknessNm(5)
                .build();
        assertEquals(0, s.particles());
    }

    private static void rejects(String name, UnaryOperator<SimulationSettings.Builder> change) {
        LptemException e = assertThrows(LptemException.class,
                () -> change.apply(SimulationSettings.demo().toBuilder()).build());
        assertTrue(e.getMessage().contains(name), "message should name " + name + ": " + e.getMessage());
    }
}
