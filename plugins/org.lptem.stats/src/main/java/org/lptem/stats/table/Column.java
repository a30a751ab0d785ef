package org.lptem.stats.table;

/**
 * A column of a result table; the name carries the unit ({@code _px2}, {@code _nm2_per_s}, ...).
 *
 * @param name column name
 * @param type cell type
 * @param description one line for documentation and KNIME column descriptions
 */
public record Column(String name, Type type, String description) {

    /** Cell types: Integer, Long, Double (NaN = missing) or String cells. */
    public enum Type {
        INTEGER, LONG, REAL, TEXT
    }
}
