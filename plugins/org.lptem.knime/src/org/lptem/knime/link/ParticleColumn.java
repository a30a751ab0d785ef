package org.lptem.knime.link;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.DefaultRow;
import org.lptem.core.Columns;
import org.lptem.knime.common.Cells;

/**
 * The linker's output layout: the input columns, then {@code particle}. An input that already has a
 * {@code particle} column (re-linking a tracks table) loses the old one, so ids never clash.
 */
final class ParticleColumn {
    private final int m_replaced;

    private ParticleColumn(final int replaced) {
        m_replaced = replaced;
    }

    static ParticleColumn of(final DataTableSpec input) {
        return new ParticleColumn(input.findColumnIndex(Columns.PARTICLE));
    }

    DataTableSpec spec(final DataTableSpec input) {
        List<DataColumnSpec> cols = new ArrayList<>(input.getNumColumns() + 1);
        for (int c = 0; c < input.getNumColumns(); c++) {
            if (c != m_replaced) {
                cols.add(input.getColumnSpec(c));
            }
        }
        cols.add(Cells.intColumn(Columns.PARTICLE));
        return new DataTableSpec(input.getName(), cols.toArray(DataColumnSpec[]::new));
    }

    DataRow row(final DataRow input, final int particle) {
        List<DataCell> cells = new ArrayList<>(input.getNumCells() + 1);
        for (int c = 0; c < input.getNumCells(); c++) {
            if (c != m_replaced) {
                cells.add(input.getCell(c));
            }
        }
        cells.add(Cells.integer(particle));
        return new DefaultRow(input.getKey(), cells);
    }
}
