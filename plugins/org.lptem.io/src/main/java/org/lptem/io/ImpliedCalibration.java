package org.lptem.io;

import java.nio.file.Path;
import java.util.OptionalDouble;
import org.lptem.core.Calibration;
import org.lptem.core.Columns;

/**
 * The calibration a detections or tracks CSV implies: tables written by this project carry {@code x_nm} next to
 * {@code x} and {@code t_s} next to {@code frame} when the video was calibrated, so the pixel size and frame interval
 * are their ratios (taken from the first row where x and frame are non-zero). Unknown parts stay unknown.
 */
public final class ImpliedCalibration {
    private ImpliedCalibration() {
    }

    public static Calibration of(Path csv) {
        OptionalDouble nmPerPx = OptionalDouble.empty();
        OptionalDouble sPerFrame = OptionalDouble.empty();
        try (CsvReader reader = CsvReader.open(csv)) {
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
        return new Calibration(nmPerPx, sPerFrame);
    }

    private static OptionalDouble ratio(double calibrated, double raw) {
        double r = calibrated / raw;
        return raw != 0 && Double.isFinite(r) && r > 0 ? OptionalDouble.of(r) : OptionalDouble.empty();
    }
}
