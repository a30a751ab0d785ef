package org.lptem.knime.leonardo;

import java.util.List;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.lptem.core.Calibration;
import org.lptem.core.Columns;
import org.lptem.core.Progress;
import org.lptem.core.Track;
import org.lptem.knime.common.InputColumns;
import org.lptem.knime.common.TableCalibration;
import org.lptem.knime.common.TrackTables;
import org.lptem.leonardo.TrajectoryWindows;

/**
 * The tracks table of the LEONARDO Learner and Evaluator: positions from {@code x, y} (px) or from
 * {@code x_nm, y_nm} (converted to px with the pixel size), the calibration from the table's column properties with
 * the node's settings filling what the table lacks (0 = not given), cut into windows of the model's length.
 */
final class TrackInput {
    private TrackInput() {
    }

    /** The calibration the windows will carry; checks the columns. Nanometre positions need a pixel size. */
    static Calibration calibration(final DataTableSpec spec, final boolean inNm, final double nmPerPixel,
        final double secondsPerFrame) throws InvalidSettingsException {
        if (inNm) {
            InputColumns.require(spec, Columns.FRAME, Columns.PARTICLE, Columns.X_NM, Columns.Y_NM);
        } else {
            TrackTables.trackColumns(spec);
        }
        Calibration c = TableCalibration.withFallback(TableCalibration.read(spec), nmPerPixel, secondsPerFrame);
        if (inNm && !c.hasPixelSize()) {
            throw new InvalidSettingsException("Positions in nm need the pixel size: the table does not carry it, "
                + "so set nm per pixel.");
        }
        return c;
    }

    /** The table's tracks cut into windows of {@code length} frames every {@code stride} frames. */
    static TrajectoryWindows windows(final BufferedDataTable table, final Calibration calibration, final boolean inNm,
        final int length, final int stride, final Progress progress) {
        return windows(table, "the tracks table", calibration, inNm, length, stride, progress);
    }

    /** As above, {@code source} naming the table in errors. */
    static TrajectoryWindows windows(final BufferedDataTable table, final String source,
        final Calibration calibration, final boolean inNm, final int length, final int stride,
        final Progress progress) {
        List<Track> tracks = inNm
            ? TrackTables.readTracksInNm(table, calibration.nmPerPixel().getAsDouble(), progress.sub(0, 0.5))
            : TrackTables.readTracks(table, progress.sub(0, 0.5));
        return TrajectoryWindows.cut(tracks, calibration, length, stride, progress.sub(0.5, 1))
            .requireAtLeast(2, source, length);
    }
}
