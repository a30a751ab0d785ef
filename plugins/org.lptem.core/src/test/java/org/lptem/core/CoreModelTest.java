package org.lptem.core;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoreModelTest {

    @Test
    void onlyElongatedRegionsHaveAnOrientation() {
        assertTrue(new Detection(0, 1, 1, 20, 30, 8, 4, 0, 1, 1).hasOrientation(), "a rod");
        assertFalse(new Detection(0, 1, 1, 20, 30, 5, 4.5, 0, 1, 1).hasOrientation(), "a round particle");
        assertTrue(new Detection(0, 1, 1, 5, 0, 5, 0, 0, 1, 1).hasOrientation(), "a one-pixel-wide line");
        assertFalse(new Detection(0, 1, 1, 1, 0, 0, 0, 0, 1, 1).hasOrientation(), "a single pixel");
        assertTrue(new Detection(0, 1, 1, Double.NaN, 30, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0)
                .hasOrientation(), "an orientation column without axes is taken as given");
        assertFalse(Detection.at(0, 1, 1).hasOrientation());
    }

    @Test
    void unsignedSamplesReadBackWithTheirTrueValue() {
        Frame f8 = Frame.ofBytes(2, 1, new byte[] {(byte) 200, 3});
        assertEquals(200, f8.get(0));
        Frame f16 = Frame.ofShorts(2, 1, new short[] {(short) 65000, -1}, false);
        assertEquals(65000, f16.get(0));
        assertEquals(65535, f16.get(1));
        Frame s16 = Frame.ofShorts(2, 1, new short[] {(short) 65000, -1}, true);
        assertEquals(-536, s16.get(0));
        Frame u32 = Frame.ofInts(1, 1, new int[] {-1}, false);
        assertEquals(4294967295.0, u32.get(0));
        assertArrayEquals(new float[] {65000f, 65535f}, f16.toFloat());
    }

    @Test
    void setClampsAndRoundsToTheType() {
        Frame f = Frame.blank(3, 1, PixelType.UINT16);
        f.set(0, 70000);
        f.set(1, -4);
        f.set(2, 10.6);
        assertEquals(65535, f.get(0));
        assertEquals(0, f.get(1));
        assertEquals(11, f.get(2));
    }

    @Test
    void frameRejectsWrongSampleCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Frame.ofFloats(3, 3, new float[8]));
        assertTrue(e.getMessage().contains("needs 9 samples, got 8"), e.getMessage());
    }

    @Test
    void calibrationOverrideAndConversion() {
        Calibration file = Calibration.of(2.0, null);
        Calibration user = Calibration.of(null, 0.05);
        Calibration c = file.overriddenBy(user);
        assertEquals(6.0, c.toNm(3), 0);
        assertEquals(0.5, c.toSeconds(10), 1e-15);
        assertThrows(LptemException.class, () -> Calibration.NONE.toNm(1));
        LptemException bad = assertThrows(LptemException.class, () -> Calibration.of(-1.0, null));
        assertTrue(bad.getMessage().contains("-1.0"), bad.getMessage());
    }

    @Test
    void errorMessagesNameSourceAndFrame() {
        LptemException e = LptemException.inFrame("movie.tif", 12, "truncated strip", null);
        assertEquals("movie.tif: frame 12: truncated strip", e.getMessage());
        assertEquals(12, e.frame());
        assertEquals("movie.tif", e.source());
    }

    @Test
    void viewSelectsRangeStepAndStretchesTheFrameInterval() {
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            frames.add(Frame.ofFloats(1, 1, new float[] {i}));
        }
        Video v = new VideoView(new InMemoryVideo("mem", frames, Calibration.of(1.5, 0.1)), 2, 9, 3,
                Calibration.of(4.0, null));
        assertEquals(3, v.frameCount()); // frames 2, 5, 8
        assertEquals(8.0, v.frame(2).get(0));
        assertEquals(4.0, v.calibration().nmPerPixel().getAsDouble());
        assertEquals(0.3, v.calibration().secondsPerFrame().getAsDouble(), 1e-12);
        LptemException e = assertThrows(LptemException.class, () -> v.frame(3));
        assertTrue(e.getMessage().contains("frame 3 does not exist (the video has 3 frames)"), e.getMessage());
    }

    @Test
    void inMemoryVideoRejectsFramesOfDifferentSizes() {
        LptemException e = assertThrows(LptemException.class, () -> new InMemoryVideo("x",
                List.of(Frame.ofFloats(2, 2, new float[4]), Frame.ofFloats(3, 1, new float[3])), Calibration.NONE));
        assertEquals("x: frame 1: is 3 x 1 float32 but frame 0 is 2 x 2 float32", e.getMessage());
    }

    @Test
    void trackRequiresIncreasingFrames() {
        assertThrows(LptemException.class,
                () -> new Track(1, List.of(Detection.at(3, 0, 0), Detection.at(3, 1, 1))));
        Track t = new Track(1, List.of(Detection.at(3, 0, 0), Detection.at(7, 1, 1)));
        assertEquals(3, t.firstFrame());
        assertEquals(7, t.lastFrame());
    }

    @Test
    void subProgressMapsIntoItsRangeAndSharesCancellation() {
        double[] last = new double[1];
        boolean[] cancel = new boolean[1];
        Progress root = new Progress() {
            @Override
            public void report(double fraction, String message) {
                last[0] = fraction;
            }

            @Override
            public void checkCanceled() {
                if (cancel[0]) {
                    throw new CanceledException();
                }
            }
        };
        Progress sub = root.sub(0.5, 0.75);
        sub.report(0.5, "half");
        assertEquals(0.625, last[0], 1e-15);
        cancel[0] = true;
        assertThrows(CanceledException.class, sub::checkCanceled);
    }
}
