package org.lptem.leonardo;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lptem.core.Calibration;
import org.lptem.core.Detection;
import org.lptem.core.Progress;
import org.lptem.core.Track;

class DataAndStatisticsTest {

    @Test
    void windowsStayInsideGapFreeStretchesAndAreNormalised() {
        List<Detection> points = new ArrayList<>();
        for (int f = 0; f < 25; f++) {
            points.add(Detection.at(f, 10 + 2.0 * f, 5 - 0.5 * f));
        }
        for (int f = 30; f < 40; f++) {
            points.add(Detection.at(f, 3, 3));
        }
        TrajectoryWindows w = TrajectoryWindows.cut(List.of(new Track(7, points)), Calibration.NONE, 10, 5,
                Progress.NONE);
        // 0..24: starts 0, 5, 10, 15 (15 + 10 = 25); 30..39 does not move
        assertEquals(4, w.size());
        assertEquals(1, w.skippedStill());
        assertEquals(15, w.windows().get(3).firstFrame());
        Window first = w.windows().get(0);
        assertEquals(18, first.extentPx(), 1e-12);
        assertEquals(0, first.xy()[0], 1e-7);
        assertEquals(0.25, first.xy()[1], 1e-6); // y: 5 - 0 - min(0.5 ... ) = 4.5 / 18
        assertEquals(1, first.xy()[18], 1e-6);
        assertEquals(0, first.xy()[19], 1e-6);
    }

    @Test
    void frechetDistanceOfOneDimensionalGaussians() {
        FeatureMoments a = new FeatureMoments(new double[] {1}, new double[] {4}, 100);
        FeatureMoments b = new FeatureMoments(new double[] {3}, new double[] {1}, 100);
        FeatureMoments unit = new FeatureMoments(new double[] {0}, new double[] {1}, 100);
        // (1 - 3)^2 + (2 - 1)^2
        assertEquals(5, FrechetDistance.between(a, b, unit), 1e-9);
        assertEquals(0, FrechetDistance.between(a, a, unit), 1e-9);
        // scaling by a reference standard deviation of 2 divides the distance by 4
        assertEquals(5 / 4.0, FrechetDistance.between(a, b, a), 1e-9);
    }

    @Test
    void frechetDistanceOfCorrelatedGaussiansMatchesTheClosedForm() {
        // commuting covariances: tr(S1 + S2 - 2 (S1 S2)^1/2) = sum (sqrt(l1) - sqrt(l2))^2 over shared eigenvectors
        double c = Math.sqrt(0.5);
        FeatureMoments a = new FeatureMoments(new double[] {0, 0}, rotate(4, 1, c), 10);
        FeatureMoments b = new FeatureMoments(new double[] {1, 1}, rotate(9, 4, c), 10);
        FeatureMoments unit = new FeatureMoments(new double[] {0, 0}, new double[] {1, 0, 0, 1}, 10);
        assertEquals(2 + 1 + 1, FrechetDistance.between(a, b, unit), 1e-9);
    }

    private static double[] rotate(double l1, double l2, double c) {
        // V diag(l1, l2) V^T with V = [[c, -c], [c, c]]
        return new double[] {c * c * (l1 + l2), c * c * (l1 - l2), c * c * (l1 - l2), c * c * (l1 + l2)};
    }

    @Test
    void statisticsOfATrajectoryWithKnownIncrements() {
        // alternating steps +1, -1 along x: VACF(1) = -1, kurtosis of +-1 steps = 1, MSD(1) = 1, MSD(2) = 0
        int n = 60;
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            xy[2 * i] = i % 2;
            xy[2 * i + 1] = 0;
        }
        xy[1] = 1e-9; // y must not be exactly constant for the pooled moments to be defined alike in x and y
        TrajectoryStatistics s = TrajectoryStatistics.ofAll(List.of(xy)).get(0);
        assertEquals(-1, s.vacf()[0], 1e-6);
        assertEquals(1, s.msdPx2()[0], 1e-6);
        assertEquals(0, s.msdPx2()[1], 1e-6);
        assertEquals(TrajectoryStatistics.featureNames(n).size(), s.features().length);
    }
}
