package org.lptem.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.lptem.core.Detection;
import org.lptem.core.Track;

/** Seeded 2D Brownian tracks: Gaussian steps of variance 2 D per axis per frame, plus optional localisation noise. */
final class BrownianTracks {
    private BrownianTracks() {
    }

    static List<Track> generate(long seed, int tracks, int frames, double diffusion, double noiseSigma) {
        Random random = new Random(seed);
        double step = Math.sqrt(2 * diffusion);
        List<Track> out = new ArrayList<>();
        for (int t = 0; t < tracks; t++) {
            double x = 1000 * random.nextDouble();
            double y = 1000 * random.nextDouble();
            List<Detection> points = new ArrayList<>();
            for (int f = 0; f < frames; f++) {
                if (f > 0) {
                    x += step * random.nextGaussian();
                    y += step * random.nextGaussian();
                }
                points.add(Detection.at(f, x + noiseSigma * random.nextGaussian(),
                        y + noiseSigma * random.nextGaussian()));
            }
            out.add(new Track(t + 1, points));
        }
        return out;
    }
}
