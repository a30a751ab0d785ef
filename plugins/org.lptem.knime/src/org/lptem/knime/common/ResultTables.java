package org.lptem.knime.common;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.lptem.core.Progress;
import org.lptem.stats.table.Column;
import org.lptem.stats.table.Table;

/**
 * The statistics bundle's result tables ({@link Table}: the same tables the command line writes as CSV) as KNIME
 * tables. The column names, with their units, and the column order come from the statistics bundle, so a KNIME
 * table and the CSV of the same analysis always agree. Integer columns become int cells, counts long cells, reals
 * double cells (NaN as a missing cell) and text string cells.
 */
public final class ResultTables {
    private static final int CANCEL_CHECK_ROWS = 4096;

    private ResultTables() {
    }

    /** The KNIME spec of {@code table}'s columns; the table's rows are not looked at. */
    public static DataTableSpec spec(final Table table) {
        List<DataColumnSpec> cols = new ArrayList<>(table.columns().size());
        for (Column c : table.columns()) {
            cols.add(new DataColumnSpecCreator(c.name(), type(c.type())).createSpec());
        }
        return new DataTableSpec(table.name(), cols.toArray(DataColumnSpec[]::new));
    }

    /** Writes {@code table} into a new KNIME table with the spec {@link #spec(Table)} gives. */
    public static BufferedDataTable write(final Table table, final ExecutionContext exec, final Progress progress) {
        BufferedDataContainer out = exec.createDataContainer(spec(table));
        List<Column> columns = table.columns();
        List<Object[]> rows = table.rows();
        try {
            for (int r = 0; r < rows.size(); r++) {
                if (r % CANCEL_CHECK_ROWS == 0) {
                    progress.checkCanceled();
                    progress.report((double)r / rows.size(), "Writing " + table.name());
                }
                Object[] values = rows.get(r);
                List<DataCell> cells = new ArrayList<>(values.length);
                for (int c = 0; c < values.length; c++) {
                    cells.add(cell(columns.get(c), values[c]));
                }
                out.addRowToTable(new DefaultRow(RowKey.createRowKey((long)r), cells));
            }
        } finally {
            out.close();
        }
        progress.report(1, "Writing " + table.name());
        return out.getTable();
    }

    /** An empty KNIME table with the given spec, for outputs of a node that had nothing to analyse. */
    public static BufferedDataTable empty(final DataTableSpec spec, final ExecutionContext exec) {
        BufferedDataContainer out = exec.createDataContainer(spec);
        out.close();
        return out.getTable();
    }

    private static DataType type(final Column.Type type) {
        return switch (type) {
            case INTEGER -> IntCell.TYPE;
            case LONG -> LongCell.TYPE;
            case REAL -> DoubleCell.TYPE;
            case TEXT -> StringCell.TYPE;
        };
    }

    private static DataCell cell(final Column column, final Object value) {
        if (value == null) {
            return DataType.getMissingCell();
        }
        return switch (column.type()) {
            case INTEGER -> Cells.integer(((Number)value).intValue());
            case LONG -> Cells.count(((Number)value).longValue());
            case REAL -> Cells.real(((Number)value).doubleValue());
            case TEXT -> new StringCell(value.toString());
        };
    }
}
