package org.lptem.simulate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lptem.core.Detection;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;
import org.lptem.core.Track;
import org.lptem.io.CsvWriter;

/**
 * The motion models without images: free trajectories (no field, no walls, no other particles), each starting at
 * the origin, for statistics and for training trajectory models such as LEONARDO. Track p is drawn from the same
 * stream as particle p of a video with the same settings. Written track by track, so memory does not grow with
 * the number of tracks.
 */
public final class TrajectoryExport {
    /** Columns of the CSV: px (from the settings' pixel size) and nm, s from the frame interval. */
    public static final List<String> COLUMNS = List.of("frame", "particle", "x", "y", "x_nm", "y_nm", "t_s");
    private static final long MAX_POINTS = 2_000_000_000L;

    private TrajectoryExport() {
    }

    /** {@code tracks} trajectories of {@code length} frames of the settings' motion model. */
    public static List<Track> simulate(SimulationSettings s, int tracks, int length) {
        return simulate(s, tracks, length, Progress.NONE);
    }

    /**
     * {@code tracks} trajectories of {@code length} frames of the settings' motion model, reporting after each track
     * and checking for cancellation before each.
     *
     * @throws org.lptem.core.CanceledException when {@code progress} is canceled; nothing is returned
     */
    public static List<Track> simulate(SimulationSettings s, int tracks, int length, Progress progress) {
        check(tracks, length);
        List<Track> out = new ArrayList<>(tracks);
        generate(s, tracks, length, progress, (p, xy) -> {
            List<Detection> points = new ArrayList<>(length);
            for (int f = 0; f < length; f++) {
                points.add(Detection.at(f, xy[0][f], xy[1][f]));
            }
            out.add(new Track(p + 1, points));
        });
        return out;
    }

    /** Writes the trajectories to a CSV with {@link #COLUMNS}; the file appears only when complete. */
    public static void write(Path csvFile, SimulationSettings s, int tracks, int length, Progress progress) {
        check(tracks, length);
        try (CsvWriter csv = new CsvWriter(csvFile, COLUMNS)) {
            try {
                generate(s, tracks, length, progress, (p, xy) -> {
                    for (int f = 0; f < length; f++) {
                        csv.row(f, p + 1, xy[0][f], xy[1][f], xy[0][f] * s.nmPerPixel(), xy[1][f] * s.nmPerPixel(),
                                f * s.secondsPerFrame());
                    }
                });
            } catch (RuntimeException e) {
                csv.abort();
                throw e;
            }
        }
    }

    /** Receives track {@code particle} (0-based) as {x[], y[]}, px; the arrays are not reused. */
    private interface TrackSink {
        void accept(int particle, double[][] xy);
    }

    /**
     * The one loop behind {@link #simulate} and {@link #write}, so that both draw the same tracks and report and
     * cancel alike. Callers check the arguments first, before they allocate or open anything.
     */
    private static void generate(SimulationSettings s, int tracks, int length, Progress progress, TrackSink sink) {
        MotionModel model = s.motion().create(s);
        for (int p = 0; p < tracks; p++) {
            progress.checkCanceled();
            sink.accept(p, track(s, model, p, length));
            progress.report((p + 1.0) / tracks, "track " + (p + 1) + " of " + tracks);
        }
    }

    private static void check(int tracks, int length) {
        if (tracks < 1) {
            throw new LptemException("the number of tracks must be at least 1, got " + tracks);
        }
        if (length < 2) {
            throw new LptemException("the track length must be at least 2 frames, got " + length);
        }
        if ((long) tracks * length > MAX_POINTS) {
            throw new LptemException("tracks x length must be at most " + MAX_POINTS + ", got " + tracks + " x "
                    + length);
        }
    }

    private static double[][] track(SimulationSettings s, MotionModel model, int particle, int length) {
        double[] dx = new double[length - 1];
        double[] dy = new double[length - 1];
        model.increments(SplitMix64.stream(s.seed(), SplitMix64.MOTION, particle), dx, dy);
        double[] x = new double[length];
        double[] y = new double[length];
        for (int f = 1; f < length; f++) {
            x[f] = x[f - 1] + dx[f - 1];
            y[f] = y[f - 1] + dy[f - 1];
        }
        return new double[][] {x, y};
    }
}
