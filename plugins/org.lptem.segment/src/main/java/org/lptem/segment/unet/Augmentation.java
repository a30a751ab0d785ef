package org.lptem.segment.unet;

import java.util.Random;
import org.lptem.core.LptemException;
import org.lptem.core.image.GaussianBlur;

/**
 * Random changes of a training sample that keep its mask valid: flips and 90-degree rotations (image and mask alike),
 * and on the image a blur and added white noise (which lower the particles' contrast to noise, as a thicker liquid
 * would) after which the crop gets its former mean and standard deviation back, then a contrast gain and offset (as
 * the whole-frame standardisation shifts with the field's content).
 *
 * @param contrast the gain is drawn from [1 - contrast, 1 + contrast], the offset from [-contrast/2, contrast/2]
 * @param maxBlurPx Gaussian blur sigma drawn from [0, maxBlurPx], applied to half the samples
 * @param maxNoise standard deviation of added noise drawn from [0, maxNoise], relative to the crop's
 */
public record Augmentation(boolean flips, boolean rotations, double contrast, double maxBlurPx, double maxNoise) {
    public Augmentation {
        if (!(contrast >= 0 && contrast < 1) || !(maxBlurPx >= 0) || !(maxNoise >= 0)) {
            throw new LptemException("augmentation needs contrast in [0, 1), blur and noise >= 0; got " + contrast
                    + ", " + maxBlurPx + ", " + maxNoise);
        }
    }

    public static Augmentation none() {
        return new Augmentation(false, false, 0, 0, 0);
    }

    public static Augmentation defaults() {
        return new Augmentation(true, true, 0.2, 1.0, 0.4);
    }

    /** The augmented copy; draws from {@code random} in a fixed order, so a seeded random gives the same copy. */
    public Sample apply(Sample s, Random random) {
        int n = s.size();
        int rotation = rotations ? random.nextInt(4) : 0;
        boolean flip = flips && random.nextBoolean();
        float[] image = orient(s.image(), n, rotation, flip);
        float[] mask = orient(s.mask(), n, rotation, flip);
        double blur = maxBlurPx > 0 && random.nextBoolean() ? maxBlurPx * random.nextDouble() : 0;
        double noise = maxNoise * random.nextDouble();
        double gain = 1 + contrast * (2 * random.nextDouble() - 1);
        double offset = contrast * (random.nextDouble() - 0.5);
        double[] before = meanAndStd(image);
        if (blur > 0) {
            image = GaussianBlur.blur(image, n, n, blur);
        }
        if (noise > 0) {
            for (int i = 0; i < image.length; i++) {
                image[i] += (float) (noise * before[1] * random.nextGaussian());
            }
        }
        double[] after = meanAndStd(image);
        double scale = after[1] > 0 ? gain * before[1] / after[1] : gain;
        for (int i = 0; i < image.length; i++) {
            image[i] = (float) ((image[i] - after[0]) * scale + gain * before[0] + offset);
        }
        return new Sample(n, image, mask);
    }

    private static double[] meanAndStd(float[] v) {
        double sum = 0;
        double sumSq = 0;
        for (float f : v) {
            sum += f;
            sumSq += (double) f * f;
        }
        double mean = sum / v.length;
        return new double[] {mean, Math.sqrt(Math.max(0, sumSq / v.length - mean * mean))};
    }

    /** Mirrors left-right if {@code flip}, then rotates by {@code quarterTurns} x 90 degrees clockwise. */
    static float[] orient(float[] a, int n, int quarterTurns, boolean flip) {
        if (quarterTurns == 0 && !flip) {
            return a.clone();
        }
        float[] out = new float[a.length];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                // (u, v): where output pixel (x, y) comes from in the mirrored image
                int u;
                int v;
                switch (quarterTurns) {
                    case 1 -> {
                        u = y;
                        v = n - 1 - x;
                    }
                    case 2 -> {
                        u = n - 1 - x;
                        v = n - 1 - y;
                    }
                    case 3 -> {
                        u = n - 1 - y;
                        v = x;
                    }
                    default -> {
                        u = x;
                        v = y;
                    }
                }
                out[y * n + x] = a[v * n + (flip ? n - 1 - u : u)];
            }
        }
        return out;
    }
}
