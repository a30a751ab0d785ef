package org.lptem.core;

import java.util.OptionalDouble;

/**
 * Physical scale of a video: nanometres per pixel and seconds per frame. Either may be unknown; analysis then
 * reports pixels and frames only, and never invents a scale.
 */
public record Calibration(OptionalDouble nmPerPixel, OptionalDouble secondsPerFrame) {

    public static final Calibration NONE = new Calibration(OptionalDouble.empty(), OptionalDouble.empty());

    public Calibration {
        check("pixel size (nm/px)", nmPerPixel);
        check("frame interval (s/frame)", secondsPerFrame);
    }

    private static void check(String what, OptionalDouble v) {
        if (v.isPresent() && !(v.getAsDouble() > 0 && Double.isFinite(v.getAsDouble()))) {
            throw new LptemException(what + " must be a positive finite number, got " + v.getAsDouble());
        }
    }

    public static Calibration of(Double nmPerPixel, Double secondsPerFrame) {
        return new Calibration(opt(nmPerPixel), opt(secondsPerFrame));
    }

    private static OptionalDouble opt(Double d) {
        return d == null ? OptionalDouble.empty() : OptionalDouble.of(d);
    }

    public boolean hasPixelSize() {
        return nmPerPixel.isPresent();
    }

    public boolean hasFrameInterval() {
        return secondsPerFrame.isPresent();
    }

    /** This calibration with every value the override knows replacing ours (user settings beat file metadata). */
    public Calibration overriddenBy(Calibration override) {
        return new Calibration(
                override.nmPerPixel.isPresent() ? override.nmPerPixel : nmPerPixel,
                override.secondsPerFrame.isPresent() ? override.secondsPerFrame : secondsPerFrame);
    }

    public double toNm(double pixels) {
        return pixels * nmPerPixel.orElseThrow(() -> new LptemException("the video has no pixel size (nm/px)"));
    }

    public double toSeconds(double frames) {
        return frames * secondsPerFrame.orElseThrow(
                () -> new LptemException("the video has no frame interval (s/frame)"));
    }

    @Override
    public String toString() {
        return (nmPerPixel.isPresent() ? nmPerPixel.getAsDouble() + " nm/px" : "pixel size unknown") + ", "
                + (secondsPerFrame.isPresent() ? secondsPerFrame.getAsDouble() + " s/frame" : "frame interval unknown");
    }
}
