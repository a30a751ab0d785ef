package org.lptem.stats;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lptem.core.Progress;

class BootstrapTest {

    @Test
    void intervalsAreReproducibleAndCoverTheTruth() {
        List<TrackSeries> tracks = TestTracks.brownian(301, 120, 100, 1, 0.3);
        MsdSettings settings = MsdSettings.defaults().withBootstrap(100, 7);
        MsdResult a = MsdAnalysis.run(tracks, settings, Progress.NONE);
        MsdResult b = MsdAnalysis.run(tracks, settings, Progress.NONE);
        assertEquals(a.ensemble(), b.ensemble());
        assertEquals(a.tracks().get(5).fit(), b.tracks().get(5).fit());
        assertEquals(a.timeAveragedMeanCi(), b.timeAveragedMeanCi());

        MsdParameters e = a.ensemble();
        assertContains(e.diffusionCi(), 0.5, "ensemble D");
        assertContains(e.alphaCi(), 1, "ensemble alpha");
        assertContains(e.sigmaCi(), 0.3, "sigma");
        // 120 tracks x 100 frames: D is known to a few percent, mostly limited by the shared sigma
        assertTrue(e.diffusionCi().hi() - e.diffusionCi().lo() < 0.1, "D interval " + e.diffusionCi());

        // Per track, about 95% of the intervals contain the truth.
        long coverD = a.tracks().stream().filter(t -> t.fit().diffusionCi().lo() <= 0.5
                && 0.5 <= t.fit().diffusionCi().hi()).count();
        long coverAlpha = a.tracks().stream().filter(t -> t.fit().alphaCi().lo() <= 1
                && 1 <= t.fit().alphaCi().hi()).count();
        System.out.printf("bootstrap coverage of 95%% intervals over 120 Brownian tracks: D %d, alpha %d%n", coverD,
                coverAlpha);
        assertTrue(coverD >= 102 && coverAlpha >= 102, "coverage D " + coverD + ", alpha " + coverAlpha);

        MsdResult other = MsdAnalysis.run(tracks, MsdSettings.defaults().withBootstrap(100, 8), Progress.NONE);
        assertNotEquals(a.ensemble().diffusionCi(), other.ensemble().diffusionCi(), "another seed, other resamples");
    }

    @Test
    void perTrackAndCovarianceMethodsGiveIntervalsToo() {
        List<TrackSeries> tracks = TestTracks.brownian(302, 30, 100, 1, 0.3);
        for (LocalisationMethod m : new LocalisationMethod[] {LocalisationMethod.PER_TRACK,
                LocalisationMethod.COVARIANCE, LocalisationMethod.FIXED}) {
            MsdResult r = MsdAnalysis.run(tracks, MsdSettings.defaults().withBootstrap(40, 1).withLocalisation(m, 0.3),
                    Progress.NONE);
            TrackMsd t = r.tracks().get(0);
            assertTrue(t.fit().alphaCi().known() && t.fit().diffusionCi().known(), m + ": " + t.fit());
            assertEquals(m != LocalisationMethod.FIXED, t.fit().sigmaCi().known(), m + " sigma interval");
            assertTrue(r.ensemble().alphaCi().known(), m.toString());
        }
    }

    @Test
    void trackReplicatesAreFittedThroughExactlyAsManyLagsAsTheData() {
        List<TrackSeries> tracks = TestTracks.brownian(303, 20, 60, 1, 0.3);
        for (int maxLag : new int[] {4, 0}) {
            MsdResult r = MsdAnalysis.run(tracks, MsdSettings.defaults().withBootstrap(0, 1).withMaxLag(maxLag),
                    Progress.NONE);
            MsdParameters fit = r.tracks().get(0).fit();
            if (maxLag == 4) {
                assertEquals(4, fit.anomalous().points(), "the data's alpha fit is limited by the 4 lags");
            }
            double[] sigma2 = new double[30];
            Arrays.fill(sigma2, fit.sigma2());
            List<TrackBootstrap.Replicate> replicates = TrackBootstrap.replicates(tracks.get(0), fit,
                    MsdModel.planar(0), LocalisationMethod.ENSEMBLE, sigma2, 30, 5, r.maxLagFrames());
            assertEquals(30, replicates.size());
            for (TrackBootstrap.Replicate b : replicates) {
                assertEquals(fit.anomalous().points(), b.anomalous().points(), "alpha lags, max lag " + maxLag);
                assertEquals(fit.diffusion().points(), b.diffusion().points(), "D lags, max lag " + maxLag);
                assertTrue(b.anomalous().ok(), b.anomalous().toString());
            }
        }
    }

    private static void assertContains(Interval ci, double value, String what) {
        assertTrue(ci.lo() <= value && value <= ci.hi(), what + ": " + value + " not in " + ci);
    }
}
