package org.lptem.core;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MovingAverageVideoTest {
    /** Frame k holds the value 10 k everywhere, plus the pixel index. */
    private static InMemoryVideo ramp(int frames) {
        List<Frame> list = new ArrayList<>();
        for (int k = 0; k < frames; k++) {
            short[] s = new short[6];
            for (int i = 0; i < 6; i++) {
                s[i] = (short) (10 * k + i);
            }
            list.add(Frame.ofShorts(3, 2, s, false));
        }
        return new InMemoryVideo("ramp", list, Calibration.of(0.5, 0.1));
    }

    @Test
    void eachFrameIsTheMeanOfItsCentredWindowCutAtTheEnds() throws Exception {
        try (MovingAverageVideo v = new MovingAverageVideo(ramp(5), 3)) {
            assertEquals(PixelType.FLOAT32, v.pixelType());
            assertEquals(5, v.frameCount());
            assertEquals(0.5, v.calibration().nmPerPixel().getAsDouble());
            assertArrayEquals(new float[] {5, 6, 7, 8, 9, 10}, v.frame(0).toFloat(), 1e-6f); // mean of 0 and 10
            assertArrayEquals(new float[] {20, 21, 22, 23, 24, 25}, v.frame(2).toFloat(), 1e-6f);
            assertArrayEquals(new float[] {35, 36, 37, 38, 39, 40}, v.frame(4).toFloat(), 1e-6f);
            assertArrayEquals(new float[] {10, 11, 12, 13, 14, 15}, v.frame(1).toFloat(), 1e-6f, "random access");
        }
        try (MovingAverageVideo one = new MovingAverageVideo(ramp(2), 1)) {
            assertArrayEquals(new float[] {10, 11, 12, 13, 14, 15}, one.frame(1).toFloat());
        }
    }

    @Test
    void evenOrEmptyWindowsAreRefused() {
        LptemException e = assertThrows(LptemException.class, () -> new MovingAverageVideo(ramp(2), 2));
        assertTrue(e.getMessage().contains("odd number"), e.getMessage());
        LptemException longer = assertThrows(LptemException.class, () -> new MovingAverageVideo(ramp(5), 7));
        assertTrue(longer.getMessage().contains("has 5 frames, fewer than the 7"), longer.getMessage());
        assertThrows(LptemException.class, () -> new MovingAverageVideo(ramp(2), 0));
    }
}
