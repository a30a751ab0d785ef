package org.lptem.stats;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lptem.core.Progress;

class MotionBlurTest {

    /** Brownian tracks recorded by a camera that averages each frame over its whole duration (20 substeps). */
    private static List<TrackSeries> blurredBrownian(long seed, int tracks, int frames) {
        SplittableRandom random = new SplittableRandom(seed);
        int sub = 20;
        List<TrackSeries> out = new ArrayList<>();
        for (int t = 0; t < tracks; t++) {
            double[] x = new double[frames];
            double[] y = new double[frames];
            double px = 0;
            double py = 0;
            for (int f = 0; f < frames; f++) {
                double sx = 0;
                double sy = 0;
                for (int s = 0; s < sub; s++) {
                    px += random.nextGaussian() / Math.sqrt(sub);
                    py += random.nextGaussian() / Math.sqrt(sub);
                    sx += px;
                    sy += py;
                }
                x[f] = sx / sub;
                y[f] = sy / sub;
            }
            out.add(new TrackSeries(t + 1, TestTracks.range(frames), x, y));
        }
        return out;
    }

    @Test
    void theBlurCorrectionRemovesTheBiasOfAlpha() {
        List<TrackSeries> tracks = blurredBrownian(501, 400, 200);
        MsdSettings base = MsdSettings.defaults().withBootstrap(0, 1);
        MsdResult corrected = MsdAnalysis.run(tracks, base.withExposureFraction(1), Progress.NONE);
        MsdResult ignored = MsdAnalysis.run(tracks, base, Progress.NONE);
        double mean = corrected.tracks().stream().mapToDouble(t -> t.fit().anomalous().alpha()).average()
                .orElseThrow();
        double meanIgnored = ignored.tracks().stream().mapToDouble(t -> t.fit().anomalous().alpha()).average()
                .orElseThrow();
        System.out.printf("blurred Brownian: mean alpha %.4f with the blur correction, %.4f without%n", mean,
                meanIgnored);
        assertEquals(1, mean, 0.03);
        assertEquals(1, corrected.ensemble().anomalous().alpha(), 0.03);
        assertTrue(meanIgnored > 1.05, "blur bends the MSD up at short lags: " + meanIgnored);
        // D rests on the slope, which blur does not change; sigma = 0 comes back once blur is accounted for
        assertEquals(0.5, corrected.ensemble().diffusion().diffusion(), 0.015);
        assertEquals(0.5, ignored.ensemble().diffusion().diffusion(), 0.015);
        assertEquals(0, corrected.ensemble().sigma(), 0.05);
    }
}
