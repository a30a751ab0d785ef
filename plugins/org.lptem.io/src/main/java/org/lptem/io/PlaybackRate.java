package org.lptem.io;

/**
 * A movie's frame rate as the two 32-bit integers containers store, {@code frames / seconds} (AVI's dwRate/dwScale,
 * MP4's timescale and per-frame duration): thousandths of a frame per second from 1 fps up, whole milliseconds per
 * frame below, so a real-time export of a slow time-lapse (one frame an hour) keeps its rate instead of rounding to
 * zero frames per second.
 */
record PlaybackRate(int frames, int seconds) {
    /** The longest frame interval stored: a millisecond count must fit an int (about 24.8 days). */
    static final double MAX_INTERVAL_S = Integer.MAX_VALUE / 1000.0;

    /** @throws IllegalArgumentException for a rate outside (0, 1000] or a frame interval over MAX_INTERVAL_S */
    static PlaybackRate of(double framesPerSecond) {
        if (!(framesPerSecond > 0 && framesPerSecond <= 1000)) {
            throw new IllegalArgumentException("need 0 < fps <= 1000, got " + framesPerSecond);
        }
        if (framesPerSecond >= 1) {
            return new PlaybackRate((int) Math.round(framesPerSecond * 1000), 1000);
        }
        double ms = Math.rint(1000 / framesPerSecond);
        if (ms > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a frame interval of " + 1 / framesPerSecond + " s is longer than "
                    + MAX_INTERVAL_S + " s");
        }
        int interval = (int) ms;
        int g = gcd(1000, interval);
        return new PlaybackRate(1000 / g, interval / g);
    }

    /**
     * The time between frames in microseconds for AVI's main header, at most 2^32 - 1 (about 72 min): players time
     * the stream by its rate and scale, this field is advisory, so a longer interval is capped rather than refused.
     */
    long microsecondsPerFrame() {
        return Math.min(0xFFFFFFFFL, Math.round(1e6 * seconds / frames));
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
