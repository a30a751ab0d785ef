package org.lptem.io;

import org.lptem.core.Calibration;
import org.lptem.core.PixelType;
import org.lptem.core.Video;

/**
 * What the movie readers (AVI, MP4) share: display frames decoded to 8-bit grey, a fixed size and frame count, and
 * no calibration (movie containers do not record nm per pixel; the user sets it).
 */
abstract class EightBitMovie implements Video {
    protected final int width;
    protected final int height;
    protected final int frameCount;
    private final String format;

    EightBitMovie(int width, int height, int frameCount, String format) {
        this.width = width;
        this.height = height;
        this.frameCount = frameCount;
        this.format = format;
    }

    @Override
    public final int frameCount() {
        return frameCount;
    }

    @Override
    public final int width() {
        return width;
    }

    @Override
    public final int height() {
        return height;
    }

    @Override
    public final PixelType pixelType() {
        return PixelType.UINT8;
    }

    @Override
    public final Calibration calibration() {
        return Calibration.NONE;
    }

    @Override
    public final String format() {
        return format;
    }
}
