package org.lptem.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.lptem.core.Frame;

/** Builds test frames: a noisy background with a linear illumination gradient and anti-aliased elliptical particles. */
final class SyntheticFrame {
    /** One particle: centre (px), semi-axes (px), angle of the first semi-axis from +x towards +y (deg). */
    record Particle(double x, double y, double semiA, double semiB, double angleDeg, double contrast) {
        static Particle disc(double x, double y, double radius, double contrast) {
            return new Particle(x, y, radius, radius, 0, contrast);
        }

        double area() {
            return Math.PI * semiA * semiB;
        }
    }

    private final int width;
    private final int height;
    private final List<Particle> particles = new ArrayList<>();
    private double background = 1000;
    private double gradientX = 0.4;
    private double gradientY = 0.25;
    private double noiseSigma = 8;

    SyntheticFrame(int width, int height) {
        this.width = width;
        this.height = height;
    }

    SyntheticFrame add(Particle p) {
        particles.add(p);
        return this;
    }

    SyntheticFrame noise(double sigma) {
        noiseSigma = sigma;
        return this;
    }

    SyntheticFrame gradient(double gx, double gy) {
        gradientX = gx;
        gradientY = gy;
        return this;
    }

    List<Particle> particles() {
        return particles;
    }

    /**
     * Pixel values: background plus gradient, minus contrast x (fraction of the pixel the particle covers, from an
     * 8 x 8 sub-pixel grid), plus Gaussian noise. A negative contrast makes a bright particle.
     */
    float[] pixels(long seed) {
        Random random = new Random(seed);
        float[] img = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double v = background + gradientX * x + gradientY * y;
                for (Particle p : particles) {
                    v -= p.contrast * coverage(p, x, y);
                }
                img[y * width + x] = (float) (v + noiseSigma * random.nextGaussian());
            }
        }
        return img;
    }

    Frame frame(long seed) {
        return Frame.ofFloats(width, height, pixels(seed));
    }

    Frame uint16Frame(long seed) {
        float[] px = pixels(seed);
        Frame f = Frame.blank(width, height, org.lptem.core.PixelType.UINT16);
        for (int i = 0; i < px.length; i++) {
            f.set(i, px[i]);
        }
        return f;
    }

    private static double coverage(Particle p, int px, int py) {
        double reach = Math.max(p.semiA, p.semiB) + 1;
        if (Math.abs(px - p.x) > reach || Math.abs(py - p.y) > reach) {
            return 0;
        }
        double c = Math.cos(Math.toRadians(p.angleDeg));
        double s = Math.sin(Math.toRadians(p.angleDeg));
        int sub = 8;
        int inside = 0;
        for (int j = 0; j < sub; j++) {
            for (int i = 0; i < sub; i++) {
                double dx = px - 0.5 + (i + 0.5) / sub - p.x;
                double dy = py - 0.5 + (j + 0.5) / sub - p.y;
                double u = (dx * c + dy * s) / p.semiA;
                double v = (-dx * s + dy * c) / p.semiB;
                if (u * u + v * v <= 1) {
                    inside++;
                }
            }
        }
        return inside / (double) (sub * sub);
    }
}
