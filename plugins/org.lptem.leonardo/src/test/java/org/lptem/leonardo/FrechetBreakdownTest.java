package org.lptem.leonardo;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrechetBreakdownTest {

    @Test
    void groupsFeaturesByStatisticAndShowsShiftAndSpread() {
        List<String> names = List.of("vacf_lag1", "vacf_lag2", "alpha");
        // held out: unit variances, vacf lags correlated 0.5
        FeatureMoments held = new FeatureMoments(new double[] {0, 0, 0.7},
                new double[] {1, 0.5, 0, 0.5, 1, 0, 0, 0, 4}, 100);
        // generated: alpha right, vacf lag 2 shifted by one sd and its spread halved, lag 1 exact
        FeatureMoments gen = new FeatureMoments(new double[] {0, 1, 0.7},
                new double[] {1, 0.25, 0, 0.25, 0.25, 0, 0, 0, 4}, 100);
        FeatureMoments train = new FeatureMoments(new double[] {0, 0, 0.7 + 0.2},
                new double[] {1, 0.5, 0, 0.5, 1, 0, 0, 0, 4}, 100);
        FrechetBreakdown b = FrechetBreakdown.of(names, gen, held, train);

        assertEquals(List.of("vacf", "alpha"), b.groups().stream().map(FrechetBreakdown.Group::name).toList());
        FrechetBreakdown.Group vacf = b.groups().get(0);
        FeatureMoments h = held.select(0, 1);
        assertEquals(FrechetDistance.between(gen.select(0, 1), h, h), vacf.frechet(), 1e-12);
        assertTrue(vacf.frechet() > 1, "the shift alone costs 1: " + vacf.frechet());
        assertEquals(0, vacf.floor(), 1e-12);
        FrechetBreakdown.Group alpha = b.groups().get(1);
        assertEquals(0, alpha.frechet(), 1e-12);
        assertEquals(0.1 * 0.1, alpha.floor(), 1e-12, "0.2 shift in units of sd 2");

        assertEquals(0, b.features().get(0).meanShift(), 1e-12);
        assertEquals(1, b.features().get(0).spreadRatio(), 1e-12);
        assertEquals(1, b.features().get(1).meanShift(), 1e-12);
        assertEquals(0.5, b.features().get(1).spreadRatio(), 1e-12);
        assertEquals("alpha", b.features().get(2).name());
    }

    @Test
    void aFeatureConstantInTheHeldOutSetIsMeasuredInItsOwnUnitsAsTheDistanceDoes() {
        List<String> names = List.of("alpha");
        FeatureMoments held = new FeatureMoments(new double[] {0.5}, new double[] {0}, 10);
        FeatureMoments gen = new FeatureMoments(new double[] {0.8}, new double[] {0.04}, 10);
        FrechetBreakdown b = FrechetBreakdown.of(names, gen, held, held);
        assertEquals(0.3, b.features().get(0).meanShift(), 1e-12);
        assertEquals(0.2, b.features().get(0).spreadRatio(), 1e-12);
        assertEquals(FrechetDistance.between(gen, held, held), b.groups().get(0).frechet(), 1e-12);
        assertEquals(0.3 * 0.3 + 0.04, b.groups().get(0).frechet(), 1e-12);
    }

    @Test
    void selectKeepsTheChosenMeansAndCovariances() {
        FeatureMoments m = new FeatureMoments(new double[] {1, 2, 3},
                new double[] {1, 2, 3, 2, 5, 6, 3, 6, 9}, 7);
        FeatureMoments s = m.select(2, 0);
        assertArrayEquals(new double[] {3, 1}, s.mean());
        assertArrayEquals(new double[] {9, 3, 3, 1}, s.covariance());
        assertEquals(7, s.count());
        assertEquals("log10_kurtosis", FrechetBreakdown.group("log10_kurtosis_lag16"));
        assertEquals("alpha", FrechetBreakdown.group("alpha"));
    }
}
