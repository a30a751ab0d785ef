package org.lptem.io;

import java.lang.reflect.Array;

import org.lptem.core.Frame;
import org.lptem.core.PixelType;

/** Test stacks: patterned frames and their samples laid end to end, as microscope files store a stack. */
final class Stacks {
    private Stacks() {
    }

    static Frame frame(PixelType type, int w, int h, int k) {
        return TiffStackWriterTest.patterned(type, w, h, k);
    }

    /** The samples of {@code frames} patterned frames in one array of the frames' storage type. */
    static Object samples(PixelType type, int w, int h, int frames) {
        int n = w * h;
        Object first = frame(type, w, h, 0).samples();
        Object all = Array.newInstance(first.getClass().getComponentType(), n * frames);
        for (int k = 0; k < frames; k++) {
            System.arraycopy(frame(type, w, h, k).samples(), 0, all, k * n, n);
        }
        return all;
    }
}
