package org.lptem.segment.unet;

import java.util.Map;
import java.util.Random;
import org.lptem.core.Frame;

/**
 * A synthetic task for tests: dark discs of radius 3-6 px on Gaussian noise (contrast 3 noise sigmas), square
 * crops of a given size, each index its own seeded frame.
 */
final class BlobSamples implements SampleSource {
    private final int size;
    private final long seed;

    BlobSamples(int size, long seed) {
        this.size = size;
        this.seed = seed;
    }

    @Override
    public Sample sample(int index) {
        Random r = new Random(seed * 7919 + index);
        float[] image = new float[size * size];
        int[] labels = new int[size * size];
        int discs = 1 + r.nextInt(3);
        for (int d = 1; d <= discs; d++) {
            double cx = size * (0.15 + 0.7 * r.nextDouble());
            double cy = size * (0.15 + 0.7 * r.nextDouble());
            double radius = 3 + 3 * r.nextDouble();
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    if (Math.hypot(x - cx, y - cy) <= radius) {
                        labels[y * size + x] = d;
                    }
                }
            }
        }
        for (int i = 0; i < image.length; i++) {
            image[i] = (float) (100 + (labels[i] > 0 ? -3 : 0) + r.nextGaussian());
        }
        return Sample.of(Frame.ofFloats(size, size, image), Frame.ofInts(size, size, labels, false))
                .crop(0, 0, size);
    }

    @Override
    public Map<String, Object> description() {
        return Map.of("task", "dark discs on noise", "size", size, "seed", seed);
    }
}
