package org.lptem.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lptem.core.LptemException;

class TrajectoriesTest {

    /** 200 small particles in a field so large that walls almost never act: free Brownian motion. */
    private static SimulationSettings manyFree() {
        return SimulationSettings.demo().toBuilder().size(4000, 4000).particles(200).frames(200)
                .particleRadiusNm(4).radiusDispersity(0).build();
    }

    @Test
    void meanSquaredStepIsFourDdt() {
        SimulationSettings s = manyFree();
        Trajectories t = Trajectories.simulate(s);
        double expected = 4 * s.diffusionNm2PerS() * s.secondsPerFrame() / (s.nmPerPixel() * s.nmPerPixel());
        double sumX = 0;
        double sumY = 0;
        long n = 0;
        for (int p = 0; p < t.particleCount(); p++) {
            for (int f = 1; f < t.frameCount(); f++) {
                double dx = t.x(p, f) - t.x(p, f - 1);
                double dy = t.y(p, f) - t.y(p, f - 1);
                sumX += dx * dx;
                sumY += dy * dy;
                n++;
            }
        }
        // 39,800 steps: the relative standard error of the mean squared 2D step is 0.5 %.
        assertEquals(expected, (sumX + sumY) / n, 0.03 * expected);
        assertEquals(expected / 2, sumX / n, 0.04 * expected / 2, "x alone carries 2 D dt");
        assertEquals(expected / 2, sumY / n, 0.04 * expected / 2, "y alone carries 2 D dt");
    }

    @Test
    void stepsAreIndependentSoMsdGrowsLinearly() {
        SimulationSettings s = manyFree();
        Trajectories t = Trajectories.simulate(s);
        int lag = 20;
        double sum = 0;
        long n = 0;
        for (int p = 0; p < t.particleCount(); p++) {
            for (int f = lag; f < t.frameCount(); f += lag) {
                double dx = t.x(p, f) - t.x(p, f - lag);
                double dy = t.y(p, f) - t.y(p, f - lag);
                sum += dx * dx + dy * dy;
                n++;
            }
        }
        double expected = lag * 4 * s.diffusionNm2PerS() * s.secondsPerFrame() / (s.nmPerPixel() * s.nmPerPixel());
        assertEquals(expected, sum / n, 0.05 * expected);
    }

    @Test
    void particlesStayEntirelyInsideTheField() {
        // Fast diffusion in a small field with drift: walls act all the time.
        SimulationSettings s = SimulationSettings.demo().toBuilder().size(120, 90).particles(6).frames(2000)
                .diffusionNm2PerS(2000).drift(0.01, -0.005).radiusDispersity(0.2).build();
        Trajectories t = Trajectories.simulate(s);
        boolean nearLeft = false;
        for (int p = 0; p < t.particleCount(); p++) {
            double r = t.radiusPx(p);
            for (int f = 0; f < t.frameCount(); f++) {
                double x = t.x(p, f);
                double y = t.y(p, f);
                assertTrue(x - r >= -0.5 - 1e-9 && x + r <= s.width() - 0.5 + 1e-9, "x " + x + " r " + r);
                assertTrue(y - r >= -0.5 - 1e-9 && y + r <= s.height() - 0.5 + 1e-9, "y " + y + " r " + r);
                nearLeft |= x - r < 1;
            }
        }
        assertTrue(nearLeft, "the walls should have been reached");
    }

    @Test
    void startPositionsAreWellSeparated() {
        SimulationSettings s = SimulationSettings.demo().toBuilder().particles(40).build();
        Trajectories t = Trajectories.simulate(s);
        for (int p = 0; p < t.particleCount(); p++) {
            for (int q = 0; q < p; q++) {
                double d = Math.hypot(t.x(p, 0) - t.x(q, 0), t.y(p, 0) - t.y(q, 0));
                assertTrue(d >= 1.5 * (t.radiusPx(p) + t.radiusPx(q)) - 1e-9, p + " and " + q + " are " + d + " apart");
            }
        }
    }

    @Test
    void crowdedFieldIsReported() {
        SimulationSettings s = SimulationSettings.demo().toBuilder().particles(200).build();
        LptemException e = assertThrows(LptemException.class, () -> Trajectories.simulate(s));
        assertTrue(e.getMessage().contains("could not place particle"), e.getMessage());
    }

    @Test
    void driftMovesEveryParticleByTheConfiguredAmount() {
        SimulationSettings still = SimulationSettings.demo().toBuilder().diffusionNm2PerS(0).drift(0.7, -0.3).build();
        Trajectories t = Trajectories.simulate(still);
        for (int p = 0; p < t.particleCount(); p++) {
            for (int f = 0; f < t.frameCount(); f++) {
                assertEquals(t.x(p, 0) + 0.7 * f, t.x(p, f), 1e-9);
                assertEquals(t.y(p, 0) - 0.3 * f, t.y(p, f), 1e-9);
            }
        }
        // With diffusion on top the drift survives as the mean velocity.
        SimulationSettings moving = manyFree().toBuilder().drift(0.25, -0.5).build();
        Trajectories m = Trajectories.simulate(moving);
        double sx = 0;
        double sy = 0;
        int last = m.frameCount() - 1;
        for (int p = 0; p < m.particleCount(); p++) {
            sx += (m.x(p, last) - m.x(p, 0)) / last;
            sy += (m.y(p, last) - m.y(p, 0)) / last;
        }
        // Per-particle mean velocity has standard deviation sigma / sqrt(199) = 0.05 px/frame; 200 particles: 0.0035.
        assertEquals(0.25, sx / m.particleCount(), 0.02);
        assertEquals(-0.5, sy / m.particleCount(), 0.02);
    }

    @Test
    void radiiFollowTheDispersity() {
        SimulationSettings s = SimulationSettings.demo().toBuilder().size(4000, 4000).particles(3000).frames(1)
                .particleRadiusNm(6).radiusDispersity(0.1).build();
        Trajectories t = Trajectories.simulate(s);
        double mean = 0;
        for (int p = 0; p < t.particleCount(); p++) {
            mean += t.radiusPx(p);
            assertTrue(Math.abs(t.radiusPx(p) / 3 - 1) <= 0.3 + 1e-12, "truncated at 3 sigma: " + t.radiusPx(p));
        }
        mean /= t.particleCount();
        double var = 0;
        for (int p = 0; p < t.particleCount(); p++) {
            var += Math.pow(t.radiusPx(p) - mean, 2);
        }
        double relStd = Math.sqrt(var / (t.particleCount() - 1)) / mean;
        assertEquals(3, mean, 0.01 * 3);
        // A normal truncated at 3 sigma keeps 98.7 % of the standard deviation.
        assertEquals(0.1 * 0.987, relStd, 0.006);
    }

    @Test
    void moreFramesExtendTheSamePaths() {
        SimulationSettings shortRun = SimulationSettings.demo().toBuilder().frames(20).build();
        Trajectories a = Trajectories.simulate(shortRun);
        Trajectories b = Trajectories.simulate(shortRun.toBuilder().frames(50).build());
        for (int p = 0; p < a.particleCount(); p++) {
            for (int f = 0; f < 20; f++) {
                assertEquals(a.x(p, f), b.x(p, f));
                assertEquals(a.y(p, f), b.y(p, f));
            }
        }
    }

    @Test
    void reflectionFoldsOvershootsBackLikeAMirror() {
        assertEquals(2.5, Trajectories.reflect(2.5, 1, 5), 0);
        assertEquals(1.5, Trajectories.reflect(0.5, 1, 5), 1e-12);
        assertEquals(4, Trajectories.reflect(6, 1, 5), 1e-12);
        // 10 mirrors at 5 to 0, which mirrors at 1 to 2; -9 mirrors at 1, 5 and 1 again.
        assertEquals(2, Trajectories.reflect(10, 1, 5), 1e-12);
        assertEquals(3, Trajectories.reflect(-9, 1, 5), 1e-12);
    }

    @Test
    void withAMarginParticlesLeaveAndReenterTheField() {
        SimulationSettings s = SimulationSettings.demo().toBuilder().size(64, 64).particles(3).frames(600)
                .diffusionNm2PerS(400).fieldMarginPx(30).build();
        SimulatedVideo v = new SimulatedVideo(s);
        Trajectories t = v.trajectories();
        int hidden = 0;
        int returns = 0;
        for (int p = 0; p < 3; p++) {
            boolean wasVisible = t.visible(p, 0);
            for (int f = 0; f < s.frames(); f++) {
                boolean visible = t.visible(p, f);
                hidden += visible ? 0 : 1;
                returns += visible && !wasVisible ? 1 : 0;
                wasVisible = visible;
                assertTrue(t.x(p, f) >= -30.5 - 1e-9 && t.x(p, f) <= 93.5 + 1e-9, "inside the liquid");
            }
        }
        assertTrue(hidden > 100, "frames out of view: " + hidden);
        assertTrue(returns > 0, "particles come back");
        // Visible exactly when the label image shows the particle (three small particles rarely hide each other).
        for (int f = 0; f < s.frames(); f += 37) {
            java.util.Set<Integer> shown = new java.util.HashSet<>();
            org.lptem.core.Frame labels = v.labels(f);
            for (int i = 0; i < 64 * 64; i++) {
                shown.add((int) labels.get(i));
            }
            for (int p = 0; p < 3; p++) {
                if (!t.visible(p, f)) {
                    assertTrue(!shown.contains(p + 1), "invisible particle " + (p + 1) + " labelled in frame " + f);
                }
            }
        }
        int truthPoints = v.groundTruth().stream().mapToInt(org.lptem.core.Track::size).sum();
        assertEquals(3 * s.frames() - hidden, truthPoints, "the truth lists visible frames only");
    }

    @Test
    void overlapAvoidanceKeepsBoundingCirclesApart() {
        SimulationSettings crowded = SimulationSettings.demo().toBuilder().size(100, 100).particles(12).frames(300)
                .radiusDispersity(0).particleRadiusNm(8).diffusionNm2PerS(200).build();
        assertTrue(minimumGap(Trajectories.simulate(crowded)) < 0, "without avoidance particles overlap");
        assertTrue(minimumGap(Trajectories.simulate(crowded.toBuilder().avoidOverlap(true).build())) >= -1e-9);
    }

    /** Smallest centre distance minus the sum of bounding radii over all pairs and frames. */
    private static double minimumGap(Trajectories t) {
        double min = Double.POSITIVE_INFINITY;
        for (int f = 0; f < t.frameCount(); f++) {
            for (int p = 0; p < t.particleCount(); p++) {
                for (int q = 0; q < p; q++) {
                    double d = Math.hypot(t.x(p, f) - t.x(q, f), t.y(p, f) - t.y(q, f));
                    min = Math.min(min, d - t.radiusPx(p) - t.radiusPx(q));
                }
            }
        }
        return min;
    }

    @Test
    void anisotropicParticlesDiffuseInAngleSpheresHaveNone() {
        SimulationSettings rods = SimulationSettings.demo().toBuilder().size(600, 600).particles(20).frames(500)
                .shape(ShapeKind.ROD).particleLengthNm(40).rotationalDiffusionRad2PerS(2).build();
        Trajectories t = Trajectories.simulate(rods);
        double sum = 0;
        long n = 0;
        for (int p = 0; p < 20; p++) {
            for (int f = 1; f < 500; f++) {
                double d = t.unwrappedAngleRad(p, f) - t.unwrappedAngleRad(p, f - 1);
                sum += d * d;
                n++;
                double deg = t.angleDeg(p, f);
                assertTrue(deg > -90 && deg <= 90);
            }
        }
        // <dtheta^2> = 2 D_r dt = 0.2 rad^2; 9980 steps: relative standard error 1.4 %.
        assertEquals(2 * 2 * 0.05, sum / n, 0.06 * 0.2);
        Trajectories spheres = Trajectories.simulate(SimulationSettings.demo());
        assertTrue(Double.isNaN(spheres.angleDeg(0, 5)));
        assertEquals(0, spheres.unwrappedAngleRad(0, 5));
    }

    @Test
    void everyMotionModelDrivesAVideo() {
        for (MotionKind m : MotionKind.values()) {
            SimulationSettings s = SimulationSettings.demo().toBuilder().frames(30).motion(m)
                    .alpha(m == MotionKind.LEVY ? 1.5 : 0.6).speedNmPerS(20).confinementNm(30).build();
            Trajectories t = Trajectories.simulate(s);
            double travelled = 0;
            for (int p = 0; p < t.particleCount(); p++) {
                for (int f = 1; f < 30; f++) {
                    travelled += Math.hypot(t.x(p, f) - t.x(p, f - 1), t.y(p, f) - t.y(p, f - 1));
                }
            }
            assertTrue(travelled > 0, m + " moves");
            assertEquals(t.x(0, 29), Trajectories.simulate(s).x(0, 29), 0, m + " is reproducible");
        }
    }
}
