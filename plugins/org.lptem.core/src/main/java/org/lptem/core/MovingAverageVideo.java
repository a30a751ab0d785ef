package org.lptem.core;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A video whose frame i is the mean of the base video's frames i - h .. i + h (cut at both ends), as 32-bit float:
 * averaging n frames raises the per-pixel SNR by sqrt(n) for particles that move less than their radius in that
 * time, which is what lets blob detection find ~all particles at a per-pixel SNR of 1. Only the frames of the
 * current window are kept decoded, so memory stays at n + 1 frames whatever the video's length.
 */
public final class MovingAverageVideo implements Video {
    private final Video base;
    private final int half;
    private final Map<Integer, float[]> decoded = new LinkedHashMap<>();

    /**
     * @param frames the window, an odd number >= 1 (1 gives the base frames as floats)
     */
    public MovingAverageVideo(Video base, int frames) {
        if (frames < 1 || frames % 2 == 0) {
            throw new LptemException("the frames averaged must be an odd number >= 1 (centred on each frame), got "
                    + frames);
        }
        if (frames > base.frameCount()) {
            // every frame would be the mean of nearly the whole video: motion averaged away, not noise
            throw new LptemException(base.source(), -1, "has " + base.frameCount() + " frames, fewer than the "
                    + frames + " to average", null);
        }
        this.base = base;
        this.half = frames / 2;
    }

    /** Frames in each mean (fewer at the ends of the video). */
    public int window() {
        return 2 * half + 1;
    }

    /** The video being averaged. */
    public Video base() {
        return base;
    }

    @Override
    public Frame frame(int index) {
        checkIndex(index);
        int from = Math.max(0, index - half);
        int to = Math.min(frameCount() - 1, index + half);
        decoded.keySet().removeIf(k -> k < from || k > to);
        float[] sum = new float[width() * height()];
        for (int k = from; k <= to; k++) {
            float[] f = decoded.computeIfAbsent(k, i -> base.frame(i).toFloat());
            for (int p = 0; p < sum.length; p++) {
                sum[p] += f[p];
            }
        }
        float n = to - from + 1;
        for (int p = 0; p < sum.length; p++) {
            sum[p] /= n;
        }
        return Frame.ofFloats(width(), height(), sum);
    }

    @Override
    public int frameCount() {
        return base.frameCount();
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
        return PixelType.FLOAT32;
    }

    @Override
    public Calibration calibration() {
        return base.calibration();
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
    public void close() throws IOException {
        base.close();
    }
}
