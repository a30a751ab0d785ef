package org.lptem.segment.onnx;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.lptem.segment.ConnectedComponents;
import org.lptem.segment.Watershed;

/** The post-processing of {@link ProbabilitySegmenter} beyond thresholding: the cut of touching regions, seeds. */
class RegionwiseSplitTest {

    @Test
    void aSeedThresholdKeepsOnlyRegionsTheNetworkIsSureOf() {
        int w = 96;
        int h = 64;
        float[] img = new float[w * h];
        java.util.Random rnd = new java.util.Random(9);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double c = Math.hypot(x - 25, y - 30) <= 6 ? -80 : Math.hypot(x - 70, y - 35) <= 6 ? -30 : 0;
                img[y * w + x] = (float) (1000 + c + 4 * rnd.nextGaussian());
            }
        }
        org.lptem.core.Frame frame = org.lptem.core.Frame.ofFloats(w, h, img);
        org.lptem.segment.DetectorSettings filters = org.lptem.segment.DetectorSettings.defaults().withArea(5, 1e6);
        byte[] dog = BlobFilterModel.build(4, true, 0.3, 2);
        for (double seed : new double[] {0.5, 0.95}) {
            try (ProbabilitySegmenter s = new ProbabilitySegmenter(new ProbabilityModel(
                    org.lptem.ml.onnx.OnnxModel.load("dog", dog, org.lptem.ml.onnx.ExecutionDevice.CPU)), 0.5, seed,
                    filters, 0)) {
                java.util.List<org.lptem.core.Detection> d = s.segment(frame, 0).detections();
                assertEquals(seed == 0.5 ? 2 : 1, d.size(), "seed " + seed + ": " + d);
                assertEquals(25, d.get(0).x(), 1);
            }
        }
        assertThrows(org.lptem.core.LptemException.class, () -> new ProbabilitySegmenter(null, 0.5, 0.4, filters, 0));
    }

    @Test
    void cuttingRegionByRegionGivesTheWholeFrameCut() {
        int w = 120;
        int h = 80;
        boolean[] mask = new boolean[w * h];
        // two touching discs (a dumbbell to cut), a lone disc, a disc cut by the frame's edge, a thick bar
        double[][] discs = {{30, 30, 10}, {49, 30, 10}, {90, 55, 8}, {3, 70, 9}, {110, 10, 6}};
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (double[] d : discs) {
                    mask[y * w + x] |= Math.hypot(x - d[0], y - d[1]) <= d[2];
                }
                mask[y * w + x] |= x >= 66 && x < 80 && y >= 5 && y < 40;
            }
        }
        int[] whole = new int[mask.length];
        int n = ConnectedComponents.label(mask, w, h, whole);
        int[] regionwise = whole.clone();
        int expected = Watershed.splitTouching(mask, whole, w, h, 0.6);
        int got = ProbabilitySegmenter.splitTouching(mask, regionwise, n, w, h, 0.6);
        assertEquals(5, n);
        assertEquals(6, expected, "the dumbbell is cut in two");
        assertEquals(expected, got);
        assertArrayEquals(whole, regionwise);
    }

    /**
     * Discs cut by the frame's edges: the whole-frame distance takes nothing beyond the edge for liquid, so neither
     * may the region-by-region cut. A box rim reaching outside the frame once made 12 of these 200 layouts differ.
     */
    @Test
    void regionsCutByTheFrameEdgeAreCutAsOnTheWholeFrame() {
        java.util.Random rnd = new java.util.Random(20240611L);
        int w = 48;
        int h = 40;
        int split = 0;
        for (int trial = 0; trial < 200; trial++) {
            boolean[] mask = new boolean[w * h];
            double[][] discs = new double[2 + rnd.nextInt(4)][];
            for (int k = 0; k < discs.length; k++) {
                double r = 3 + 7 * rnd.nextDouble();
                // centres up to half a radius beyond the frame, so most discs are cut by an edge
                discs[k] = new double[] {-0.5 * r + (w + r) * rnd.nextDouble(), -0.5 * r + (h + r) * rnd.nextDouble(),
                    r};
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    for (double[] d : discs) {
                        mask[y * w + x] |= Math.hypot(x - d[0], y - d[1]) <= d[2];
                    }
                }
            }
            int[] whole = new int[mask.length];
            int n = ConnectedComponents.label(mask, w, h, whole);
            int[] regionwise = whole.clone();
            int expected = Watershed.splitTouching(mask, whole, w, h, 0.6);
            int got = ProbabilitySegmenter.splitTouching(mask, regionwise, n, w, h, 0.6);
            assertEquals(expected, got, "trial " + trial);
            assertArrayEquals(whole, regionwise, "trial " + trial);
            split += expected > n ? 1 : 0;
        }
        assertTrue(split >= 20, "the layouts must include cuts to compare, got " + split);
    }
}
