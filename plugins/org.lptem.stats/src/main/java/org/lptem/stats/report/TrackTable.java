package org.lptem.stats.report;

import java.nio.file.Path;
import java.util.List;
import org.lptem.core.Calibration;
import org.lptem.core.Track;
import org.lptem.io.ImpliedCalibration;
import org.lptem.io.TracksCsv;

/**
 * A tracks CSV with the calibration it implies ({@link ImpliedCalibration}).
 *
 * @param tracks as {@link TracksCsv#read} gives them
 * @param calibration what the table implies; unknown parts stay unknown
 */
public record TrackTable(List<Track> tracks, Calibration calibration) {

    public static TrackTable read(Path file) {
        return new TrackTable(TracksCsv.read(file), ImpliedCalibration.of(file));
    }
}
