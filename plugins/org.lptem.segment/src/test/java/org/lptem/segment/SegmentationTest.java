package org.lptem.segment;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.lptem.core.Frame;
import org.lptem.core.LptemException;
import org.lptem.core.PixelType;
import org.junit.jupiter.api.Test;

class SegmentationTest {

    @Test
    void labelFrameIsUnsigned16Bit() {
        int[] labels = {0, 1, 2, 40000, 65535, 0};
        Frame f = new Segmentation(4, 3, 2, labels, List.of()).labelFrame();
        assertEquals(PixelType.UINT16, f.type());
        assertEquals(3, f.width());
        assertEquals(2, f.height());
        for (int i = 0; i < labels.length; i++) {
            assertEquals(labels[i], f.get(i), 0);
        }
    }

    @Test
    void tooManyLabelsForSixteenBitsAreRefused() {
        int[] labels = {0, 65536};
        LptemException e = assertThrows(LptemException.class,
                () -> new Segmentation(7, 2, 1, labels, List.of()).labelFrame());
        assertEquals(7, e.frame());
        assertTrue(e.getMessage().contains("65536 labels"), e.getMessage());
    }

    @Test
    void labelImageMustFitTheSize() {
        assertThrows(IllegalArgumentException.class, () -> new Segmentation(0, 3, 3, new int[8], List.of()));
    }
}
