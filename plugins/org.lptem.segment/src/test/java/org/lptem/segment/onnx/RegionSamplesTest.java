package org.lptem.segment.onnx;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lptem.core.LptemException;
import org.lptem.segment.RegionProfile;

class RegionSamplesTest {
    @Test
    void aRegionIsAParticleWhenItMatchesATrueOneAtHalfIou() {
        int w = 80;
        int h = 40;
        float[] image = new float[w * h];
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < image.length; i++) {
            image[i] = (float) rng.nextGaussian();
        }
        float[] probability = new float[w * h];
        int[] truth = new int[w * h];
        for (int y = 14; y < 24; y++) {
            for (int x = 10; x < 20; x++) {
                probability[y * w + x] = 0.9f; // region matching particle 1 exactly
                truth[y * w + x] = 1;
            }
            for (int x = 50; x < 60; x++) {
                probability[y * w + x] = 0.9f; // region over particle 2's left fifth only: IoU 0.2
                truth[y * w + x + 8] = 2;
            }
        }
        RegionSamples samples = new RegionSamples(new RegionProfile(3, 2), 0.5, 0);
        samples.add(image, probability, truth, w, h);
        assertEquals(2, samples.size());
        assertArrayEquals(new boolean[] {true, false}, samples.labels());
        assertEquals(1, samples.particles());
        assertEquals(1 + 3 - 1 + RegionClassifier.EXTRA, samples.features().get(0).length);
        assertEquals(Math.log(100), samples.features().get(0)[3], 1e-12);
        assertEquals(0.9, samples.features().get(1)[4], 1e-6);
        assertThrows(LptemException.class, () -> samples.add(image, probability, new int[3], w, h));
    }
}
