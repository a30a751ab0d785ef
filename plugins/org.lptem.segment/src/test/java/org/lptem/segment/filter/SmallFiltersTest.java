package org.lptem.segment.filter;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.lptem.core.Frame;

class SmallFiltersTest {

    @Test
    void medianRemovesAnImpulseAndKeepsAStep() {
        // 5 x 4: left half 10, right half 50, one hot pixel of 1000 in the left half
        float[] img = new float[20];
        for (int i = 0; i < 20; i++) {
            img[i] = i % 5 < 2 ? 10 : 50;
        }
        img[5] = 1000;
        float[] m = MedianFilter.filter(img, 5, 4, 1);
        assertEquals(10, m[5], 0);
        // at the step the window holds 3 or 6 of the 9 on the left: the step stays where it was
        assertEquals(10, m[6], 0);
        assertEquals(50, m[7], 0);
        assertArrayEquals(img, MedianFilter.filter(img, 5, 4, 0));
    }

    @Test
    void boxMeanAveragesTheWindowCutToTheImage() {
        // 4 x 3 with values 0..11
        float[] img = new float[12];
        for (int i = 0; i < 12; i++) {
            img[i] = i;
        }
        float[] m = BoxMean.filter(img, 4, 3, 1);
        // corner (0, 0): pixels 0, 1, 4, 5
        assertEquals(2.5, m[0], 1e-6);
        // inside (1, 1): pixels 0-2, 4-6, 8-10, mean 5
        assertEquals(5, m[5], 1e-6);
        // right edge (3, 1): pixels 2, 3, 6, 7, 10, 11
        assertEquals(6.5, m[7], 1e-6);
    }

    @Test
    void binningAveragesBlocksIncludingPartialOnes() {
        // 5 x 3 bytes 0..14, blocks of 2: bins 3 x 2
        byte[] b = new byte[15];
        for (int i = 0; i < 15; i++) {
            b[i] = (byte) (i * 10);
        }
        float[] bins = Binning.mean(Frame.ofBytes(5, 3, b), 2);
        assertEquals(6, bins.length);
        // (0,0): 0, 10, 50, 60; (2,0): 40, 90; (0,1): 100, 110; (2,1): 140
        assertEquals(30, bins[0], 1e-5);
        assertEquals(65, bins[2], 1e-5);
        assertEquals(105, bins[3], 1e-5);
        assertEquals(140, bins[5], 1e-5);
        short[] s = new short[15];
        float[] f = new float[15];
        for (int i = 0; i < 15; i++) {
            s[i] = (short) (40000 + i * 10);
            f[i] = 40000 + i * 10;
        }
        float[] unsigned = Binning.mean(Frame.ofShorts(5, 3, s, false), 2);
        assertArrayEquals(Binning.mean(Frame.ofFloats(5, 3, f), 2), unsigned, 1e-2f);
        assertEquals(40030, unsigned[0], 1e-2);
        assertEquals(3, Binning.binnedSize(5, 2));
    }
}
