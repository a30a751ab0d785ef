package org.lptem.leonardo;

import java.util.ArrayList;
import java.util.List;
import org.lptem.core.Calibration;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;
import org.lptem.core.Track;
import org.lptem.stats.TrackSeries;

/**
 * Cuts a tracks table into LEONARDO's training trajectories: windows of {@code length} consecutive frames, starting
 * every {@code stride} frames inside each gap-free stretch of a track (a missing frame would fake a long jump).
 *
 * @param windows in track order, then frame order
 * @param calibration of the table the windows came from
 * @param skippedStill windows left out because the particle did not move
 */
public record TrajectoryWindows(List<Window> windows, Calibration calibration, int skippedStill) {

    public static TrajectoryWindows cut(List<Track> tracks, Calibration calibration, int length, int stride,
            Progress progress) {
        return cutSeries(TrackSeries.ofAll(tracks), calibration, length, stride, progress);
    }

    public static TrajectoryWindows cutSeries(List<TrackSeries> tracks, Calibration calibration, int length,
            int stride, Progress progress) {
        if (length < 2) {
            throw new LptemException("the window length must be at least 2 frames, got " + length);
        }
        if (stride < 1) {
            throw new LptemException("the window stride must be at least 1 frame, got " + stride);
        }
        List<Window> out = new ArrayList<>();
        int still = 0;
        int done = 0;
        for (TrackSeries t : tracks) {
            progress.checkCanceled();
            int[] f = t.frames();
            int start = 0;
            for (int i = 1; i <= f.length; i++) {
                if (i == f.length || f[i] != f[i - 1] + 1) {
                    for (int from = start; from + length <= i; from += stride) {
                        Window w = Window.of(t.particle(), f[from], t.x(), t.y(), from, length);
                        if (w == null) {
                            still++;
                        } else {
                            out.add(w);
                        }
                    }
                    start = i;
                }
            }
            progress.report(++done / (double) tracks.size(), "windows");
        }
        return new TrajectoryWindows(List.copyOf(out), calibration, still);
    }

    public int size() {
        return windows.size();
    }

    /** Fails with a message naming the source when there is nothing to train on. */
    public TrajectoryWindows requireAtLeast(int n, String source, int length) {
        if (windows.size() < n) {
            throw new LptemException(source, -1, "has " + windows.size() + " windows of " + length
                    + " consecutive frames (need at least " + n + "); use longer tracks or a shorter --length", null);
        }
        return this;
    }
}
