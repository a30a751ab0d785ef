package org.lptem.segment.onnx;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lptem.core.LptemException;
import org.lptem.io.JsonText;
import org.lptem.segment.RegionProfile;

class RegionClassifierTest {
    private static final RegionProfile PROFILE = new RegionProfile(2, 2);

    /** Rows of 5 features; the label follows a known logistic model on the first two. */
    private static List<double[]> rows(int n, long seed, boolean[] labels, double[] truth) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<double[]> x = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] f = {rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian(), rng.nextDouble(),
                rng.nextDouble()};
            double z = truth[0] + truth[1] * f[0] + truth[2] * f[1];
            labels[i] = rng.nextDouble() < 1 / (1 + Math.exp(-z));
            x.add(f);
        }
        return x;
    }

    @Test
    void fittingRecoversAKnownLogisticModel() {
        double[] truth = {-0.5, 2, -1};
        boolean[] y = new boolean[20_000];
        List<double[]> x = rows(y.length, 1, y, truth);
        double[] w = RegionClassifier.fit(PROFILE, 1, 0.5, x, y, 1e-6).weights();
        assertEquals(-0.5, w[0], 0.08);
        assertEquals(2, w[1], 0.1);
        assertEquals(-1, w[2], 0.08);
        for (int k = 3; k < 6; k++) {
            assertEquals(0, w[k], 0.12, "weight " + k + " of a feature the label ignores");
        }
    }

    @Test
    void theL2PenaltyShrinksTheWeights() {
        boolean[] y = new boolean[2_000];
        List<double[]> x = rows(y.length, 2, y, new double[] {0, 2, -1});
        double free = Math.abs(RegionClassifier.fit(PROFILE, 1, 0.5, x, y, 1e-6).weights()[1]);
        double penalised = Math.abs(RegionClassifier.fit(PROFILE, 1, 0.5, x, y, 2_000).weights()[1]);
        assertTrue(penalised < 0.5 * free, penalised + " vs " + free);
    }

    @Test
    void keepsTheRegionsItTakesForParticlesAndRenumbersThem() {
        // three rings, only the innermost weighed: a particle when the region is bright against the liquid
        RegionClassifier c = new RegionClassifier(new RegionProfile(3, 1), 1, 0.5,
                new double[] {-3, 1, 0, 0, 0, 0, 0});
        int w = 60;
        int h = 20;
        int[] labels = new int[w * h];
        float[] image = new float[w * h];
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < image.length; i++) {
            image[i] = (float) rng.nextGaussian();
        }
        // region 1 at x 8..11 is only noise; region 2 at x 38..41 is 10 sigma bright
        for (int y = 8; y < 12; y++) {
            for (int x = 8; x < 12; x++) {
                labels[y * w + x] = 1;
            }
            for (int x = 38; x < 42; x++) {
                labels[y * w + x] = 2;
                image[y * w + x] += 10;
            }
        }
        float[] probability = new float[w * h];
        assertEquals(1, c.keepParticles(labels, 2, w, h, image, probability));
        assertEquals(0, labels[9 * w + 9]);
        assertEquals(1, labels[9 * w + 39]);
    }

    @Test
    void jsonRoundTripsAndBadFilesAreNamed() {
        RegionClassifier c = new RegionClassifier(PROFILE, 3, 0.6, new double[] {1, -2, 3, 0.5, -0.25, 1e-3});
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("command", "test");
        String json = JsonText.of(c.toMap(record));
        assertEquals(c, RegionClassifier.fromJson(json, "c.json"));
        assertTrue(json.contains("\"command\": \"test\""), json);

        LptemException notJson = assertThrows(LptemException.class, () -> RegionClassifier.fromJson("{", "a.json"));
        assertTrue(notJson.getMessage().startsWith("a.json is not JSON"), notJson.getMessage());
        LptemException foreign = assertThrows(LptemException.class,
                () -> RegionClassifier.fromJson("{\"format\": \"other\"}", "b.json"));
        assertTrue(foreign.getMessage().contains("b.json is not a region classifier"), foreign.getMessage());
        LptemException newer = assertThrows(LptemException.class,
                () -> RegionClassifier.fromJson(json.replace("\"version\": 1", "\"version\": 2"), "d.json"));
        assertTrue(newer.getMessage().contains("version 2"), newer.getMessage());
        LptemException shortWeights = assertThrows(LptemException.class,
                () -> RegionClassifier.fromJson(json.replace("\"profile_rings\": 2", "\"profile_rings\": 3"),
                        "e.json"));
        assertTrue(shortWeights.getMessage().startsWith("e.json: a region classifier with 3 profile rings needs 7"),
                shortWeights.getMessage());
    }

    @Test
    void fittingNeedsBothKindsOfRegionsAndAPenaltyWhereAPlaneSeparatesThem() {
        List<double[]> x = List.of(new double[5], new double[5]);
        assertThrows(LptemException.class, () -> RegionClassifier.fit(PROFILE, 1, 0.5, x,
                new boolean[] {true, true}, 1));
        List<double[]> separable = List.of(new double[] {-1, 0, 0, 0, 0}, new double[] {1, 0, 0, 0, 0});
        boolean[] y = {false, true};
        LptemException e = assertThrows(LptemException.class,
                () -> RegionClassifier.fit(PROFILE, 1, 0.5, separable, y, 0));
        assertTrue(e.getMessage().contains("raise the L2 penalty"), e.getMessage());
        assertTrue(RegionClassifier.fit(PROFILE, 1, 0.5, separable, y, 1).weights()[1] > 0);
        assertThrows(LptemException.class, () -> RegionClassifier.fit(PROFILE, 1, 0.5, separable, y, -1));
    }

    @Test
    void mangledFilesFailWithTheFileNamedOrStillMakeAValidClassifier() {
        String json = JsonText.of(new RegionClassifier(PROFILE, 3, 0.6, new double[] {1, -2, 3, 0.5, -0.25, 1e-3})
                .toMap(Map.of("command", "test")));
        SplittableRandom rng = new SplittableRandom(11);
        int parsed = 0;
        for (int trial = 0; trial < 2_000; trial++) {
            char[] c = json.toCharArray();
            for (int k = 0; k < 1 + rng.nextInt(4); k++) {
                c[rng.nextInt(c.length)] = "0123456789-.e,:{}[]\" a".charAt(rng.nextInt(22));
            }
            String mangled = rng.nextInt(10) == 0 ? new String(c, 0, rng.nextInt(c.length)) : new String(c);
            try {
                RegionClassifier r = RegionClassifier.fromJson(mangled, "m.json");
                assertEquals(1 + r.profile().bins() + RegionClassifier.EXTRA, r.weights().length);
                parsed++;
            } catch (LptemException e) {
                assertTrue(e.getMessage().startsWith("m.json"), e.getMessage());
            }
        }
        assertTrue(parsed > 0 && parsed < 2_000, parsed + " of 2000 mangled files read");
    }
}
