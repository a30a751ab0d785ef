package org.lptem.knime.common;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataType;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;

/** Cell and column factories shared by the nodes' output tables. */
public final class Cells {
    private Cells() {
    }

    /** NaN means "not defined" in the science code (e.g. the orientation of a one-pixel region): a missing cell. */
    public static DataCell real(final double v) {
        return Double.isNaN(v) ? DataType.getMissingCell() : new DoubleCell(v);
    }

    public static DataCell integer(final int v) {
        return new IntCell(v);
    }

    public static DataCell count(final long v) {
        return new LongCell(v);
    }

    public static DataColumnSpec realColumn(final String name) {
        return new DataColumnSpecCreator(name, DoubleCell.TYPE).createSpec();
    }

    public static DataColumnSpec intColumn(final String name) {
        return new DataColumnSpecCreator(name, IntCell.TYPE).createSpec();
    }

    public static DataColumnSpec textColumn(final String name) {
        return new DataColumnSpecCreator(name, StringCell.TYPE).createSpec();
    }

    public static DataColumnSpec countColumn(final String name) {
        return new DataColumnSpecCreator(name, LongCell.TYPE).createSpec();
    }
}
