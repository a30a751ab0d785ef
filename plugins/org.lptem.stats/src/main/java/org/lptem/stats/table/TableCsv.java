package org.lptem.stats.table;

import java.nio.file.Path;
import java.util.Arrays;
import org.lptem.io.CsvWriter;

/** Writes a {@link Table} as CSV; the file appears only when complete. */
public final class TableCsv {
    private TableCsv() {
    }

    public static void write(Table table, Path out) {
        try (CsvWriter csv = new CsvWriter(out, table.columnNames())) {
            try {
                for (Object[] row : table.rows()) {
                    csv.row(Arrays.asList(row));
                }
            } catch (RuntimeException e) {
                csv.abort();
                throw e;
            }
        }
    }
}
