package org.lptem.track;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.lptem.core.Detection;
import org.lptem.core.LptemException;

/**
 * Detections sorted by frame, then x, then y, with their positions in primitive arrays and the index range of each
 * frame. Linkers work on indices into this table, so that a million detections cost a few arrays, not a million
 * objects per step; sorting first makes every result independent of the input order.
 */
final class DetectionTable {
    static final Comparator<Detection> ORDER = Comparator.comparingInt(Detection::frame)
            .thenComparingDouble(Detection::x).thenComparingDouble(Detection::y);

    final Detection[] detections;
    /** Positions used for linking: the detections' own, or drift-corrected copies. */
    final double[] x;
    final double[] y;
    final int[] frame;
    /** The distinct frames, ascending; frame {@code frames[k]} holds indices {@code start[k] .. start[k+1]-1}. */
    final int[] frames;
    final int[] start;

    private DetectionTable(Detection[] detections, double[] x, double[] y, int[] frame, int[] frames,
            int[] start) {
        this.detections = detections;
        this.x = x;
        this.y = y;
        this.frame = frame;
        this.frames = frames;
        this.start = start;
    }

    /** @throws LptemException naming the frame of a detection without a finite position */
    static DetectionTable of(List<Detection> input) {
        Detection[] sorted = input.toArray(new Detection[0]);
        for (Detection d : sorted) {
            if (!Double.isFinite(d.x()) || !Double.isFinite(d.y())) {
                throw new LptemException(null, d.frame(), "detection has no finite position (x = " + d.x()
                        + ", y = " + d.y() + ")", null);
            }
        }
        sortByFrameThenPosition(sorted);
        int n = sorted.length;
        double[] x = new double[n];
        double[] y = new double[n];
        int[] frame = new int[n];
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            x[i] = sorted[i].x();
            y[i] = sorted[i].y();
            frame[i] = sorted[i].frame();
            if (i == 0 || frame[i] != frame[i - 1]) {
                distinct++;
            }
        }
        int[] frames = new int[distinct];
        int[] start = new int[distinct + 1];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || frame[i] != frame[i - 1]) {
                frames[k] = frame[i];
                start[k++] = i;
            }
        }
        start[distinct] = n;
        return new DetectionTable(sorted, x, y, frame, frames, start);
    }

    /** Sorts in {@link #ORDER} with primitive keys (the comparator over objects is several times slower). */
    private static void sortByFrameThenPosition(Detection[] detections) {
        int n = detections.length;
        long[] byFrame = new long[n];
        for (int i = 0; i < n; i++) {
            // frame in the high half (offset to stay non-negative), input index in the low half
            byFrame[i] = ((detections[i].frame() - (long) Integer.MIN_VALUE) << 32) | i;
        }
        Arrays.sort(byFrame);
        Detection[] copy = detections.clone();
        int[] idx = new int[n];
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
            detections[i] = copy[(int) byFrame[i]];
            x[i] = detections[i].x();
            y[i] = detections[i].y();
        }
        int from = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || detections[i].frame() != detections[from].frame()) {
                IndexSort.byXThenY(idx, from, i, x, y);
                from = i;
            }
        }
        System.arraycopy(detections, 0, copy, 0, n);
        for (int i = 0; i < n; i++) {
            detections[i] = copy[idx[i]];
        }
    }

    int size() {
        return detections.length;
    }

    /** The position of {@code f} in {@link #frames}, or -1 if no detection is in that frame. */
    int slotOf(int f) {
        int k = Arrays.binarySearch(frames, f);
        return k >= 0 ? k : -1;
    }

    /** The same detections with every position moved by minus the drift of its frame. */
    DetectionTable withDriftRemoved(Drift drift) {
        double[] cx = new double[x.length];
        double[] cy = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            cx[i] = detections[i].x() - drift.dx(frame[i]);
            cy[i] = detections[i].y() - drift.dy(frame[i]);
        }
        return new DetectionTable(detections, cx, cy, frame, frames, start);
    }
}
