package org.lptem.segment;

/**
 * Two-level thresholding: the connected regions of the weak mask that contain at least one strong pixel. A high
 * level alone rejects noise but cuts particles short; a low level alone keeps their full extent but also noise
 * blobs; together they keep the extent of exactly the regions that are significant somewhere.
 */
public final class Hysteresis {
    private Hysteresis() {
    }

    /** The weak regions (8-connected) that hold a strong pixel; strong pixels outside {@code weak} count as weak. */
    public static boolean[] apply(boolean[] weak, boolean[] strong, int width, int height) {
        if (weak.length != strong.length) {
            throw new IllegalArgumentException("masks of " + weak.length + " and " + strong.length + " pixels");
        }
        boolean[] either = new boolean[weak.length];
        for (int i = 0; i < weak.length; i++) {
            either[i] = weak[i] || strong[i];
        }
        int[] labels = new int[weak.length];
        int count = ConnectedComponents.label(either, width, height, labels);
        boolean[] keep = new boolean[count + 1];
        for (int i = 0; i < strong.length; i++) {
            if (strong[i]) {
                keep[labels[i]] = true;
            }
        }
        boolean[] out = new boolean[weak.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = keep[labels[i]] && labels[i] != 0;
        }
        return out;
    }
}
