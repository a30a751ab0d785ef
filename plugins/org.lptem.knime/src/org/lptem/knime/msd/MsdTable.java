package org.lptem.knime.msd;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.node.BufferedDataContainer;
import org.lptem.core.Calibration;
import org.lptem.core.Columns;
import org.lptem.knime.common.Cells;
import org.lptem.stats.MsdCurve;

/**
 * Layout of the MSD tables: lag_frames, lag_s, msd_px2, msd_nm2, n, with an optional leading particle column.
 * As in the detections table, lag_s and msd_nm2 exist exactly when the frame interval and pixel size are known.
 * Lags without any displacement (n = 0) are left out rather than written as empty rows.
 */
final class MsdTable {
    private final Calibration m_calibration;
    private final boolean m_perTrack;

    MsdTable(final Calibration calibration, final boolean perTrack) {
        m_calibration = calibration;
        m_perTrack = perTrack;
    }

    DataTableSpec spec() {
        List<DataColumnSpec> cols = new ArrayList<>();
        if (m_perTrack) {
            cols.add(Cells.intColumn(Columns.PARTICLE));
        }
        cols.add(Cells.intColumn(Columns.LAG_FRAMES));
        if (m_calibration.hasFrameInterval()) {
            cols.add(Cells.realColumn(Columns.LAG_S));
        }
        cols.add(Cells.realColumn(Columns.MSD_PX2));
        if (m_calibration.hasPixelSize()) {
            cols.add(Cells.realColumn(Columns.MSD_NM2));
        }
        cols.add(Cells.countColumn(Columns.N));
        return new DataTableSpec(cols.toArray(DataColumnSpec[]::new));
    }

    /** Appends the curve's rows; {@code particle} is ignored for the ensemble table. Returns the next row index. */
    long write(final BufferedDataContainer out, final long firstRow, final int particle, final MsdCurve curve) {
        double[] lagS = m_calibration.hasFrameInterval() ? curve.lagSeconds(m_calibration) : null;
        double[] msdNm2 = m_calibration.hasPixelSize() ? curve.msdNm2(m_calibration) : null;
        long row = firstRow;
        for (int i = 0; i < curve.lagFrames().length; i++) {
            if (curve.n()[i] == 0) {
                continue;
            }
            List<DataCell> cells = new ArrayList<>(6);
            if (m_perTrack) {
                cells.add(Cells.integer(particle));
            }
            cells.add(Cells.integer(curve.lagFrames()[i]));
            if (lagS != null) {
                cells.add(Cells.real(lagS[i]));
            }
            cells.add(Cells.real(curve.msdPx2()[i]));
            if (msdNm2 != null) {
                cells.add(Cells.real(msdNm2[i]));
            }
            cells.add(Cells.count(curve.n()[i]));
            out.addRowToTable(new DefaultRow(RowKey.createRowKey(row++), cells));
        }
        return row;
    }
}
