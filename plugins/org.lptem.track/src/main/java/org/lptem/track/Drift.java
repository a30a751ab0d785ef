package org.lptem.track;

import org.lptem.core.math.OrderStatistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lptem.core.Detection;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;
import org.lptem.core.Track;

/**
 * Global drift of the field of view (stage or liquid flow) as a cumulative offset per frame, px, relative to the
 * first frame. Subtracting it before linking makes the displacements the linker sees those of the particles
 * relative to the liquid, so a search radius sized for diffusion still works on a drifting video.
 */
public final class Drift {
    /** No drift. */
    public static final Drift NONE = new Drift(0, new double[] {0}, new double[] {0});

    private final int firstFrame;
    private final double[] x;
    private final double[] y;

    private Drift(int firstFrame, double[] x, double[] y) {
        this.firstFrame = firstFrame;
        this.x = x;
        this.y = y;
    }

    /**
     * A drift given per frame: {@code x[i], y[i]} is the offset of frame {@code firstFrame + i}, px. Frames before
     * the first have the first offset, frames after the last the last.
     */
    public static Drift of(int firstFrame, double[] x, double[] y) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("drift needs as many x as y offsets, at least one");
        }
        return new Drift(firstFrame, x.clone(), y.clone());
    }

    /**
     * Estimates the drift from detections alone, before any linking, so it works when the drift per frame exceeds
     * the linking distance. For each pair of consecutive frames, every pair of detections closer than
     * {@code maxStepPx} votes for its displacement in a histogram of {@code resolutionPx} bins: the particles'
     * common motion piles up in one bin while chance pairs spread thin. The step is the median displacement of the
     * pairs within 1.5 bins of the peak. Frames without detections are bridged: the frames on either side are
     * compared with the search radius times the gap (and bins widened by its square root), and the step is shared
     * evenly among the frames of the gap.
     *
     * @param maxStepPx largest drift between two frames looked for, px
     * @param resolutionPx histogram bin, about the particles' own step, px
     */
    public static Drift estimate(List<Detection> detections, double maxStepPx, double resolutionPx) {
        if (!(maxStepPx > 0) || !(resolutionPx > 0) || Double.isInfinite(maxStepPx)) {
            throw new LptemException("drift search needs a finite maximum step and a resolution > 0 px, "
                    + "got " + maxStepPx + " and " + resolutionPx);
        }
        return vote(DetectionTable.of(detections), maxStepPx, resolutionPx, Progress.NONE);
    }

    static Drift vote(DetectionTable table, double maxStep, double resolution, Progress progress) {
        if (table.frames.length < 2) {
            return NONE;
        }
        int first = table.frames[0];
        int steps = table.frames[table.frames.length - 1] - first;
        double[] cx = new double[steps + 1];
        double[] cy = new double[steps + 1];
        for (int k = 1; k < table.frames.length; k++) {
            progress.checkCanceled();
            int from = table.frames[k - 1] - first;
            int gap = table.frames[k] - table.frames[k - 1];
            // Across frames without detections the field keeps drifting: compare the observed frames on either side
            // with a search radius for the whole gap and a bin for the particles' own motion over it (diffusion
            // spreads as the square root of time).
            double[] step = step(table, k, maxStep * gap, resolution * Math.sqrt(gap));
            // a slowly varying drift is best guessed as even over the skipped frames
            double perFrameX = step == null ? 0 : step[0] / gap;
            double perFrameY = step == null ? 0 : step[1] / gap;
            for (int s = 1; s <= gap; s++) {
                cx[from + s] = cx[from] + s * perFrameX;
                cy[from + s] = cy[from] + s * perFrameY;
            }
        }
        return new Drift(first, cx, cy);
    }

    /**
     * The common displacement from the detections of {@code table.frames[k - 1]} to those of
     * {@code table.frames[k]}, or null when no pair lies within {@code maxStep}.
     */
    private static double[] step(DetectionTable table, int k, double maxStep, double resolution) {
        int half = (int) Math.ceil(maxStep / resolution);
        int side = 2 * half + 1;
        int[] votes = new int[side * side];
        int from = table.start[k];
        int to = table.start[k + 1];
        SpatialGrid grid = new SpatialGrid(Arrays.copyOfRange(table.x, from, to),
                Arrays.copyOfRange(table.y, from, to), maxStep);
        int pairs = 0;
        for (int i = table.start[k - 1]; i < from; i++) {
            double x0 = table.x[i];
            double y0 = table.y[i];
            int[] count = {0};
            grid.forEachWithin(x0, y0, maxStep, (j, d2) -> {
                int bx = half + (int) Math.floor((table.x[from + j] - x0) / resolution + 0.5);
                int by = half + (int) Math.floor((table.y[from + j] - y0) / resolution + 0.5);
                if (bx >= 0 && by >= 0 && bx < side && by < side) {
                    votes[by * side + bx]++;
                    count[0]++;
                }
            });
            pairs += count[0];
        }
        if (pairs == 0) {
            return null;
        }
        int peak = 0;
        for (int b = 1; b < votes.length; b++) {
            if (votes[b] > votes[peak]) {
                peak = b;
            }
        }
        double px = (peak % side - half) * resolution;
        double py = (peak / side - half) * resolution;
        // re-centre on the median a few times: a window centred on the bin, not on the drift, would cut one
        // tail of the displacements and bias every step the same way
        double window = 1.5 * resolution;
        double radius = Math.min(maxStep, window * Math.sqrt(2));
        Displacements near = new Displacements();
        for (int round = 0; round < 3; round++) {
            near.n = 0;
            for (int i = table.start[k - 1]; i < from; i++) {
                double x0 = table.x[i];
                double y0 = table.y[i];
                double cxp = px;
                double cyp = py;
                grid.forEachWithin(x0 + cxp, y0 + cyp, radius, (j, d2) -> {
                    double dx = table.x[from + j] - x0;
                    double dy = table.y[from + j] - y0;
                    if (Math.abs(dx - cxp) <= window && Math.abs(dy - cyp) <= window) {
                        near.add(dx, dy);
                    }
                });
            }
            if (near.n == 0) {
                break;
            }
            px = OrderStatistics.median(near.dx, near.n);
            py = OrderStatistics.median(near.dy, near.n);
        }
        return new double[] {px, py};
    }

    /** A growable list of displacement vectors. */
    private static final class Displacements {
        double[] dx = new double[64];
        double[] dy = new double[64];
        int n;

        void add(double x, double y) {
            if (n == dx.length) {
                dx = Arrays.copyOf(dx, 2 * n);
                dy = Arrays.copyOf(dy, 2 * n);
            }
            dx[n] = x;
            dy[n++] = y;
        }
    }

    /**
     * Estimates the drift from tracks: the step of each frame is the median displacement of all links between that
     * frame and the next (the median ignores the few wrong links and particles moving on their own), and the drift
     * is the sum of the steps. Frames with no links are taken to have no step.
     */
    public static Drift estimate(List<Track> tracks) {
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (Track t : tracks) {
            first = Math.min(first, t.firstFrame());
            last = Math.max(last, t.lastFrame());
        }
        if (first >= last) {
            return NONE;
        }
        int steps = last - first;
        int[] count = new int[steps + 1];
        for (Track t : tracks) {
            List<Detection> p = t.points();
            for (int i = 1; i < p.size(); i++) {
                if (p.get(i).frame() == p.get(i - 1).frame() + 1) {
                    count[p.get(i - 1).frame() - first + 1]++;
                }
            }
        }
        for (int s = 0; s < steps; s++) {
            count[s + 1] += count[s];
        }
        double[] dx = new double[count[steps]];
        double[] dy = new double[count[steps]];
        int[] fill = Arrays.copyOf(count, steps);
        for (Track t : tracks) {
            List<Detection> p = t.points();
            for (int i = 1; i < p.size(); i++) {
                Detection a = p.get(i - 1);
                Detection b = p.get(i);
                if (b.frame() == a.frame() + 1) {
                    int k = fill[a.frame() - first]++;
                    dx[k] = b.x() - a.x();
                    dy[k] = b.y() - a.y();
                }
            }
        }
        double[] cx = new double[steps + 1];
        double[] cy = new double[steps + 1];
        for (int s = 0; s < steps; s++) {
            int from = count[s];
            int n = count[s + 1] - from;
            cx[s + 1] = cx[s] + (n == 0 ? 0 : OrderStatistics.median(Arrays.copyOfRange(dx, from, from + n), n));
            cy[s + 1] = cy[s] + (n == 0 ? 0 : OrderStatistics.median(Arrays.copyOfRange(dy, from, from + n), n));
        }
        return new Drift(first, cx, cy);
    }

    public int firstFrame() {
        return firstFrame;
    }

    public int lastFrame() {
        return firstFrame + x.length - 1;
    }

    /** Offset of {@code frame} in x, px. */
    public double dx(int frame) {
        return x[clamp(frame)];
    }

    /** Offset of {@code frame} in y, px. */
    public double dy(int frame) {
        return y[clamp(frame)];
    }

    private int clamp(int frame) {
        return Math.max(0, Math.min(x.length - 1, frame - firstFrame));
    }

    /** The detections with their frame's offset subtracted, in the same order. */
    public List<Detection> subtractFrom(List<Detection> detections) {
        List<Detection> out = new ArrayList<>(detections.size());
        for (Detection d : detections) {
            out.add(new Detection(d.frame(), d.x() - dx(d.frame()), d.y() - dy(d.frame()), d.area(),
                    d.orientationDeg(), d.majorAxis(), d.minorAxis(), d.meanIntensity(), d.score(), d.label()));
        }
        return out;
    }

    @Override
    public String toString() {
        return "Drift[frames " + firstFrame + ".." + lastFrame() + ", last offset (" + x[x.length - 1] + ", "
                + y[y.length - 1] + ") px]";
    }
}
