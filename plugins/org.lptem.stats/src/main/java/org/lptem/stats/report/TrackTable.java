package org.lptem.stats.report;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.lptem.core.Calibration;
import org.lptem.core.Columns;
import org.lptem.core.Track;
import org.lptem.io.CsvReader;
import org.lptem.io.TracksCsv;

/**
 * A tracks CSV with the calibration it implies: tables written by this project carry {@code x_nm} next to
 * {@code x} and {@code t_s} next to {@code frame} when the video was calibrated, so the pixel size and frame
 * interval are their ratios (taken from the first row where x and frame are non-zero).
 *
 * @param tracks as {@link TracksCsv#read} gives them
 * @param calibration what the table implies; unknown parts stay unknown
 */
public record TrackTable(List<Track> tracks, Calibration calibration) {

    public static TrackTable read(Path file) {
        List<Track> tracks = TracksCsv.read(file);
        OptionalDouble nmPerPx = OptionalDouble.empty();
        OptionalDouble sPerFrame = OptionalDouble.empty();
        try (CsvReader reader = CsvReader.open(file)) {
            boolean nm = reader.hasColumn(Columns.X_NM) && reader.hasColumn(Columns.X);
            boolean s = reader.hasColumn(Columns.T_S) && reader.hasColumn(Columns.FRAME);
            for (CsvReader.Row row = reader.next(); row != null && ((nm && nmPerPx.isEmpty())
                    || (s && sPerFrame.isEmpty())); row = reader.next()) {
                if (nm && nmPerPx.isEmpty()) {
                    nmPerPx = ratio(row.getDouble(Columns.X_NM), row.getDouble(Columns.X));
                }
                if (s && sPerFrame.isEmpty()) {
                    sPerFrame = ratio(row.getDouble(Columns.T_S), row.getInt(Columns.FRAME));
                }
            }
        }
        return new TrackTable(tracks, new Calibration(nmPerPx, sPerFrame));
    }

    private static OptionalDouble ratio(double calibrated, double raw) {
        double r = calibrated / raw;
        return raw != 0 && Double.isFinite(r) && r > 0 ? OptionalDouble.of(r) : OptionalDouble.empty();
    }
}
