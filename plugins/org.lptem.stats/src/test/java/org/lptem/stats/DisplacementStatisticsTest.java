package org.lptem.stats;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class DisplacementStatisticsTest {

    @Test
    void brownianDisplacementsAreGaussian() {
        List<TrackSeries> tracks = TestTracks.brownian(401, 1000, 200, 1, 0.2);
        for (DisplacementMoments m : DisplacementMoments.perLag(tracks, 10)) {
            if (m.lag() == 1 || m.lag() == 2 || m.lag() == 5 || m.lag() == 10) {
                System.out.printf("Brownian lag %d: alpha2 %.4f, skewness %.4f, excess kurtosis %.4f%n", m.lag(),
                        m.alpha2(), m.skewness(), m.excessKurtosis());
            }
            assertEquals(0, m.alpha2(), 0.02, "alpha2 at lag " + m.lag());
            assertEquals(0, m.skewness(), 0.02, "skewness at lag " + m.lag());
            assertEquals(0, m.excessKurtosis(), 0.06, "kurtosis at lag " + m.lag());
            assertEquals(1000L * (200 - m.lag()), m.n());
            assertEquals(4 * 0.5 * m.lag() + 4 * 0.04, m.msd(), 0.03 * m.msd());
        }
    }

    @Test
    void ctrwDisplacementsHaveHeavyTails() {
        List<TrackSeries> tracks = TestTracks.ctrw(402, 1000, 200, 0.6, 1);
        for (int lag : new int[] {1, 5, 20}) {
            DisplacementMoments m = DisplacementMoments.of(DisplacementSample.of(tracks, lag));
            System.out.printf("CTRW (waiting-time exponent 0.6) lag %d: alpha2 %.3f%n", lag, m.alpha2());
            assertTrue(m.alpha2() > 0.5, "alpha2 at lag " + lag + ": " + m.alpha2());
            VanHove v = VanHove.of(DisplacementSample.of(tracks, lag), 41, 5);
            int centre = 20;
            assertTrue(v.kde()[centre] > 1.5 * v.gaussian()[centre], "CTRW is peaked at zero displacement");
        }
    }

    @Test
    void vanHoveOfGaussianDisplacementsMatchesItsGaussianReference() {
        List<TrackSeries> tracks = TestTracks.brownian(403, 500, 100, 2, 0);
        VanHove v = VanHove.of(DisplacementSample.of(tracks, 4), 61, 4);
        assertEquals(2 * 500 * 96, v.n());
        double width = v.centres()[1] - v.centres()[0];
        double histogramMass = 0;
        double kdeMass = 0;
        double worst = 0;
        for (int b = 0; b < v.centres().length; b++) {
            histogramMass += v.histogram()[b] * width;
            kdeMass += v.kde()[b] * width;
            worst = Math.max(worst, Math.abs(v.kde()[b] - v.gaussian()[b]));
        }
        double peak = 1 / (Math.sqrt(2 * Math.PI) * 4); // sd = 2 x sqrt(4)
        assertEquals(0.9999, histogramMass, 0.002, "mass within 4 sd");
        assertEquals(1, kdeMass, 0.003);
        assertTrue(worst < 0.02 * peak, "KDE deviates from the Gaussian by " + worst / peak + " of the peak");
        assertEquals(peak, v.gaussian()[30], 0.01 * peak);
    }

    @Test
    void vacfMatchesTheoryForBrownianNoiseAndFbm() {
        List<TrackSeries> brownian = TestTracks.brownian(404, 500, 200, 1, 0);
        VelocityAutocorrelation b = VelocityAutocorrelation.of(brownian, 5, 1);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, b.lagFrames());
        assertEquals(2, b.vacf()[0], 0.02, "<v^2> = 2 step^2 in 2D");
        for (int i = 1; i < b.size(); i++) {
            assertEquals(0, b.normalized()[i], 0.01, "lag " + i);
        }
        VelocityAutocorrelation wide = VelocityAutocorrelation.of(brownian, 5, 3);
        for (int i = 0; i < wide.size(); i++) {
            assertEquals(Math.max(0, 1 - i / 3.0), wide.normalized()[i], 0.02, "delta 3, lag " + i);
        }
        double sigma = 0.5;
        VelocityAutocorrelation noisy = VelocityAutocorrelation.of(TestTracks.brownian(405, 500, 200, 1, sigma), 3, 1);
        assertEquals(-2 * sigma * sigma, noisy.vacf()[1], 0.03, "localisation noise anticorrelates successive steps");

        java.util.SplittableRandom random = new java.util.SplittableRandom(406);
        for (double alpha : new double[] {0.5, 1.5}) {
            List<TrackSeries> fbm = new java.util.ArrayList<>();
            for (int i = 0; i < 300; i++) {
                fbm.add(TestTracks.fbm(random, i + 1, 200, alpha, 1, 0));
            }
            VelocityAutocorrelation v = VelocityAutocorrelation.of(fbm, 3, 1);
            assertEquals(Math.pow(2, alpha - 1) - 1, v.normalized()[1], 0.02, "fBm alpha " + alpha);
        }
    }

    @Test
    void turningAnglesShowPersistence() {
        assertEquals(0, TurningAngles.of(TestTracks.brownian(407, 300, 200, 1, 0), 1, 36).meanCosine(), 0.01);
        java.util.SplittableRandom random = new java.util.SplittableRandom(408);
        for (double alpha : new double[] {0.4, 1.6}) {
            List<TrackSeries> fbm = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                fbm.add(TestTracks.fbm(random, i + 1, 200, alpha, 1, 0));
            }
            TurningAngles t = TurningAngles.of(fbm, 1, 36);
            assertEquals(alpha < 1, t.meanCosine() < -0.2, "alpha " + alpha + ": <cos> " + t.meanCosine());
            assertEquals(alpha > 1, t.meanCosine() > 0.2, "alpha " + alpha + ": <cos> " + t.meanCosine());
            double mass = 0;
            for (double d : t.density()) {
                mass += d * 10;
            }
            assertEquals(1, mass, 1e-9);
        }
        // a square walked counter-clockwise on screen (y down): every turn is -90 degrees
        TrackSeries square = new TrackSeries(1, new int[] {0, 1, 2, 3, 4}, new double[] {0, 1, 1, 0, 0},
                new double[] {0, 0, -1, -1, 0});
        TurningAngles sq = TurningAngles.of(List.of(square), 1, 4);
        assertEquals(3, sq.n());
        assertEquals(0, sq.meanCosine(), 1e-12);
        assertEquals(3 / (3 * 90.0), sq.density()[1], 1e-12, "all in the bin [-90, 0)");
    }

    @Test
    void shapeDescriptors() {
        int n = 360;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 5 * Math.cos(Math.toRadians(i));
            y[i] = 5 * Math.sin(Math.toRadians(i));
        }
        TrackShape circle = TrackShape.of(new TrackSeries(1, TestTracks.range(n), x, y));
        assertEquals(5, circle.radiusOfGyration(), 1e-9);
        assertEquals(0, circle.asymmetry(), 1e-9);
        assertTrue(circle.confinementRatio() < 0.01);
        TrackShape line = TrackShape.of(new TrackSeries(2, new int[] {0, 1, 3}, new double[] {0, 3, 6},
                new double[] {0, 4, 8}));
        assertEquals(1, line.confinementRatio(), 1e-12);
        assertEquals(10, line.pathLength(), 1e-12);
        assertEquals(1, line.asymmetry(), 1e-12);
        assertEquals(Math.sqrt(2 * 25 / 3.0), line.radiusOfGyration(), 1e-12);
        assertEquals(4, line.spanFrames());
    }

    @Test
    void ergodicityBreakingOfBrownianTracksIsQianVariance() {
        List<TrackSeries> tracks = TestTracks.brownian(409, 2000, 100, 1, 0);
        List<MsdCurve> curves = new TimeAveragedMsd().computeAll(tracks, 20);
        ErgodicityBreaking eb = ErgodicityBreaking.of(curves);
        for (int i : new int[] {0, 4, 19}) {
            double expected = QianVariance.relative(eb.lagFrames()[i], 100 - eb.lagFrames()[i]);
            assertEquals(expected, eb.eb()[i], 0.1 * expected, "lag " + eb.lagFrames()[i]);
        }
        List<MsdCurve> ctrw = new TimeAveragedMsd().computeAll(TestTracks.ctrw(410, 2000, 100, 0.5, 1), 20);
        assertTrue(ErgodicityBreaking.of(ctrw).eb()[0] > 0.3, "CTRW breaks ergodicity");
    }

    @Test
    void ensembleCurves() {
        // Track A at 0, 1, 2 (x), track B at 0, 3: from origin lag 1 = (1 + 9) / 2, lag 2 = 4 / 1
        TrackSeries a = new TrackSeries(1, new int[] {0, 1, 2}, new double[] {0, 1, 2}, new double[3]);
        TrackSeries b = new TrackSeries(2, new int[] {5, 6}, new double[] {0, 3}, new double[2]);
        MsdCurve origin = EnsembleMsd.fromOrigin(List.of(a, b), 5);
        assertArrayEquals(new double[] {5, 4}, origin.msdPx2(), 1e-12);
        assertArrayEquals(new long[] {2, 1}, origin.n());
        // Qian weights: at lag 1, A has K = 2 (weight 1 / (1/2)), B has K = 1 (weight 1): (2 x 1 + 1 x 9) / 3
        WeightedMsd mean = EnsembleMsd.timeAveragedMean(List.of(TimeAveragedMsd.of(a, 5), TimeAveragedMsd.of(b, 5)));
        assertEquals(11.0 / 3, mean.curve().msd(0), 1e-12);
        assertEquals(1.0 / 3, mean.relativeVariance()[0], 1e-12);
        assertEquals(2, mean.curve().count(0));
        assertEquals(1, QianVariance.relative(1, 1), 1e-15);
    }

    @Test
    void rotationalDiffusionOfRods() {
        double dr = 0.01; // rad^2/frame
        List<TrackSeries> rods = TestTracks.rods(411, 600, 200, 1, dr, 4);
        List<TrackSeries> angles = Orientations.angleSeries(rods);
        assertEquals(600, angles.size());
        MsdResult r = MsdAnalysis.run(angles, MsdModel.angular(0), MsdSettings.defaults().withBootstrap(0, 1),
                org.lptem.core.Progress.NONE);
        double drDeg2 = dr * Math.pow(180 / Math.PI, 2);
        System.out.printf("rods 600 x 200: D_r %.3f deg^2/frame (true %.3f), orientation noise %.3f deg (true 4)%n",
                r.ensemble().diffusion().diffusion(), drDeg2, r.ensemble().sigma());
        assertEquals(drDeg2, r.ensemble().diffusion().diffusion(), 0.05 * drDeg2, "D_r in deg^2/frame");
        assertEquals(4, r.ensemble().sigma(), 0.4, "orientation noise, deg");
        assertEquals(1, r.ensemble().anomalous().alpha(), 0.05);
    }

    @Test
    void unwrappingUndoesTheHundredEightyDegreeAmbiguity() {
        double[] wrapped = {80, -85, -60, 89, -89, 10};
        assertArrayEquals(new double[] {80, 95, 120, 89, 91, 10}, Orientations.unwrap180(wrapped), 1e-12);
    }
}
