package org.lptem.stats;

import java.util.ArrayList;
import java.util.List;
import org.lptem.core.Detection;
import org.lptem.core.LptemException;
import org.lptem.core.Track;

/**
 * A track as plain arrays (frames, x, y in px, orientation in degrees), the form every statistic here works on. A
 * {@link Track} holds one record per point; copying the coordinates once into arrays keeps the inner loops of the
 * MSD and its relatives free of indirection, and lets benchmarks and generators skip the record layer entirely.
 * The arrays are owned by the series: do not modify them.
 */
public final class TrackSeries {
    private final int particle;
    private final int[] frames;
    private final double[] x;
    private final double[] y;
    private final double[] orientationDeg;

    /**
     * @param frames strictly increasing 0-based frame indices
     * @param x positions in px
     * @param y positions in px
     * @param orientationDeg orientation in degrees per point (NaN where unknown), or null when no point has one
     */
    public TrackSeries(int particle, int[] frames, double[] x, double[] y, double[] orientationDeg) {
        if (frames.length == 0) {
            throw new LptemException("track " + particle + " has no points");
        }
        if (x.length != frames.length || y.length != frames.length
                || (orientationDeg != null && orientationDeg.length != frames.length)) {
            throw new IllegalArgumentException("track " + particle + ": frames, x, y and orientation must have the "
                    + "same length");
        }
        for (int i = 1; i < frames.length; i++) {
            if (frames[i] <= frames[i - 1]) {
                throw new LptemException("track " + particle + ": frames must increase, got frame " + frames[i]
                        + " after " + frames[i - 1]);
            }
        }
        for (int i = 0; i < frames.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new LptemException("track " + particle + ": frame " + frames[i] + " has no finite position");
            }
        }
        this.particle = particle;
        this.frames = frames;
        this.x = x;
        this.y = y;
        this.orientationDeg = orientationDeg;
    }

    /** A series without orientation. */
    public TrackSeries(int particle, int[] frames, double[] x, double[] y) {
        this(particle, frames, x, y, null);
    }

    public static TrackSeries of(Track track) {
        int n = track.size();
        int[] f = new int[n];
        double[] x = new double[n];
        double[] y = new double[n];
        double[] o = new double[n];
        boolean anyOrientation = false;
        for (int i = 0; i < n; i++) {
            Detection d = track.points().get(i);
            f[i] = d.frame();
            x[i] = d.x();
            y[i] = d.y();
            // a round particle's axis is pixel noise: no rotational statistics of it
            o[i] = d.hasOrientation() ? d.orientationDeg() : Double.NaN;
            anyOrientation |= Double.isFinite(o[i]);
        }
        return new TrackSeries(track.particle(), f, x, y, anyOrientation ? o : null);
    }

    public static List<TrackSeries> ofAll(List<Track> tracks) {
        List<TrackSeries> out = new ArrayList<>(tracks.size());
        for (Track t : tracks) {
            out.add(of(t));
        }
        return out;
    }

    public int particle() {
        return particle;
    }

    /** Number of points. */
    public int size() {
        return frames.length;
    }

    public int[] frames() {
        return frames;
    }

    public double[] x() {
        return x;
    }

    public double[] y() {
        return y;
    }

    public int frame(int i) {
        return frames[i];
    }

    public int firstFrame() {
        return frames[0];
    }

    public int lastFrame() {
        return frames[frames.length - 1];
    }

    /** Frames from the first to the last point, both included (the length the track would have without gaps). */
    public int spanFrames() {
        return lastFrame() - firstFrame() + 1;
    }

    /** Frames inside the span without a point. */
    public int missingFrames() {
        return spanFrames() - size();
    }

    public boolean hasOrientation() {
        return orientationDeg != null;
    }

    /** Orientation per point in degrees (NaN where unknown). @throws LptemException if the track has none */
    public double[] orientationDeg() {
        if (orientationDeg == null) {
            throw new LptemException("track " + particle + " has no orientation");
        }
        return orientationDeg;
    }

    /** The points whose indices are in {@code keep} (increasing), e.g. to drop frames in tests and resampling. */
    public TrackSeries subset(int[] keep) {
        int[] f = new int[keep.length];
        double[] sx = new double[keep.length];
        double[] sy = new double[keep.length];
        double[] so = orientationDeg == null ? null : new double[keep.length];
        for (int i = 0; i < keep.length; i++) {
            f[i] = frames[keep[i]];
            sx[i] = x[keep[i]];
            sy[i] = y[keep[i]];
            if (so != null) {
                so[i] = orientationDeg[keep[i]];
            }
        }
        return new TrackSeries(particle, f, sx, sy, so);
    }
}
