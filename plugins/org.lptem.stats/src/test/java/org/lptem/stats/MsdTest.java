package org.lptem.stats;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.lptem.core.Calibration;
import org.lptem.core.Detection;
import org.lptem.core.LptemException;
import org.lptem.core.Track;
import org.junit.jupiter.api.Test;

class MsdTest {

    private static Track track(int id, double[][] frameXy) {
        List<Detection> points = new ArrayList<>();
        for (double[] p : frameXy) {
            points.add(Detection.at((int) p[0], p[1], p[2]));
        }
        return new Track(id, points);
    }

    @Test
    void missingFrameGivesExactLags() {
        // frames 0, 1, 3, 4 at (0,0), (1,0), (1,2), (2,2):
        // lag 1: 0->1 = 1, 3->4 = 1 -> 1 (n 2); lag 2: 1->3 = 4 (n 1); lag 3: 0->3 = 1+4, 1->4 = 1+4 -> 5 (n 2);
        // lag 4: 0->4 = 4+4 = 8 (n 1).
        Track t = track(1, new double[][] {{0, 0, 0}, {1, 1, 0}, {3, 1, 2}, {4, 2, 2}});
        MsdCurve c = Msd.timeAveraged(t, 10);
        assertArrayEquals(new int[] {1, 2, 3, 4}, c.lagFrames());
        assertArrayEquals(new double[] {1, 4, 5, 8}, c.msdPx2(), 1e-12);
        assertArrayEquals(new long[] {2, 1, 2, 1}, c.n());
        MsdCurve capped = Msd.timeAveraged(t, 2);
        assertArrayEquals(new int[] {1, 2}, capped.lagFrames());
    }

    @Test
    void lagsNoPairSpansAreLeftOut() {
        // frames 0, 2, 4: only even lags exist
        Track t = track(1, new double[][] {{0, 0, 0}, {2, 3, 0}, {4, 3, 4}});
        MsdCurve c = Msd.timeAveraged(t, 5);
        assertArrayEquals(new int[] {2, 4}, c.lagFrames());
        assertArrayEquals(new double[] {(9 + 16) / 2.0, 9 + 16}, c.msdPx2(), 1e-12);
        assertArrayEquals(new long[] {2, 1}, c.n());
    }

    @Test
    void ensemblePoolsDisplacementsNotTrackMeans() {
        // Track A: 3 points moving 1 px per frame (two lag-1 displacements of 1); track B: 2 points 3 px apart.
        // Pooled lag 1: (1 + 1 + 9) / 3, not the mean of track means (1 + 9) / 2.
        Track a = track(1, new double[][] {{0, 0, 0}, {1, 1, 0}, {2, 2, 0}});
        Track b = track(2, new double[][] {{5, 0, 0}, {6, 0, 3}});
        MsdCurve c = Msd.ensemble(List.of(a, b), 5);
        assertArrayEquals(new int[] {1, 2}, c.lagFrames());
        assertArrayEquals(new double[] {11.0 / 3, 4}, c.msdPx2(), 1e-12);
        assertArrayEquals(new long[] {3, 1}, c.n());
    }

    @Test
    void brownianEnsembleMsdIsFourDLag() {
        double d = 0.5;
        MsdCurve c = Msd.ensemble(BrownianTracks.generate(11, 500, 100, d, 0), 10);
        assertEquals(10, c.size());
        for (int i = 0; i < c.size(); i++) {
            int lag = c.lag(i);
            assertEquals(4 * d * lag, c.msd(i), 0.03 * 4 * d * lag, "lag " + lag);
            assertEquals(500L * (100 - lag), c.count(i));
        }
    }

    @Test
    void fitRecoversDiffusionCoefficient() {
        double d = 0.5;
        MsdCurve c = Msd.ensemble(BrownianTracks.generate(12, 500, 100, d, 0), 10);
        MsdFit fit = Msd.fitLinear(c, 4);
        assertEquals(d, fit.diffusionPx2PerFrame(), 0.03 * d);
        assertEquals(4, fit.points());
        assertEquals(0, fit.offsetPx2(), 0.05, "no localisation noise, no offset");
    }

    @Test
    void localisationNoiseShowsUpAsTheOffset() {
        double d = 0.5;
        double sigma = 1.0;
        MsdCurve c = Msd.ensemble(BrownianTracks.generate(13, 500, 100, d, sigma), 10);
        MsdFit fit = MsdFit.fitLinear(c, 5);
        assertEquals(4 * sigma * sigma, fit.offsetPx2(), 0.15 * 4 * sigma * sigma);
        assertEquals(d, fit.diffusionPx2PerFrame(), 0.05 * d);
        assertEquals(sigma, fit.localisationErrorPx(), 0.08);
    }

    @Test
    void fitOfAnExactLineIsExact() {
        MsdCurve line = new MsdCurve(new int[] {1, 2, 4, 8}, new double[] {7, 11, 19, 1000}, new long[] {1, 1, 1, 1});
        MsdFit fit = Msd.fitLinear(line, 3);
        assertEquals(1, fit.diffusionPx2PerFrame(), 1e-12);
        assertEquals(3, fit.offsetPx2(), 1e-12);
        assertThrows(LptemException.class, () -> Msd.fitLinear(line, 5));
        assertThrows(LptemException.class, () -> Msd.fitLinear(line, 1));
    }

    @Test
    void calibrationConvertsUnits() {
        MsdCurve c = new MsdCurve(new int[] {1, 3}, new double[] {2, 6}, new long[] {10, 8});
        Calibration cal = Calibration.of(0.5, 0.01);
        assertArrayEquals(new double[] {0.01, 0.03}, c.lagSeconds(cal), 1e-15);
        assertArrayEquals(new double[] {0.5, 1.5}, c.msdNm2(cal), 1e-15);
        MsdFit fit = new MsdFit(0.5, 0.1, 3);
        // 0.5 px^2/frame x 0.25 nm^2/px^2 / 0.01 s/frame = 12.5 nm^2/s
        assertEquals(12.5, fit.diffusionNm2PerS(cal), 1e-12);
        assertThrows(LptemException.class, () -> c.lagSeconds(Calibration.of(0.5, null)));
        assertThrows(LptemException.class, () -> c.msdNm2(Calibration.of(null, 0.01)));
        assertThrows(LptemException.class, () -> fit.diffusionNm2PerS(Calibration.of(0.5, null)));
        assertThrows(LptemException.class, () -> new MsdCurve(new int[0], new double[0], new long[0])
                .msdNm2(Calibration.NONE));
    }

    @Test
    void longGapFreeTrackIsFastAndExact() {
        // uniform motion of 0.3 px/frame in x and 0.4 in y: every displacement at lag n is exactly (0.5 n)^2
        List<Detection> points = new ArrayList<>();
        for (int f = 0; f < 10_000; f++) {
            points.add(Detection.at(f, 0.3 * f, 0.4 * f));
        }
        Track t = new Track(1, points);
        MsdCurve c = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Msd.timeAveraged(t, 2500));
        assertEquals(2500, c.size());
        for (int i = 0; i < c.size(); i += 97) {
            int lag = c.lag(i);
            assertEquals(0.25 * lag * lag, c.msd(i), 1e-9 * lag * lag);
            assertEquals(10_000 - lag, c.count(i));
        }
    }

    @Test
    void defaultMaxLagIsAQuarterOfTheLongestSpan() {
        Track shortTrack = track(1, new double[][] {{0, 0, 0}, {1, 0, 0}});
        Track longTrack = track(2, new double[][] {{10, 0, 0}, {49, 0, 0}});
        assertEquals(10, Msd.defaultMaxLag(List.of(shortTrack, longTrack)));
        assertEquals(1, Msd.defaultMaxLag(List.of(shortTrack)));
        assertEquals(1, Msd.defaultMaxLag(List.of()));
    }

    @Test
    void defaultMaxLagIsTheAnalysisRuleOfAtLeastTenFrames() {
        // a quarter of these spans (20 and 6 frames) would leave 5 and 1 lags
        Track twenty = track(1, new double[][] {{0, 0, 0}, {19, 0, 0}});
        Track six = track(2, new double[][] {{3, 0, 0}, {8, 0, 0}});
        assertEquals(10, Msd.defaultMaxLag(List.of(twenty, six)));
        assertEquals(5, Msd.defaultMaxLag(List.of(six)));
        for (Track t : List.of(twenty, six)) {
            assertEquals(MsdAnalysis.defaultMaxLag(List.of(TrackSeries.of(t))), Msd.defaultMaxLag(List.of(t)));
        }
    }

    @Test
    void badArgumentsAreNamed() {
        Track t = track(1, new double[][] {{0, 0, 0}, {1, 0, 0}});
        assertEquals("maximum lag must be >= 1 frame, got 0",
                assertThrows(LptemException.class, () -> Msd.timeAveraged(t, 0)).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new MsdCurve(new int[] {2, 1}, new double[2], new long[2]));
    }

    @Test
    void curveKeepsItsOwnCopyOfTheInput() {
        int[] lags = {1, 2};
        MsdCurve c = new MsdCurve(lags, new double[] {1, 2}, new long[] {3, 4});
        lags[0] = 7;
        assertArrayEquals(new int[] {1, 2}, c.lagFrames());
        assertEquals(new MsdCurve(new int[] {1, 2}, new double[] {1, 2}, new long[] {3, 4}), c);
    }
}
