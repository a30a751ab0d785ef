package org.lptem.stats;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;

/** The profiling estimates of sigma need 3 lags; without them they must say so, not report sigma = 0. */
class ShortLagLocalisationTest {

    @Test
    void settingsRejectFewerThanThreeLagsForTheProfilingMethods() {
        LptemException ensemble = assertThrows(LptemException.class, () -> MsdSettings.defaults().withMaxLag(2));
        assertTrue(ensemble.getMessage().contains("ENSEMBLE") && ensemble.getMessage().contains("got 2"),
                ensemble.getMessage());
        MsdSettings perTrack = MsdSettings.defaults().withLocalisation(LocalisationMethod.PER_TRACK, Double.NaN);
        LptemException own = assertThrows(LptemException.class, () -> perTrack.withMaxLag(1));
        assertTrue(own.getMessage().contains("PER_TRACK") && own.getMessage().contains("got 1"), own.getMessage());

        for (LocalisationMethod m : new LocalisationMethod[] {LocalisationMethod.COVARIANCE, LocalisationMethod.FIXED,
                LocalisationMethod.NONE}) {
            assertEquals(2, new MsdSettings(2, 0, m, 0.1, 0, 0.95, 1).maxLagFrames(), m.toString());
        }
        assertEquals(3, MsdSettings.defaults().withMaxLag(3).maxLagFrames());
        assertEquals(0, MsdSettings.defaults().withMaxLag(0).maxLagFrames());
    }

    /** Tracks of 3 frames: MSD at lags 1 and 2 only, whatever the maximum lag. */
    private static List<TrackSeries> threeFrameTracks(int n) {
        List<TrackSeries> out = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            out.add(new TrackSeries(t + 1, new int[] {0, 1, 2}, new double[] {t, t + 1.2, t + 0.7},
                    new double[] {0, 0.5, 1.6}));
        }
        return out;
    }

    @Test
    void analysisOfTracksTooShortToProfileSaysSoInsteadOfReportingSigmaZero() {
        for (LocalisationMethod m : new LocalisationMethod[] {LocalisationMethod.ENSEMBLE,
                LocalisationMethod.PER_TRACK}) {
            MsdSettings settings = MsdSettings.defaults().withBootstrap(0, 1).withLocalisation(m, Double.NaN);
            LptemException e = assertThrows(LptemException.class,
                    () -> MsdAnalysis.run(threeFrameTracks(4), settings, Progress.NONE), m.toString());
            assertTrue(e.getMessage().contains(m.toString()) && e.getMessage().contains("no track has one (4 tracks")
                    && e.getMessage().contains("longest track 3 frames"), e.getMessage());
        }
        // the step-covariance estimate needs only three consecutive frames
        MsdResult cve = MsdAnalysis.run(threeFrameTracks(4), MsdSettings.defaults().withBootstrap(0, 1)
                .withLocalisation(LocalisationMethod.COVARIANCE, Double.NaN), Progress.NONE);
        assertEquals(4, cve.tracks().size());
    }

    @Test
    void perTrackSigmaOfATrackTooShortToProfileIsTheEnsembleEstimateNotZero() {
        List<TrackSeries> tracks = new ArrayList<>(TestTracks.brownian(11, 20, 100, 1, 0.5));
        tracks.add(threeFrameTracks(1).get(0));
        MsdSettings settings = MsdSettings.defaults().withBootstrap(0, 1)
                .withLocalisation(LocalisationMethod.PER_TRACK, Double.NaN);
        MsdResult r = MsdAnalysis.run(tracks, settings, Progress.NONE);
        double shortSigma2 = r.tracks().get(20).fit().sigma2();
        assertTrue(r.ensemble().sigma2() > 0.05, "ensemble sigma^2 " + r.ensemble().sigma2());
        assertEquals(r.ensemble().sigma2(), shortSigma2, 1e-12);
        assertNotEquals(shortSigma2, r.tracks().get(0).fit().sigma2(), "long tracks keep their own");
    }
}
