package org.lptem.track;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.lptem.core.Detection;
import org.lptem.core.Track;
import org.lptem.io.CsvWriter;

/**
 * Tracks as trackpy writes them ({@code tp.link} output saved with {@code to_csv(index=False)}): the columns y, x,
 * mass, size, ecc, signal, raw_mass, ep, frame, particle, in that order, so scripts written for trackpy
 * ({@code tp.imsd}, {@code tp.emsd}, {@code tp.filter_stubs}) run on them unchanged. Measures trackpy has and we do
 * not are empty (NaN to pandas): mass is area x mean intensity, size the radius of gyration of a disc of the
 * region's area, ecc the ellipse eccentricity.
 */
public final class TrackpyCsv {
    public static final List<String> COLUMNS = List.of("y", "x", "mass", "size", "ecc", "signal", "raw_mass", "ep",
            "frame", "particle");

    private TrackpyCsv() {
    }

    private record Point(Detection d, int particle) {
    }

    /** Writes the points frame by frame (trackpy's order), the file appearing only when complete. */
    public static void write(Path out, List<Track> tracks) {
        List<Point> rows = new ArrayList<>();
        for (Track t : tracks) {
            for (Detection d : t.points()) {
                rows.add(new Point(d, t.particle()));
            }
        }
        rows.sort(Comparator.comparingInt((Point p) -> p.d().frame()).thenComparingInt(Point::particle));
        try (CsvWriter csv = new CsvWriter(out, COLUMNS)) {
            try {
                for (Point r : rows) {
                    Detection d = r.d();
                    csv.row(d.y(), d.x(), d.area() * d.meanIntensity(), Math.sqrt(d.area() / (2 * Math.PI)),
                            eccentricity(d), Double.NaN, Double.NaN, Double.NaN, d.frame(), r.particle());
                }
            } catch (RuntimeException e) {
                csv.abort();
                throw e;
            }
        }
    }

    private static double eccentricity(Detection d) {
        double ratio = d.minorAxis() / d.majorAxis();
        return ratio >= 0 && ratio <= 1 ? Math.sqrt(1 - ratio * ratio) : Double.NaN;
    }
}
