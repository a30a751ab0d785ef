package org.lptem.segment;

import static org.junit.jupiter.api.Assertions.*;
import static org.lptem.segment.MaskFixtures.*;

import org.junit.jupiter.api.Test;

class SmallLabelOpsTest {

    @Test
    void hysteresisKeepsWeakRegionsWithAStrongPixel() {
        boolean[] weak = mask(
                "##...##",
                "##...#.",
                ".......");
        boolean[] strong = mask(
                ".......",
                ".....#.",
                "......#");
        // the right region holds a strong pixel; a strong pixel outside the weak mask counts as weak (and joins the
        // region diagonally); the left region has no strong pixel
        assertArrayEquals(mask(
                ".....##",
                ".....#.",
                "......#"), Hysteresis.apply(weak, strong, 7, 3));
    }

    @Test
    void holesAreFilledButBaysAreNot() {
        int[] labels = labels(
                "11111.",
                "1...1.",
                "11111.",
                "222...",
                "2.2...");
        LabelImages.fillHoles(labels, 6, 5);
        // the bay in region 2 opens onto the border
        assertArrayEquals(labels(
                "11111.",
                "11111.",
                "11111.",
                "222...",
                "2.2..."), labels);
    }

    @Test
    void compactionNumbersLabelsInRasterOrder() {
        int[] labels = {0, 7, 7, 3, 0, 9, 3};
        assertEquals(3, LabelImages.compactInRasterOrder(labels));
        assertArrayEquals(new int[] {0, 1, 1, 2, 0, 3, 2}, labels);
    }
}
