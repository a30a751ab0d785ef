package org.lptem.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.lptem.core.Calibration;
import org.lptem.core.Columns;
import org.lptem.core.Detection;
import org.lptem.core.LptemException;
import org.lptem.core.Track;

/**
 * Track tables: one row per track point with the columns frame, particle, x, y, [x_nm, y_nm] when the pixel size is
 * known, [t_s] when the frame interval is, then the detection measures. Reading also accepts trackpy's tables and
 * SAM-EM's {@code trajectories.csv} ({@code frame,particle_id,x,y,angle}).
 */
public final class TracksCsv {
    private TracksCsv() {
    }

    /** Writes every track, track after track, each in frame order. */
    public static void write(Path out, List<Track> tracks, Calibration calibration) {
        DetectionColumns columns = new DetectionColumns(calibration, true);
        try (CsvWriter csv = new CsvWriter(out, columns.header())) {
            try {
                for (Track t : tracks) {
                    for (Detection d : t.points()) {
                        csv.row(columns.values(t.particle(), d));
                    }
                }
            } catch (RuntimeException e) {
                csv.abort();
                throw e;
            }
        }
    }

    /** Reads tracks (needs frame, particle or particle_id, x, y), sorted by particle id, points by frame. */
    public static List<Track> read(Path file) {
        try (CsvReader reader = CsvReader.open(file)) {
            DetectionColumns.requirePosition(reader);
            String particle = reader.requireColumn(Columns.PARTICLE, "particle_id");
            boolean orientation = reader.hasColumn(Columns.ORIENTATION_DEG);
            boolean angle = reader.hasColumn("angle");
            Map<Integer, List<Detection>> byParticle = new TreeMap<>();
            for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
                int id = row.getInt(particle);
                byParticle.computeIfAbsent(id, k -> new ArrayList<>())
                        .add(DetectionColumns.read(row, orientation, angle));
            }
            List<Track> tracks = new ArrayList<>();
            for (Map.Entry<Integer, List<Detection>> e : byParticle.entrySet()) {
                List<Detection> points = e.getValue();
                points.sort(Comparator.comparingInt(Detection::frame));
                for (int i = 1; i < points.size(); i++) {
                    if (points.get(i).frame() == points.get(i - 1).frame()) {
                        throw LptemException.inFile(file, "particle " + e.getKey() + " has two rows for frame "
                                + points.get(i).frame() + " (a track has at most one point per frame)");
                    }
                }
                tracks.add(new Track(e.getKey(), points));
            }
            return tracks;
        }
    }
}
