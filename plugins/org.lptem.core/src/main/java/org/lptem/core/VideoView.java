package org.lptem.core;

import java.io.IOException;

/**
 * A frame range and calibration override on top of another video, without copying pixels. Closing the view
 * closes the underlying video.
 */
public final class VideoView implements Video {
    private final Video base;
    private final int from;
    private final int step;
    private final int count;
    private final Calibration calibration;

    /**
     * @param from first frame (0-based) of the base video
     * @param to one past the last frame of the base video, or -1 for all
     * @param step take every step-th frame (>= 1)
     * @param override calibration values that replace the base video's
     */
    public VideoView(Video base, int from, int to, int step, Calibration override) {
        int end = to < 0 ? base.frameCount() : to;
        if (from < 0 || end > base.frameCount() || from >= end || step < 1) {
            throw new LptemException(base.source(), -1, "frame range " + from + ":" + end + ":" + step
                    + " is not inside the video's " + base.frameCount() + " frames", null);
        }
        this.base = base;
        this.from = from;
        this.step = step;
        this.count = (end - from + step - 1) / step;
        Calibration c = base.calibration().overriddenBy(override);
        // Taking every step-th frame stretches the time between the frames we keep.
        if (step > 1 && c.hasFrameInterval()) {
            c = new Calibration(c.nmPerPixel(),
                    java.util.OptionalDouble.of(c.secondsPerFrame().getAsDouble() * step));
        }
        this.calibration = c;
    }

    /** The video this view selects from. */
    public Video base() {
        return base;
    }

    @Override
    public int frameCount() {
        return count;
    }

    @Override
    public int width() {
        return base.width();
    }

    @Override
    public int height() {
        return base.height();
    }

    @Override
    public PixelType pixelType() {
        return base.pixelType();
    }

    @Override
    public Calibration calibration() {
        return calibration;
    }

    @Override
    public String source() {
        return base.source();
    }

    @Override
    public String format() {
        return base.format();
    }

    @Override
    public Frame frame(int index) {
        checkIndex(index);
        return base.frame(from + index * step);
    }

    @Override
    public Frame frame(int index, Frame reuse) {
        checkIndex(index);
        return base.frame(from + index * step, reuse);
    }

    @Override
    public void close() throws IOException {
        base.close();
    }
}
