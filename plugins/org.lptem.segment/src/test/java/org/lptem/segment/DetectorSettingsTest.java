package org.lptem.segment;

import static org.junit.jupiter.api.Assertions.*;

import org.lptem.core.LptemException;
import org.junit.jupiter.api.Test;

class DetectorSettingsTest {

    @Test
    void defaultsSuitBrightFieldVideos() {
        DetectorSettings d = DetectorSettings.defaults();
        assertEquals(25, d.backgroundSigmaPx());
        assertEquals(1.5, d.smoothingSigmaPx());
        assertEquals(ThresholdMethod.TRIANGLE, d.threshold());
        assertEquals(Polarity.DARK, d.polarity());
        assertEquals(10, d.minAreaPx());
        assertEquals(Double.POSITIVE_INFINITY, d.maxAreaPx());
        assertEquals(0.5, d.minScore());
    }

    private static String message(Runnable r) {
        return assertThrows(LptemException.class, r::run).getMessage();
    }

    @Test
    void badValuesAreNamed() {
        assertEquals("smoothing sigma must be >= 0, got -1.0",
                message(() -> new DetectorSettings(25, -1, ThresholdMethod.OTSU, Polarity.DARK, 10, 100, 0)));
        assertEquals("background sigma must be >= 0, got NaN", message(
                () -> new DetectorSettings(Double.NaN, 1, ThresholdMethod.OTSU, Polarity.DARK, 10, 100, 0)));
        assertEquals("background sigma must be finite, got Infinity", message(() -> new DetectorSettings(
                Double.POSITIVE_INFINITY, 1, ThresholdMethod.OTSU, Polarity.DARK, 10, 100, 0)));
        assertEquals("maximum area must be >= minimum area (10.0), got 5.0",
                message(() -> DetectorSettings.defaults().withArea(10, 5)));
        assertEquals("minimum area must be >= 0, got -2.0",
                message(() -> DetectorSettings.defaults().withArea(-2, 5)));
        assertEquals("minimum score must be in [0, 1], got 1.5",
                message(() -> DetectorSettings.defaults().withMinScore(1.5)));
        assertTrue(message(() -> DetectorSettings.defaults().withThreshold(null)).contains("threshold"));
        assertTrue(message(() -> DetectorSettings.defaults().withPolarity(null)).contains("polarity"));
    }

    @Test
    void withersChangeOneValue() {
        DetectorSettings d = DetectorSettings.defaults();
        assertEquals(new DetectorSettings(40, 1.5, ThresholdMethod.TRIANGLE, Polarity.DARK, 10,
                Double.POSITIVE_INFINITY, 0.5), d.withBackgroundSigma(40));
        assertEquals(new DetectorSettings(25, 0.7, ThresholdMethod.TRIANGLE, Polarity.DARK, 10,
                Double.POSITIVE_INFINITY, 0.5), d.withSmoothing(0.7));
        assertEquals("smoothing sigma must be >= 0, got -1.0", message(() -> d.withSmoothing(-1)));
    }
}
