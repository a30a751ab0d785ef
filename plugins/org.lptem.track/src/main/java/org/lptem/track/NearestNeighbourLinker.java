package org.lptem.track;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.lptem.core.Detection;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;
import org.lptem.core.Track;

/**
 * Frame-to-frame linking of detections into tracks by greedy nearest-neighbour assignment with gap closing.
 *
 * <p>For each frame, every pair (active track, detection) closer than the maximum distance is a candidate; pairs are
 * taken in order of increasing distance over the whole frame, each track and each detection at most once. Taking the
 * globally closest pair first (rather than letting each track pick in turn) means the result does not depend on the
 * order of tracks, and a track cannot steal a detection that is much closer to another. A track stays active for
 * {@code memoryFrames} frames without detection, so a particle missed in a few frames keeps its identity.
 */
public final class NearestNeighbourLinker implements Linker {
    /** Input order of detections does not matter: everything is processed in this order. */
    private static final Comparator<Detection> ORDER = Comparator.comparingInt(Detection::frame)
            .thenComparingDouble(Detection::x).thenComparingDouble(Detection::y);

    private final double maxDistancePx;
    private final int memoryFrames;

    /**
     * @param maxDistancePx largest displacement linked between the last point of a track and a new detection, px
     * @param memoryFrames number of consecutive frames a particle may go undetected and still be linked
     */
    public NearestNeighbourLinker(double maxDistancePx, int memoryFrames) {
        if (!(maxDistancePx > 0) || Double.isInfinite(maxDistancePx)) {
            throw new LptemException("maximum linking distance must be a finite number > 0 px, got " + maxDistancePx);
        }
        if (memoryFrames < 0) {
            throw new LptemException("memory must be >= 0 frames, got " + memoryFrames);
        }
        this.maxDistancePx = maxDistancePx;
        this.memoryFrames = memoryFrames;
    }

    public double maxDistancePx() {
        return maxDistancePx;
    }

    public int memoryFrames() {
        return memoryFrames;
    }

    /**
     * Links detections (in any order) into tracks numbered 1..n in order of their first detection (frame, then x,
     * then y), points in frame order.
     *
     * @throws LptemException if a detection has no finite position
     * @throws org.lptem.core.CanceledException if {@code progress} reports cancellation (checked once per frame)
     */
    @Override
    public List<Track> link(List<Detection> detections, Progress progress) {
        List<Detection> sorted = new ArrayList<>(detections.size());
        for (Detection d : detections) {
            if (!Double.isFinite(d.x()) || !Double.isFinite(d.y())) {
                throw new LptemException(null, d.frame(), "detection has no finite position (x = " + d.x()
                        + ", y = " + d.y() + ")", null);
            }
            sorted.add(d);
        }
        sorted.sort(ORDER);
        int frameCount = countFrames(sorted);

        List<TrackBuilder> all = new ArrayList<>();
        List<TrackBuilder> active = new ArrayList<>();
        int start = 0;
        for (int done = 0; done < frameCount; done++) {
            progress.checkCanceled();
            int frame = sorted.get(start).frame();
            int end = start;
            while (end < sorted.size() && sorted.get(end).frame() == frame) {
                end++;
            }
            progress.report((double) done / frameCount,
                    "linking frame " + frame + " (" + (done + 1) + "/" + frameCount + ")");
            // Tracks whose last point is more than memory + 1 frames back can never be continued.
            active.removeIf(t -> frame - t.lastFrame() > memoryFrames + 1);
            List<Detection> current = sorted.subList(start, end);
            int[] trackOf = assign(active, current);
            List<TrackBuilder> started = new ArrayList<>();
            for (int i = 0; i < current.size(); i++) {
                if (trackOf[i] >= 0) {
                    active.get(trackOf[i]).add(current.get(i));
                } else {
                    TrackBuilder t = new TrackBuilder(all.size() + 1, current.get(i));
                    all.add(t);
                    started.add(t);
                }
            }
            active.addAll(started);
            start = end;
        }
        progress.report(1, "linked " + all.size() + " tracks");
        List<Track> tracks = new ArrayList<>(all.size());
        for (TrackBuilder t : all) {
            tracks.add(new Track(t.id, t.points));
        }
        return tracks;
    }

    private static int countFrames(List<Detection> sorted) {
        int n = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (i == 0 || sorted.get(i).frame() != sorted.get(i - 1).frame()) {
                n++;
            }
        }
        return n;
    }

    /** One possible link; ordered by distance, ties broken by track then detection so the result is reproducible. */
    private record Candidate(double distanceSquared, int track, int detection) {
        static final Comparator<Candidate> ORDER = Comparator.comparingDouble(Candidate::distanceSquared)
                .thenComparingInt(Candidate::track).thenComparingInt(Candidate::detection);
    }

    /** For each detection of the frame, the index in {@code active} of the track it continues, or -1. */
    private int[] assign(List<TrackBuilder> active, List<Detection> current) {
        int[] trackOf = new int[current.size()];
        java.util.Arrays.fill(trackOf, -1);
        if (active.isEmpty()) {
            return trackOf;
        }
        double[] xs = new double[current.size()];
        double[] ys = new double[current.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = current.get(i).x();
            ys[i] = current.get(i).y();
        }
        SpatialGrid grid = new SpatialGrid(xs, ys, maxDistancePx);
        List<Candidate> candidates = new ArrayList<>();
        for (int t = 0; t < active.size(); t++) {
            Detection last = active.get(t).last();
            int track = t;
            grid.forEachWithin(last.x(), last.y(), maxDistancePx,
                    (detection, d2) -> candidates.add(new Candidate(d2, track, detection)));
        }
        candidates.sort(Candidate.ORDER);
        boolean[] trackTaken = new boolean[active.size()];
        for (Candidate c : candidates) {
            if (!trackTaken[c.track] && trackOf[c.detection] < 0) {
                trackTaken[c.track] = true;
                trackOf[c.detection] = c.track;
            }
        }
        return trackOf;
    }

    private static final class TrackBuilder {
        final int id;
        final List<Detection> points = new ArrayList<>();

        TrackBuilder(int id, Detection first) {
            this.id = id;
            points.add(first);
        }

        void add(Detection d) {
            points.add(d);
        }

        Detection last() {
            return points.get(points.size() - 1);
        }

        int lastFrame() {
            return last().frame();
        }
    }
}
