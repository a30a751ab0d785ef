package org.lptem.core;

import java.io.IOException;

/**
 * A stack of frames with random access. Implementations decode frame {@code i} on demand and keep memory bounded
 * whatever the number of frames; nothing may require all frames in memory.
 *
 * <p>Not thread-safe: use one instance per thread.
 */
public interface Video extends AutoCloseable {

    int frameCount();

    int width();

    int height();

    PixelType pixelType();

    Calibration calibration();

    /** Human-readable origin (usually the file path) used in error messages. */
    String source();

    /** Short name of the container format, e.g. {@code tiff}, {@code image-folder}, {@code memory}. */
    String format();

    /**
     * Decodes frame {@code index} (0-based).
     *
     * @throws LptemException if the frame is out of range or its data is corrupt (the message names source and
     *     frame)
     */
    Frame frame(int index);

    /**
     * Frame {@code index}, decoded into {@code reuse}'s storage where this video can (same width, height and pixel
     * type) and otherwise into a new frame. For loops that keep one frame alive at a time: allocating and clearing a
     * new multi-megabyte array per frame costs about as much as copying the pixels from the page cache. The caller
     * gives {@code reuse} up: its samples may be overwritten. {@code reuse} may be null.
     */
    default Frame frame(int index, Frame reuse) {
        return frame(index);
    }

    @Override
    void close() throws IOException;

    /** Checks {@code index} against the frame count and throws a message naming the source if it is outside. */
    default void checkIndex(int index) {
        if (index < 0 || index >= frameCount()) {
            throw new LptemException(source(), -1,
                    "frame " + index + " does not exist (the video has " + frameCount() + " frames)", null);
        }
    }
}
