package org.lptem.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lptem.core.LptemException;

class SettingsKeysTest {

    @Test
    void everyRecordComponentIsAKey() {
        List<String> components = Arrays.stream(SimulationSettings.class.getRecordComponents())
                .map(RecordComponent::getName).toList();
        assertEquals(components, SettingsKeys.names());
        assertEquals(components, List.copyOf(SettingsKeys.values(SimulationSettings.demo()).keySet()));
    }

    /** Every value written as text and set back gives the same settings: nothing is lost in metadata. */
    @Test
    void everyValueRoundTripsThroughText() {
        SimulationSettings rod = SimulationPreset.ROD_1024.settings().toBuilder().avoidOverlap(true).seed(-5)
                .build();
        SimulationSettings.Builder b = SimulationSettings.demo().toBuilder();
        for (String key : SettingsKeys.names()) {
            b.set(key, SettingsKeys.text(rod, key));
        }
        assertEquals(rod, b.build());
    }

    @Test
    void assignmentsApplyInOrderAndErrorsNameTheAssignment() {
        SimulationSettings s = SettingsKeys.apply(SimulationSettings.demo(),
                List.of("motion=fbm", "alpha=0.4", "shape=ROD", "particleLengthNm=40", "avoidOverlap=true",
                        "frames=7"));
        assertEquals(MotionKind.FBM, s.motion());
        assertEquals(0.4, s.alpha());
        assertEquals(ShapeKind.ROD, s.shape());
        assertEquals(7, s.frames());
        assertTrue(s.avoidOverlap());

        assertEquals("alpha=2.5: alpha must be in (0, 2) for fbm, got 2.5", message("motion=fbm", "alpha=2.5"));
        assertEquals("alpha=0.5: alpha must be in (1, 2) for levy, got 0.5",
                message("motion=levy", "speedNmPerS=3", "alpha=0.5"));
        assertTrue(message("alpha=abc").startsWith("alpha=abc: alpha: 'abc' is not a number"));
        assertTrue(message("frames=2.5").contains("is not an integer"));
        assertTrue(message("colour=red").startsWith("colour=red: unknown parameter 'colour'"));
        assertTrue(message("motion=jump").contains("motion must be one of [bm, fbm, ctrw"));
        assertTrue(message("frames").contains("is not key=value"));
        // An error about a value nobody assigned names that value, which is what the user must set.
        assertEquals("confinementNm must be above 0 for harmonic motion, got 0.0", message("motion=harmonic"));
        assertTrue(message("avoidOverlap=yes").contains("is not true or false"));
    }

    private static String message(String... assignments) {
        return assertThrows(LptemException.class,
                () -> SettingsKeys.apply(SimulationSettings.demo(), List.of(assignments))).getMessage();
    }

    @Test
    void newParametersAreValidated() {
        SimulationSettings.Builder d = SimulationSettings.demo().toBuilder();
        assertTrue(fails(d.shape(ShapeKind.ROD).particleLengthNm(10)).contains("particleLengthNm"));
        assertTrue(fails(SimulationSettings.demo().toBuilder().shape(ShapeKind.CUBE).particleLengthNm(120))
                .contains("liquidThicknessNm"), "a 120 nm cube does not fit in 100 nm of liquid");
        assertTrue(fails(SimulationSettings.demo().toBuilder().motion(MotionKind.CTRW).alpha(1.2)).contains("(0, 1]"));
        assertTrue(fails(SimulationSettings.demo().toBuilder().doseFluctuation(1)).contains("doseFluctuation"));
        assertTrue(fails(SimulationSettings.demo().toBuilder().motionBlurSubframes(0)).contains("motionBlur"));
        assertTrue(fails(SimulationSettings.demo().toBuilder().particles(70_000).size(4000, 4000).frames(1))
                .contains("16-bit"));
        assertTrue(fails(SimulationSettings.demo().toBuilder().targetSnr(-1)).contains("targetSnr"));
        // With a margin particles need not fit: they may stand partly outside the field.
        SimulationSettings open = SimulationSettings.demo().toBuilder().size(10, 10).fieldMarginPx(20).build();
        assertEquals(10, open.width());
    }

    private static String fails(SimulationSettings.Builder b) {
        return assertThrows(LptemException.class, b::build).getMessage();
    }

    @Test
    void theOldConstructorMeansSpheresInBrownianMotion() {
        SimulationSettings d = SimulationSettings.demo();
        assertEquals(ShapeKind.SPHERE, d.shape());
        assertEquals(MotionKind.BM, d.motion());
        assertEquals(1, d.motionBlurSubframes());
        assertEquals(0, d.targetSnr());
        assertEquals(0, d.distractors());
    }
}
