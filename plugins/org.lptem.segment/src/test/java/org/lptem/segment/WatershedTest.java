package org.lptem.segment;

import static org.junit.jupiter.api.Assertions.*;
import static org.lptem.segment.MaskFixtures.*;

import org.junit.jupiter.api.Test;

class WatershedTest {

    @Test
    void floodCutsAtTheLowestPassBetweenTwoMarkers() {
        // heights along one row: two hills (peaks 9 at x = 1 and 7 at x = 7) with the valley bottom 2 at x = 4
        float[] height = {5, 9, 6, 4, 2, 3, 5, 7, 4};
        int[] labels = {0, 1, 0, 0, 0, 0, 0, 2, 0};
        boolean[] allowed = new boolean[9];
        java.util.Arrays.fill(allowed, true);
        Watershed.flood(height, allowed, labels, 9, 1);
        // deepest first: basin 1 descends 6, 4 and basin 2 descends 5, 3, so x = 3 (height 4) is reached before
        // x = 5 (height 3) is expanded, and the valley bottom goes to basin 1
        assertArrayEquals(new int[] {1, 1, 1, 1, 1, 2, 2, 2, 2}, labels);
    }

    @Test
    void floodStaysInsideTheAllowedPixels() {
        float[] height = new float[5];
        int[] labels = {1, 0, 0, 0, 0};
        boolean[] allowed = {true, true, false, true, true};
        Watershed.flood(height, allowed, labels, 5, 1);
        assertArrayEquals(new int[] {1, 1, 0, 0, 0}, labels);
    }

    @Test
    void touchingDiscsAreSplitAndARodIsNot() {
        int w = 60;
        int h = 30;
        int[] truth = new int[w * h];
        disc(truth, w, 18, 15, 9, 1);
        disc(truth, w, 34, 15, 9, 2);
        boolean[] mask = nonZero(truth);
        int[] labels = new int[w * h];
        ConnectedComponents.label(mask, w, h, labels);
        assertEquals(2, Watershed.splitTouching(mask, labels, w, h, 0.6));
        int disagree = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != truth[i]) {
                disagree++;
            }
        }
        // the cut follows the neck; only the 11 pixels where the discs overlap (all drawn as disc 2) may differ
        assertTrue(disagree <= 15, disagree + " pixels on the wrong side");

        boolean[] rod = new boolean[w * h];
        for (int y = 8; y < 22; y++) {
            for (int x = 5; x < 55; x++) {
                rod[y * w + x] = true;
            }
        }
        int[] rodLabels = new int[w * h];
        ConnectedComponents.label(rod, w, h, rodLabels);
        assertEquals(1, Watershed.splitTouching(rod, rodLabels, w, h, 0.6), "a rod's axis is one ridge");
    }

    @Test
    void shallowRidgesMergeAndDeepOnesDoNot() {
        int[] labels = {1, 1, 2, 2, 3, 3};
        // peaks 10, 9 and 10; pass 1|2 = min(8, 9) = 8 (>= 0.6 x 9), pass 2|3 = min(2, 3) = 2 (< 0.6 x 9)
        float[] height = {10, 8, 9, 2, 3, 10};
        assertEquals(2, Watershed.mergeShallowRidges(labels, height, 6, 0.6));
        assertArrayEquals(new int[] {1, 1, 1, 1, 2, 2}, labels);
    }

    @Test
    void highDividingLinesMergeOnTheirMean() {
        // two columns of basins; the pixel pairs across the line (E, SE, SW, E) pass 0.7, 0.8, 0.5, 0.5: mean 0.625
        int[] labels = {1, 2, 1, 2};
        float[] height = {0.9f, 0.7f, 0.5f, 0.8f};
        int[] copy = labels.clone();
        assertEquals(1, Watershed.mergeHighDividingLines(copy, height, 2, 0.55));
        assertEquals(2, Watershed.mergeHighDividingLines(labels.clone(), height, 2, 0.65));
    }

    @Test
    void regionalMaximaAreWholePlateaus() {
        float[] height = {1, 3, 3, 1, 5, 4, 4, 6};
        boolean[] mask = new boolean[8];
        java.util.Arrays.fill(mask, true);
        // the 3,3 plateau is one maximum, 5 and 6 are maxima, and the 4,4 plateau between them rises to 6: none
        assertArrayEquals(new int[] {0, 1, 1, 0, 2, 0, 0, 3}, Watershed.regionalMaxima(height, mask, 8, 0));
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 0, 0, 2}, Watershed.regionalMaxima(height, mask, 8, 4.5));
    }
}
