package org.lptem.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.lptem.core.Calibration;
import org.lptem.core.Columns;
import org.lptem.core.Detection;

/**
 * Detection tables: one row per detection with the columns frame, x, y, [x_nm, y_nm] and [area_nm2] when the pixel
 * size is known, [t_s] when the frame interval is, area_px2, orientation_deg, major_axis_px, minor_axis_px,
 * mean_intensity, score, label.
 */
public final class DetectionsCsv {
    private DetectionsCsv() {
    }

    /** Writes all detections at once. */
    public static void write(Path out, Iterable<Detection> detections, Calibration calibration) {
        try (Writer writer = new Writer(out, calibration)) {
            try {
                for (Detection d : detections) {
                    writer.add(d);
                }
            } catch (RuntimeException e) {
                writer.abort(); // close() must not publish a partial table
                throw e;
            }
        }
    }

    /** Reads a detection table; only frame, x and y are required, other measures are NaN when absent. */
    public static List<Detection> read(Path file) {
        try (CsvReader reader = CsvReader.open(file)) {
            DetectionColumns.requirePosition(reader);
            boolean orientation = reader.hasColumn(Columns.ORIENTATION_DEG);
            boolean angle = reader.hasColumn("angle");
            List<Detection> out = new ArrayList<>();
            for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
                out.add(DetectionColumns.read(row, orientation, angle));
            }
            return out;
        }
    }

    /**
     * Writes detections as they are found, frame after frame; the table appears under its name on
     * {@link #close()}.
     */
    public static final class Writer implements AutoCloseable {
        private final DetectionColumns columns;
        private final CsvWriter csv;

        public Writer(Path out, Calibration calibration) {
            this.columns = new DetectionColumns(calibration, false);
            this.csv = new CsvWriter(out, columns.header());
        }

        public void add(Detection d) {
            csv.row(columns.values(0, d));
        }

        @Override
        public void close() {
            csv.close();
        }

        /** Discards the table. */
        public void abort() {
            csv.abort();
        }
    }
}
