package org.lptem.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lptem.core.Calibration;
import org.lptem.core.Frame;
import org.lptem.core.InMemoryVideo;
import org.lptem.core.LptemException;

class FrameImagesTest {

    /** 0..9999 in raster order over 100 x 100 pixels. */
    private static Frame ramp(int offset) {
        float[] v = new float[100 * 100];
        for (int i = 0; i < v.length; i++) {
            v[i] = i + offset;
        }
        return Frame.ofFloats(100, 100, v);
    }

    @Test
    void displayRangeIsTheFirstAndNinetyNinthPercentile() {
        FrameImages.DisplayRange r = FrameImages.DisplayRange.of(ramp(0));
        // 10000 values 0..9999: index 0.01 * 9999 = 99 and ceil(0.99 * 9999) = 9900
        assertEquals(99, r.low());
        assertEquals(9900, r.high());
        assertEquals(0, r.grey(-5));
        assertEquals(255, r.grey(1e9));
        assertEquals(128, r.grey((99 + 9900) / 2.0));
    }

    @Test
    void videoRangePoolsFramesSoAMovieDoesNotFlicker() {
        InMemoryVideo video = new InMemoryVideo("ramps", List.of(ramp(0), ramp(10000)), Calibration.NONE);
        FrameImages.DisplayRange r = FrameImages.DisplayRange.of(video, 16);
        // 20000 values 0..19999 pooled
        assertEquals(199, r.low());
        assertEquals(19800, r.high());
    }

    @Test
    void flatFrameIsMidGreyNotAnError() {
        Frame flat = Frame.ofFloats(4, 4, new float[16]);
        FrameImages.DisplayRange r = FrameImages.DisplayRange.of(flat);
        assertEquals(r.low(), r.high());
        BufferedImage img = FrameImages.grey(flat, r);
        assertEquals(0x808080, img.getRGB(2, 2) & 0xFFFFFF);
    }

    @Test
    void greyMapsValuesLinearlyBetweenTheRangeEnds() {
        Frame f = Frame.ofFloats(3, 1, new float[]{10, 15, 20});
        BufferedImage img = FrameImages.grey(f, new FrameImages.DisplayRange(10, 20));
        assertEquals(0x000000, img.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(0x808080, img.getRGB(1, 0) & 0xFFFFFF);
        assertEquals(0xFFFFFF, img.getRGB(2, 0) & 0xFFFFFF);
    }

    @Test
    void outlinesAreTheRegionPixelsThatTouchAnotherLabel() {
        // a 3 x 3 square of label 7 inside a 5 x 5 frame: its 8 border pixels are outline, its centre is not
        short[] l = new short[25];
        for (int y = 1; y <= 3; y++) {
            for (int x = 1; x <= 3; x++) {
                l[y * 5 + x] = 7;
            }
        }
        BufferedImage img = new BufferedImage(5, 5, BufferedImage.TYPE_INT_RGB);
        int regions = FrameImages.drawOutlines(img, Frame.ofShorts(5, 5, l, false));
        assertEquals(1, regions);
        int colour = FrameImages.colour(7).getRGB() & 0xFFFFFF;
        int outline = 0;
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 5; x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == colour) {
                    outline++;
                }
            }
        }
        assertEquals(8, outline);
        assertEquals(0, img.getRGB(2, 2) & 0xFFFFFF, "the centre is not outline");
        assertEquals(0, img.getRGB(0, 0) & 0xFFFFFF, "the background is untouched");
    }

    @Test
    void colourIsStablePerIdAndDiffersBetweenNeighbours() {
        assertEquals(FrameImages.colour(3), FrameImages.colour(3));
        assertNotEquals(FrameImages.colour(3), FrameImages.colour(4));
    }

    @Test
    void floatLabelsAndMismatchedSizesAreRefused() {
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        assertThrows(LptemException.class, () -> FrameImages.drawOutlines(img, Frame.ofFloats(2, 2, new float[4])));
        assertThrows(IllegalArgumentException.class,
                () -> FrameImages.drawOutlines(img, Frame.ofShorts(3, 2, new short[6], false)));
    }
}
