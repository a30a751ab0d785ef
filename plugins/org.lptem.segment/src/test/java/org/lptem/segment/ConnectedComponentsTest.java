package org.lptem.segment;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ConnectedComponentsTest {

    private static boolean[] mask(String... rows) {
        int w = rows[0].length();
        boolean[] m = new boolean[w * rows.length];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < w; x++) {
                m[y * w + x] = rows[y].charAt(x) == '#';
            }
        }
        return m;
    }

    private static int[] label(int width, String... rows) {
        boolean[] m = mask(rows);
        int[] labels = new int[m.length];
        ConnectedComponents.label(m, width, rows.length, labels);
        return labels;
    }

    @Test
    void diagonalNeighboursJoin() {
        assertArrayEquals(new int[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, label(3, "#..", ".#.", "..#"));
        // the anti-diagonal needs the north-east neighbour
        assertArrayEquals(new int[] {0, 0, 1, 0, 1, 0, 1, 0, 0}, label(3, "..#", ".#.", "#.."));
    }

    @Test
    void componentsAreNumberedInRasterOrderOfTheirFirstPixel() {
        int[] l = label(6,
                "....##",
                "#.....",
                "#..#..",
                "...#..");
        assertArrayEquals(new int[] {
            0, 0, 0, 0, 1, 1,
            2, 0, 0, 0, 0, 0,
            2, 0, 0, 3, 0, 0,
            0, 0, 0, 3, 0, 0}, l);
    }

    @Test
    void branchesThatMeetLowerDownBecomeOneComponent() {
        // Two arms start as separate provisional labels and merge at the bottom; a later arm joins from the right.
        int[] l = label(7,
                "#...#.#",
                ".#.#..#",
                "..#...#",
                "..####.");
        for (int i = 0; i < l.length; i++) {
            assertEquals(mask("#...#.#", ".#.#..#", "..#...#", "..####.")[i] ? 1 : 0, l[i], "pixel " + i);
        }
    }

    @Test
    void agreesWithAFloodFillOnARandomMask() {
        int w = 173;
        int h = 121;
        Random random = new Random(42);
        boolean[] m = new boolean[w * h];
        for (int i = 0; i < m.length; i++) {
            m[i] = random.nextDouble() < 0.45;
        }
        int[] labels = new int[m.length];
        int n = ConnectedComponents.label(m, w, h, labels);
        int[] expected = new int[m.length];
        int count = 0;
        int[] queue = new int[m.length];
        for (int start = 0; start < m.length; start++) {
            if (!m[start] || expected[start] != 0) {
                continue;
            }
            expected[start] = ++count;
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            while (head < tail) {
                int p = queue[head++];
                int px = p % w;
                int py = p / w;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int qx = px + dx;
                        int qy = py + dy;
                        if (qx >= 0 && qx < w && qy >= 0 && qy < h && m[qy * w + qx] && expected[qy * w + qx] == 0) {
                            expected[qy * w + qx] = count;
                            queue[tail++] = qy * w + qx;
                        }
                    }
                }
            }
        }
        assertTrue(count > 50, "the random mask should have many components, has " + count);
        assertEquals(count, n);
        assertArrayEquals(expected, labels);
    }

    @Test
    void emptyMaskHasNoComponents() {
        int[] labels = new int[12];
        java.util.Arrays.fill(labels, 9);
        assertEquals(0, ConnectedComponents.label(new boolean[12], 4, 3, labels));
        assertArrayEquals(new int[12], labels);
    }
}
