package org.lptem.knime.common;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.lptem.core.Calibration;
import org.lptem.core.Columns;
import org.lptem.core.Detection;

/**
 * The detections table: one row per detected particle per frame, columns named by {@link Columns}. Physical-unit
 * columns ({@code x_nm}, {@code y_nm}, {@code area_nm2}, {@code t_s}) exist exactly when the calibration for them is
 * known, so a table never shows invented units; the calibration itself rides on the column properties
 * ({@link TableCalibration}).
 */
public final class DetectionTable {
    private DetectionTable() {
    }

    public static DataTableSpec spec(final Calibration calibration) {
        List<DataColumnSpec> cols = new ArrayList<>();
        cols.add(TableCalibration.annotate(Cells.intColumn(Columns.FRAME), calibration));
        cols.add(TableCalibration.annotate(Cells.realColumn(Columns.X), calibration));
        cols.add(TableCalibration.annotate(Cells.realColumn(Columns.Y), calibration));
        for (String name : new String[]{Columns.AREA_PX2, Columns.ORIENTATION_DEG, Columns.MAJOR_AXIS_PX,
            Columns.MINOR_AXIS_PX, Columns.MEAN_INTENSITY, Columns.SCORE}) {
            cols.add(Cells.realColumn(name));
        }
        cols.add(Cells.intColumn(Columns.LABEL));
        if (calibration.hasPixelSize()) {
            cols.add(Cells.realColumn(Columns.X_NM));
            cols.add(Cells.realColumn(Columns.Y_NM));
            cols.add(Cells.realColumn(Columns.AREA_NM2));
        }
        if (calibration.hasFrameInterval()) {
            cols.add(Cells.realColumn(Columns.T_S));
        }
        return new DataTableSpec(cols.toArray(DataColumnSpec[]::new));
    }

    /**
     * A tracks table as the Particle Linker writes one from a detections table: the detection columns, then
     * {@code particle}. The simulators' ground truth uses it, so truth and linked tracks have the same layout.
     */
    public static DataTableSpec trackSpec(final Calibration calibration) {
        DataTableSpec detections = spec(calibration);
        List<DataColumnSpec> cols = new ArrayList<>(detections.getNumColumns() + 1);
        detections.forEach(cols::add);
        cols.add(Cells.intColumn(Columns.PARTICLE));
        return new DataTableSpec(cols.toArray(DataColumnSpec[]::new));
    }

    /** A row of {@link #trackSpec}. */
    public static DataRow trackRow(final long index, final int particle, final Detection d,
        final Calibration calibration) {
        DataRow detection = row(index, d, calibration);
        List<DataCell> cells = new ArrayList<>(detection.getNumCells() + 1);
        detection.forEach(cells::add);
        cells.add(Cells.integer(particle));
        return new DefaultRow(detection.getKey(), cells);
    }

    public static DataRow row(final long index, final Detection d, final Calibration calibration) {
        List<DataCell> cells = new ArrayList<>(14);
        cells.add(Cells.integer(d.frame()));
        cells.add(Cells.real(d.x()));
        cells.add(Cells.real(d.y()));
        cells.add(Cells.real(d.area()));
        cells.add(Cells.real(d.orientationDeg()));
        cells.add(Cells.real(d.majorAxis()));
        cells.add(Cells.real(d.minorAxis()));
        cells.add(Cells.real(d.meanIntensity()));
        cells.add(Cells.real(d.score()));
        cells.add(Cells.integer(d.label()));
        if (calibration.hasPixelSize()) {
            double nm = calibration.nmPerPixel().getAsDouble();
            cells.add(Cells.real(d.x() * nm));
            cells.add(Cells.real(d.y() * nm));
            cells.add(Cells.real(d.area() * nm * nm));
        }
        if (calibration.hasFrameInterval()) {
            cells.add(Cells.real(calibration.toSeconds(d.frame())));
        }
        return new DefaultRow(RowKey.createRowKey(index), cells);
    }
}
