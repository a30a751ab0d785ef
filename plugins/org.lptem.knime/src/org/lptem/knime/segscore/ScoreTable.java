package org.lptem.knime.segscore;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.lptem.core.Calibration;
import org.lptem.knime.common.Cells;
import org.lptem.segment.metrics.SegmentationScores;

/**
 * The two tables of the Segmentation Scorer: one row per frame, and one row for the whole video. Both have the
 * columns of {@code lptem score-segmentation}, counts as long cells; the per-frame table starts with {@code frame}
 * (and {@code t_s} with a known frame interval), the overall one with {@code frames}. {@code centroid_error_nm}
 * exists exactly when the pixel size is known.
 */
final class ScoreTable {
    private final Calibration m_calibration;

    ScoreTable(final Calibration calibration) {
        m_calibration = calibration;
    }

    DataTableSpec perFrameSpec() {
        List<DataColumnSpec> cols = new ArrayList<>();
        cols.add(Cells.intColumn("frame"));
        if (m_calibration.hasFrameInterval()) {
            cols.add(Cells.realColumn("t_s"));
        }
        addScoreColumns(cols);
        return new DataTableSpec("segmentation_scores_per_frame", cols.toArray(DataColumnSpec[]::new));
    }

    DataTableSpec overallSpec() {
        List<DataColumnSpec> cols = new ArrayList<>();
        cols.add(Cells.intColumn("frames"));
        addScoreColumns(cols);
        return new DataTableSpec("segmentation_scores", cols.toArray(DataColumnSpec[]::new));
    }

    DataRow perFrameRow(final int frame, final SegmentationScores s) {
        List<DataCell> cells = new ArrayList<>();
        cells.add(Cells.integer(frame));
        if (m_calibration.hasFrameInterval()) {
            cells.add(Cells.real(m_calibration.toSeconds(frame)));
        }
        addScoreCells(cells, s);
        return new DefaultRow(RowKey.createRowKey((long)frame), cells);
    }

    DataRow overallRow(final SegmentationScores s) {
        List<DataCell> cells = new ArrayList<>();
        cells.add(Cells.integer(s.frames()));
        addScoreCells(cells, s);
        return new DefaultRow(RowKey.createRowKey(0L), cells);
    }

    private void addScoreColumns(final List<DataColumnSpec> cols) {
        cols.add(Cells.countColumn("truth_objects"));
        cols.add(Cells.countColumn("pred_objects"));
        for (String name : new String[]{"iou", "dice", "j", "f", "j_and_f"}) {
            cols.add(Cells.realColumn(name));
        }
        for (String name : new String[]{"tp", "fp", "fn"}) {
            cols.add(Cells.countColumn(name));
        }
        for (String name : new String[]{"precision", "recall", "f1", "centroid_error_px"}) {
            cols.add(Cells.realColumn(name));
        }
        if (m_calibration.hasPixelSize()) {
            cols.add(Cells.realColumn("centroid_error_nm"));
        }
        cols.add(Cells.realColumn("orientation_error_deg"));
        cols.add(Cells.countColumn("oriented_pairs"));
        cols.add(Cells.realColumn("boundary_tolerance_px"));
    }

    private void addScoreCells(final List<DataCell> cells, final SegmentationScores s) {
        cells.add(Cells.count(s.truthObjects()));
        cells.add(Cells.count(s.predObjects()));
        for (double v : new double[]{s.iou(), s.dice(), s.j(), s.f(), s.jAndF()}) {
            cells.add(Cells.real(v));
        }
        for (long v : new long[]{s.truePositives(), s.falsePositives(), s.falseNegatives()}) {
            cells.add(Cells.count(v));
        }
        for (double v : new double[]{s.precision(), s.recall(), s.f1(), s.centroidErrorPx()}) {
            cells.add(Cells.real(v));
        }
        if (m_calibration.hasPixelSize()) {
            cells.add(Cells.real(m_calibration.toNm(s.centroidErrorPx())));
        }
        cells.add(Cells.real(s.orientationErrorDeg()));
        cells.add(Cells.count(s.orientedPairs()));
        cells.add(Cells.real(s.boundaryTolerancePx()));
    }
}
