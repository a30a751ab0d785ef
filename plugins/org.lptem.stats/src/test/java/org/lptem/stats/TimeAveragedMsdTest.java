package org.lptem.stats;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimeAveragedMsdTest {

    private static double maxRelativeDifference(MsdCurve a, MsdCurve b) {
        assertArrayEquals(a.lagFrames(), b.lagFrames());
        assertArrayEquals(a.n(), b.n());
        double worst = 0;
        for (int i = 0; i < a.size(); i++) {
            worst = Math.max(worst, Math.abs(a.msd(i) - b.msd(i)) / Math.abs(b.msd(i)));
        }
        return worst;
    }

    private static void assertFftMatchesDirect(TrackSeries t, int maxLag) {
        TimeAveragedMsd msd = new TimeAveragedMsd();
        MsdCurve fft = msd.compute(t, maxLag, TimeAveragedMsd.Method.FFT);
        MsdCurve direct = msd.compute(t, maxLag, TimeAveragedMsd.Method.DIRECT);
        double worst = maxRelativeDifference(fft, direct);
        assertTrue(worst <= 1e-12, "track " + t.particle() + " (" + t.size() + " points, span " + t.spanFrames()
                + "): FFT differs from the direct sum by " + worst + " relative");
    }

    @Test
    void fftEqualsTheDirectSumForCompleteTracks() {
        for (int frames : new int[] {2, 3, 17, 200, 1000, 4096}) {
            for (TrackSeries t : TestTracks.brownian(frames, 3, frames, 0.7, 0.1)) {
                assertFftMatchesDirect(t, frames - 1);
            }
        }
    }

    @Test
    void fftEqualsTheDirectSumForDriftingAndAnomalousTracks() {
        for (TrackSeries t : TestTracks.brownian(5, 3, 2000, 0.5, 0.2, 0.8, -0.3)) {
            assertFftMatchesDirect(t, 1999);
        }
        SplittableRandom random = new SplittableRandom(6);
        for (double alpha : new double[] {0.2, 1.0, 1.8}) {
            assertFftMatchesDirect(TestTracks.fbm(random, 1, 1000, alpha, 1, 0), 999);
        }
    }

    @Test
    void fftEqualsTheDirectSumWithMissingFrames() {
        SplittableRandom random = new SplittableRandom(7);
        for (double fraction : new double[] {0.02, 0.2, 0.6}) {
            for (TrackSeries t : TestTracks.brownian(8, 3, 1000, 1, 0.1, 0.05, 0)) {
                TrackSeries gapped = TestTracks.dropFrames(t, fraction, random);
                assertFftMatchesDirect(gapped, 999);
                assertFftMatchesDirect(gapped, 50);
            }
        }
        // gaps at the very start and end of the lag range, and lags no pair spans
        TrackSeries sparse = new TrackSeries(9, new int[] {0, 3, 4, 10}, new double[] {0, 1, 3, 2},
                new double[] {0, 2, 2, 5});
        assertFftMatchesDirect(sparse, 10);
        assertArrayEquals(new int[] {1, 3, 4, 6, 7, 10}, TimeAveragedMsd.of(sparse, 10).lagFrames());
    }

    @Test
    void autoAgreesWithTheDirectSumForShortLagRanges() {
        TrackSeries t = TestTracks.brownian(10, 1, 500, 1, 0).get(0);
        TimeAveragedMsd msd = new TimeAveragedMsd();
        assertEquals(0, maxRelativeDifference(msd.compute(t, 5),
                msd.compute(t, 5, TimeAveragedMsd.Method.DIRECT)), 1e-15);
        assertTrue(MsdEngine.fftIsCheaper(1000, 1000, 999));
        assertFalse(MsdEngine.fftIsCheaper(1000, 1000, 10));
    }

    @Test
    void pooledEnsembleIsTheSumOfTrackSums() {
        List<TrackSeries> tracks = TestTracks.brownian(11, 4, 300, 1, 0);
        MsdCurve pooled = EnsembleMsd.pooled(tracks, 299);
        TimeAveragedMsd msd = new TimeAveragedMsd();
        MsdCurve fromCurves = EnsembleMsd.pooled(msd.computeAll(tracks, 299));
        assertArrayEquals(pooled.n(), fromCurves.n());
        assertArrayEquals(pooled.msdPx2(), fromCurves.msdPx2(), 1e-12 * pooled.msd(pooled.size() - 1));
        for (int i = 0; i < pooled.size(); i += 37) {
            double sum = 0;
            long n = 0;
            for (TrackSeries t : tracks) {
                MsdCurve c = msd.compute(t, 299, TimeAveragedMsd.Method.DIRECT);
                sum += c.msd(i) * c.count(i);
                n += c.count(i);
            }
            assertEquals(n, pooled.count(i));
            assertEquals(sum / n, pooled.msd(i), 1e-12 * pooled.msd(i));
        }
    }
}
