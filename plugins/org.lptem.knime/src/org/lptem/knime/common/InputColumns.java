package org.lptem.knime.common;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.InvalidSettingsException;
import org.lptem.core.LptemException;

/**
 * The numeric input columns a node needs, found by their fixed names ({@link org.lptem.core.Columns}), with
 * messages that say which column is missing or of the wrong type. Values are read through {@link DoubleValue} so
 * int, long and double columns (as CSV readers produce them) all work.
 */
public final class InputColumns {
    private final String[] m_names;
    private final int[] m_indices;

    private InputColumns(final String[] names, final int[] indices) {
        m_names = names;
        m_indices = indices;
    }

    /** Finds {@code names} in {@code spec}; fails in configure, before any data is read, if one is unusable. */
    public static InputColumns require(final DataTableSpec spec, final String... names)
        throws InvalidSettingsException {
        int[] indices = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            indices[i] = spec.findColumnIndex(names[i]);
            if (indices[i] < 0) {
                throw new InvalidSettingsException("The input table has no column '" + names[i]
                    + "'. Required columns: " + String.join(", ", names) + ".");
            }
            DataColumnSpec c = spec.getColumnSpec(indices[i]);
            if (!c.getType().isCompatible(DoubleValue.class)) {
                throw new InvalidSettingsException(
                    "Column '" + names[i] + "' must be numeric but is " + c.getType().getName() + ".");
            }
        }
        return new InputColumns(names.clone(), indices);
    }

    /** Value of the {@code i}-th required column in {@code row}. */
    public double value(final DataRow row, final int i) {
        DataCell cell = row.getCell(m_indices[i]);
        if (cell.isMissing()) {
            throw new LptemException("row '" + row.getKey() + "': column '" + m_names[i] + "' is missing a value");
        }
        return ((DoubleValue)cell).getDoubleValue();
    }

    /** Value of the {@code i}-th required column, NaN for a missing cell (a value that may be unknown). */
    public double valueOrNaN(final DataRow row, final int i) {
        DataCell cell = row.getCell(m_indices[i]);
        return cell.isMissing() ? Double.NaN : ((DoubleValue)cell).getDoubleValue();
    }

    /** Value of the {@code i}-th required column, which must hold a whole number (a frame or particle id). */
    public int integer(final DataRow row, final int i) {
        double v = value(row, i);
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw new LptemException(
                "row '" + row.getKey() + "': column '" + m_names[i] + "' must hold a whole number, got " + v);
        }
        return (int)v;
    }
}
