package org.lptem.io;

import java.util.ArrayList;
import java.util.List;

import org.lptem.core.Calibration;
import org.lptem.core.Columns;
import org.lptem.core.Detection;

/**
 * The columns of a detection (and, with a particle id, of a track point), shared by the detection and track tables:
 * frame, [particle], x, y, calibrated copies when the scale is known, then the shape and intensity measures.
 */
final class DetectionColumns {
    private final Calibration calibration;
    private final boolean withParticle;

    DetectionColumns(Calibration calibration, boolean withParticle) {
        this.calibration = calibration;
        this.withParticle = withParticle;
    }

    List<String> header() {
        List<String> h = new ArrayList<>(List.of(Columns.FRAME));
        if (withParticle) {
            h.add(Columns.PARTICLE);
        }
        h.addAll(List.of(Columns.X, Columns.Y));
        if (calibration.hasPixelSize()) {
            h.addAll(List.of(Columns.X_NM, Columns.Y_NM));
        }
        if (calibration.hasFrameInterval()) {
            h.add(Columns.T_S);
        }
        h.add(Columns.AREA_PX2);
        if (calibration.hasPixelSize()) {
            h.add(Columns.AREA_NM2);
        }
        h.addAll(List.of(Columns.ORIENTATION_DEG, Columns.MAJOR_AXIS_PX, Columns.MINOR_AXIS_PX,
                Columns.MEAN_INTENSITY, Columns.SCORE, Columns.LABEL));
        return h;
    }

    /** The cells of one row, in {@link #header()} order; {@code particle} is ignored without a particle column. */
    List<Object> values(int particle, Detection d) {
        List<Object> v = new ArrayList<>();
        v.add(d.frame());
        if (withParticle) {
            v.add(particle);
        }
        v.add(d.x());
        v.add(d.y());
        if (calibration.hasPixelSize()) {
            v.add(calibration.toNm(d.x()));
            v.add(calibration.toNm(d.y()));
        }
        if (calibration.hasFrameInterval()) {
            v.add(calibration.toSeconds(d.frame()));
        }
        v.add(d.area());
        if (calibration.hasPixelSize()) {
            double nm = calibration.nmPerPixel().getAsDouble();
            v.add(d.area() * nm * nm);
        }
        v.add(d.orientationDeg());
        v.add(d.majorAxis());
        v.add(d.minorAxis());
        v.add(d.meanIntensity());
        v.add(d.score());
        v.add(d.label());
        return v;
    }

    /**
     * A detection from a row that has at least frame, x and y (pixels). Missing measures are NaN, a missing label 0;
     * SAM-EM's {@code angle} stands in for the orientation. The frame must be 0 or more and the position finite:
     * every later step indexes frames and measures distances with them, where a NaN or infinite position silently
     * breaks the linking instead of naming the bad cell.
     */
    static Detection read(CsvReader.Row row, boolean hasOrientation, boolean hasAngle) {
        double orientation = hasOrientation ? row.getDouble(Columns.ORIENTATION_DEG)
                : hasAngle ? row.getDouble("angle") : Double.NaN;
        return new Detection(row.getNonNegativeInt(Columns.FRAME), row.getFiniteDouble(Columns.X),
                row.getFiniteDouble(Columns.Y), row.getDouble(Columns.AREA_PX2, Double.NaN), orientation,
                row.getDouble(Columns.MAJOR_AXIS_PX, Double.NaN), row.getDouble(Columns.MINOR_AXIS_PX, Double.NaN),
                row.getDouble(Columns.MEAN_INTENSITY, Double.NaN), row.getDouble(Columns.SCORE, Double.NaN),
                row.getInt(Columns.LABEL, 0));
    }

    /** Checks that the position columns are there, before any row is read. */
    static void requirePosition(CsvReader reader) {
        reader.requireColumn(Columns.FRAME);
        reader.requireColumn(Columns.X);
        reader.requireColumn(Columns.Y);
    }
}
