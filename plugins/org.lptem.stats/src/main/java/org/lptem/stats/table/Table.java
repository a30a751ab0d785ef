package org.lptem.stats.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A result table independent of its destination: the CLI writes it as CSV ({@link TableCsv}), the KNIME nodes
 * convert it to a data table, so both show the same columns with the same names and units.
 */
public final class Table {
    private final String name;
    private final List<Column> columns;
    private final List<Object[]> rows;

    private Table(String name, List<Column> columns, List<Object[]> rows) {
        this.name = name;
        this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
        this.rows = Collections.unmodifiableList(new ArrayList<>(rows));
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** File stem, e.g. {@code fits}. */
    public String name() {
        return name;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** Rows; each cell is an Integer, Long, Double (NaN = missing), String or null. Do not modify the arrays. */
    public List<Object[]> rows() {
        return rows;
    }

    /** The same table under another name (e.g. {@code rotational_fits}). */
    public Table renamed(String newName) {
        return new Table(newName, columns, rows);
    }

    public int columnIndex(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("table " + name + " has no column " + column);
    }

    /** Collects columns first, then rows of matching width. */
    public static final class Builder {
        private final String name;
        private final List<Column> columns = new ArrayList<>();
        private final List<Object[]> rows = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder column(String column, Column.Type type, String description) {
            if (!rows.isEmpty()) {
                throw new IllegalStateException("columns must be declared before rows");
            }
            columns.add(new Column(column, type, description));
            return this;
        }

        public Builder row(List<Object> cells) {
            if (cells.size() != columns.size()) {
                throw new IllegalArgumentException("table " + name + ": row has " + cells.size() + " cells for "
                        + columns.size() + " columns");
            }
            rows.add(cells.toArray());
            return this;
        }

        public int columnCount() {
            return columns.size();
        }

        public Table build() {
            return new Table(name, columns, rows);
        }
    }
}
