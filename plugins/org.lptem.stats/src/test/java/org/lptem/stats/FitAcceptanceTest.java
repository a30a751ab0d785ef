package org.lptem.stats;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lptem.core.Progress;

/** The acceptance figures on simulated trajectories, through the same analysis that writes fits.csv. */
class FitAcceptanceTest {
    private static final MsdSettings NO_BOOTSTRAP = MsdSettings.defaults().withBootstrap(0, 1);

    @Test
    void brownianDiffusionWithinTwoPercentAndSigmaWithinTenPercent() {
        double step = 1; // per axis: D = step^2 / 2 = 0.5 px^2/frame
        double sigma = 0.3;
        List<TrackSeries> tracks = TestTracks.brownian(101, 1000, 200, step, sigma);
        MsdResult r = MsdAnalysis.run(tracks, NO_BOOTSTRAP, Progress.NONE);
        double d = 0.5;
        System.out.printf("Brownian 1000 x 200: ensemble D %.5f, mean track D %.5f (true 0.5), sigma %.4f (CVE %.4f, "
                + "true 0.3)%n", r.ensemble().diffusion().diffusion(), r.tracks().stream()
                        .mapToDouble(t -> t.fit().diffusion().diffusion()).average().orElseThrow(),
                r.ensemble().sigma(), Math.sqrt(LocalisationError.covarianceSigma2(tracks, MsdModel.planar(0))));
        assertEquals(d, r.ensemble().diffusion().diffusion(), 0.02 * d, "ensemble D");
        double mean = r.tracks().stream().mapToDouble(t -> t.fit().diffusion().diffusion()).average().orElseThrow();
        assertEquals(d, mean, 0.02 * d, "mean of per-track D");
        assertEquals(sigma, r.ensemble().sigma(), 0.1 * sigma, "ensemble-profile sigma");
        assertEquals(1, r.ensemble().anomalous().alpha(), 0.02, "ensemble alpha");
        assertEquals(1000, r.profiledTracks());

        MsdModel model = MsdModel.planar(0);
        assertEquals(sigma, Math.sqrt(LocalisationError.covarianceSigma2(tracks, model)), 0.1 * sigma, "CVE sigma");
        assertEquals(d, LocalisationError.covarianceDiffusion(tracks, model), 0.02 * d, "CVE D");
        MsdResult cve = MsdAnalysis.run(tracks, NO_BOOTSTRAP.withLocalisation(LocalisationMethod.COVARIANCE, 0),
                Progress.NONE);
        assertEquals(d, cve.ensemble().diffusion().diffusion(), 0.02 * d);
    }

    /** 1,000 fBm tracks of 200 frames, alpha uniform in (0.1, 1.9), unit step per axis. */
    private static double alphaMae(double noise, LocalisationMethod method, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<TrackSeries> tracks = new ArrayList<>();
        double[] alpha = new double[1000];
        for (int i = 0; i < alpha.length; i++) {
            alpha[i] = 0.1 + 1.8 * random.nextDouble();
            tracks.add(TestTracks.fbm(random, i + 1, 200, alpha[i], 1, noise));
        }
        MsdResult r = MsdAnalysis.run(tracks, NO_BOOTSTRAP.withLocalisation(method, 0), Progress.NONE);
        double mae = 0;
        for (int i = 0; i < alpha.length; i++) {
            mae += Math.abs(r.tracks().get(i).fit().anomalous().alpha() - alpha[i]);
        }
        return mae / alpha.length;
    }

    @Test
    void fbmAlphaErrorWithoutNoise() {
        double mae = alphaMae(0, LocalisationMethod.ENSEMBLE, 202);
        System.out.printf("fBm 1000 x 200, no noise: alpha MAE %.4f%n", mae);
        assertTrue(mae <= 0.10, "alpha MAE " + mae);
    }

    @Test
    void fbmAlphaErrorWithLocalisationNoiseOfAThirdOfAStep() {
        double mae = alphaMae(0.3, LocalisationMethod.ENSEMBLE, 203);
        System.out.printf("fBm 1000 x 200, noise 0.3 step: alpha MAE %.4f%n", mae);
        assertTrue(mae <= 0.15, "alpha MAE " + mae);
    }

    @Test
    void aFreeOffsetPerTrackIsWorseThanTheEnsembleEstimate() {
        double free = alphaMae(0.3, LocalisationMethod.PER_TRACK, 204);
        double ensemble = alphaMae(0.3, LocalisationMethod.ENSEMBLE, 204);
        System.out.printf("fBm 1000 x 200, noise 0.3 step: alpha MAE %.4f with a free offset per track, %.4f with "
                + "the ensemble sigma%n", free, ensemble);
        assertTrue(free > ensemble + 0.03, "per-track offset " + free + ", ensemble " + ensemble);
    }
}
