package org.lptem.segment;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class BackgroundFlatteningTest {

    @Test
    void quadraticIlluminationIsRemovedUpToTheBorders() {
        int w = 90;
        int h = 70;
        float[] img = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img[y * w + x] = (float) (500 + 3 * x - 2 * y + 0.02 * x * x - 0.03 * y * y + 0.01 * x * y);
            }
        }
        float[] flat = BackgroundFlattening.flatten(img, w, h, 25);
        for (int i = 0; i < flat.length; i++) {
            assertEquals(0, flat[i], 1e-2, "pixel " + i);
        }
    }

    @Test
    void localDipSurvivesFlattening() {
        int w = 100;
        int h = 100;
        float[] img = new float[w * h];
        for (int i = 0; i < img.length; i++) {
            img[i] = 200 + 0.5f * (i % w);
        }
        img[50 * w + 50] -= 100;
        float[] flat = BackgroundFlattening.flatten(img, w, h, 20);
        // the blur spreads 100 over 2 pi 20^2 px: the dip keeps all but 1/2513 of its depth
        assertEquals(-100 * (1 - 1 / (2 * Math.PI * 400)), flat[50 * w + 50], 0.05);
        assertEquals(0, flat[10 * w + 90], 0.05);
    }

    @Test
    void zeroSigmaLeavesTheImageAlone() {
        float[] img = {1, 2, 3, 4};
        assertArrayEquals(img, BackgroundFlattening.flatten(img, 2, 2, 0));
    }
}
