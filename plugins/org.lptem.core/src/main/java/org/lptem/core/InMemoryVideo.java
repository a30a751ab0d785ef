package org.lptem.core;

import java.util.List;

/** A video whose frames are already decoded; for small synthetic videos and tests, not for files. */
public final class InMemoryVideo implements Video {
    private final List<Frame> frames;
    private final Calibration calibration;
    private final String source;

    public InMemoryVideo(String source, List<Frame> frames, Calibration calibration) {
        if (frames.isEmpty()) {
            throw new LptemException(source, -1, "a video needs at least one frame", null);
        }
        Frame first = frames.get(0);
        for (int i = 1; i < frames.size(); i++) {
            Frame f = frames.get(i);
            if (f.width() != first.width() || f.height() != first.height() || f.type() != first.type()) {
                throw LptemException.inFrame(source, i, "is " + f.width() + " x " + f.height() + " "
                        + f.type().label() + " but frame 0 is " + first.width() + " x " + first.height() + " "
                        + first.type().label(), null);
            }
        }
        this.frames = List.copyOf(frames);
        this.calibration = calibration;
        this.source = source;
    }

    @Override
    public int frameCount() {
        return frames.size();
    }

    @Override
    public int width() {
        return frames.get(0).width();
    }

    @Override
    public int height() {
        return frames.get(0).height();
    }

    @Override
    public PixelType pixelType() {
        return frames.get(0).type();
    }

    @Override
    public Calibration calibration() {
        return calibration;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public String format() {
        return "memory";
    }

    @Override
    public Frame frame(int index) {
        checkIndex(index);
        return frames.get(index);
    }

    @Override
    public void close() {
    }
}
