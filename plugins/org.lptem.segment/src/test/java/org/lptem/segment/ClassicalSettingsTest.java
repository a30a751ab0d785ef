package org.lptem.segment;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.lptem.core.LptemException;
import org.lptem.segment.ClassicalSettings.Background;
import org.lptem.segment.ClassicalSettings.Denoising;
import org.lptem.segment.ClassicalSettings.Foreground;

class ClassicalSettingsTest {

    @Test
    void ofDetectorSettingsIsThePlainThresholdDetector() {
        ClassicalSettings s = ClassicalSettings.of(DetectorSettings.defaults());
        assertEquals(DetectorSettings.defaults(), s.detector());
        assertEquals(Background.GAUSSIAN, s.background());
        assertEquals(Denoising.GAUSSIAN, s.denoising());
        assertEquals(Foreground.GLOBAL, s.foreground());
        assertFalse(s.splitTouching());
        ClassicalDetector detector = new ClassicalDetector(DetectorSettings.defaults());
        assertEquals(s, detector.classicalSettings());
        assertEquals(DetectorSettings.defaults(), detector.settings());
    }

    @Test
    void blobDefaults() {
        ClassicalSettings s = ClassicalSettings.blobs(4, 40);
        assertEquals(Foreground.BLOB, s.foreground());
        assertEquals(4, s.minRadiusPx());
        assertEquals(40, s.maxRadiusPx());
        assertEquals(5, s.blobThresholdSigmas());
        assertEquals(0.45, s.edgeFraction());
        assertTrue(s.splitTouching());
        assertEquals(s, s.toBuilder().build());
    }

    private static String message(Runnable r) {
        return assertThrows(LptemException.class, r::run).getMessage();
    }

    @Test
    void badValuesAreNamed() {
        ClassicalSettings.Builder b = ClassicalSettings.blobs(4, 40).toBuilder();
        assertEquals("largest particle radius must be finite and >= the smallest (4.0), got 3.0",
                message(() -> b.radii(4, 3).build()));
        assertEquals("edge fraction must be in (0, 1), got 1.0",
                message(() -> b.radii(4, 40).edgeFraction(1).build()));
        assertEquals("hysteresis high level must be finite and >= the low level (3.0), got 2.0",
                message(() -> b.edgeFraction(0.4).hysteresis(3, 2).build()));
        assertEquals("blob threshold must be a finite number > 0, got 0.0",
                message(() -> b.hysteresis(1, 2).blobThresholdSigmas(0).build()));
        assertTrue(message(() -> ClassicalSettings.builder(null).build()).contains("detector settings"));
    }
}
