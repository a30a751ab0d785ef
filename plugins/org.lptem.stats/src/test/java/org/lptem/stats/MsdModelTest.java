package org.lptem.stats;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lptem.core.LptemException;

class MsdModelTest {

    @Test
    void withoutBlurTheShapeIsAPowerLaw() {
        MsdModel m = MsdModel.planar(0);
        assertEquals(Math.pow(7, 0.6), m.shape(0.6, 7), 1e-15);
        assertEquals(4 * (0.5 * 3 + 0.25), m.msd(0.5, 1, 0.25, 3), 1e-15);
        assertEquals(2 * (0.5 * 3 + 0.25), MsdModel.angular(0).msd(0.5, 1, 0.25, 3), 1e-15);
    }

    @Test
    void brownianBlurLowersTheOffsetByAThirdOfAFrameTimesTheExposure() {
        for (double f : new double[] {1, 0.5, 0.01}) {
            MsdModel m = MsdModel.planar(f);
            for (int n : new int[] {1, 2, 10, 1000}) {
                assertEquals(n - f / 3, m.shape(1, n), 1e-9 * n, "f " + f + ", lag " + n);
            }
            assertEquals(f / 6, m.blurCoefficient(), 1e-15);
        }
    }

    @Test
    void blurredShapeIsContinuousWhereTheSeriesTakesOver() {
        MsdModel m = MsdModel.planar(0.1);
        for (double alpha : new double[] {0.3, 1.0, 1.7}) {
            double below = m.shape(alpha, 1.9999999);
            double above = m.shape(alpha, 2.0000001);
            assertEquals(below, above, 1e-6 * below, "alpha " + alpha);
            // far from the exposure, blur lowers the curve by the constant f^alpha I(0), plus O((f/n)^2)
            double offset = Math.pow(0.1, alpha) * 2 / ((alpha + 1) * (alpha + 2));
            assertEquals(Math.pow(500, alpha), m.shape(alpha, 500) + offset, 1e-6 * Math.pow(500, alpha));
        }
    }

    @Test
    void blurredShapeMatchesSimulatedCameraAveraging() {
        // Brownian motion on 40 substeps per frame; a frame records the mean over its first f of the substeps.
        SplittableRandom random = new SplittableRandom(3);
        int frames = 4000;
        int sub = 40;
        double f = 0.75;
        double[] x = new double[frames];
        double[] y = new double[frames];
        double px = 0;
        double py = 0;
        for (int i = 0; i < frames; i++) {
            double sx = 0;
            double sy = 0;
            int exposed = (int) Math.round(f * sub);
            for (int s = 0; s < sub; s++) {
                px += random.nextGaussian() / Math.sqrt(sub);
                py += random.nextGaussian() / Math.sqrt(sub);
                if (s < exposed) {
                    sx += px;
                    sy += py;
                }
            }
            x[i] = sx / exposed;
            y[i] = sy / exposed;
        }
        MsdCurve c = TimeAveragedMsd.of(new TrackSeries(1, TestTracks.range(frames), x, y), 5);
        MsdModel m = MsdModel.planar(f);
        for (int i = 0; i < 5; i++) {
            // unit variance per axis per frame: D = 0.5
            assertEquals(m.msd(0.5, 1, 0, c.lag(i)), c.msd(i), 0.05 * c.msd(i), "lag " + c.lag(i));
        }
    }

    @Test
    void badModelsAreRejected() {
        assertThrows(LptemException.class, () -> MsdModel.planar(1.5));
        assertThrows(IllegalArgumentException.class, () -> new MsdModel(3, 0));
    }
}
