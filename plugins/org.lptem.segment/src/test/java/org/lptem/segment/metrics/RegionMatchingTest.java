package org.lptem.segment.metrics;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegionMatchingTest {

    @Test
    void bestPairsAreMatchedFirstAndEachRegionOnce() {
        // truth 1 = pixels 0-4, truth 2 = pixels 5-7; pred 1 = pixels 1-5 (IoU with truth 1: 4/6, with truth 2: 1/7),
        // pred 2 = pixels 6-9 (with truth 2: 2/5)
        int[] truth = {1, 1, 1, 1, 1, 2, 2, 2, 0, 0};
        int[] pred = {0, 1, 1, 1, 1, 1, 2, 2, 2, 2};
        LabelOverlap o = LabelOverlap.of(truth, pred);
        assertEquals(List.of(new RegionMatching.Match(1, 1, 4.0 / 6), new RegionMatching.Match(2, 2, 2.0 / 5)),
                RegionMatching.greedy(o, Double.MIN_VALUE));
        assertEquals(List.of(new RegionMatching.Match(1, 1, 4.0 / 6)), RegionMatching.greedy(o, 0.5));
    }

    @Test
    void aRegionTakenByABetterPairIsNotMatchedAgain() {
        // pred 1 covers truth 1 (IoU 3/4) and half of truth 2 (IoU 1/5): truth 2 stays unmatched
        int[] truth = {1, 1, 1, 2, 2, 0};
        int[] pred = {1, 1, 1, 1, 0, 0};
        assertEquals(List.of(new RegionMatching.Match(1, 1, 0.75)),
                RegionMatching.greedy(LabelOverlap.of(truth, pred), Double.MIN_VALUE));
    }
}
