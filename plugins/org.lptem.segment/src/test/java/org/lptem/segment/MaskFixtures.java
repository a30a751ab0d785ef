package org.lptem.segment;

/** Masks and label images drawn as text for the tests: '#' (or a digit, for labels) marks a pixel. */
final class MaskFixtures {
    private MaskFixtures() {
    }

    static boolean[] mask(String... rows) {
        int w = rows[0].length();
        boolean[] m = new boolean[w * rows.length];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < w; x++) {
                char c = rows[y].charAt(x);
                m[y * w + x] = c != '.';
            }
        }
        return m;
    }

    static int[] labels(String... rows) {
        int w = rows[0].length();
        int[] l = new int[w * rows.length];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < w; x++) {
                char c = rows[y].charAt(x);
                l[y * w + x] = c == '.' ? 0 : c - '0';
            }
        }
        return l;
    }

    /** A disc of the given radius (pixel centres within it) painted with {@code label}. */
    static void disc(int[] labels, int width, double cx, double cy, double radius, int label) {
        int height = labels.length / width;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius) {
                    labels[y * width + x] = label;
                }
            }
        }
    }

    static boolean[] nonZero(int[] labels) {
        boolean[] m = new boolean[labels.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = labels[i] != 0;
        }
        return m;
    }
}
