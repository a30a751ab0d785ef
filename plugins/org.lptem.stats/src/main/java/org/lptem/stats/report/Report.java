package org.lptem.stats.report;

import java.util.List;
import org.lptem.stats.plot.Figure;
import org.lptem.stats.table.Table;

/**
 * The outputs of one analysis, ready for a destination: tables, figures and a few summary lines. The CLI writes them
 * into a folder ({@link ReportFiles}); the KNIME nodes turn tables into data tables and figures into image ports.
 *
 * @param tables in the order they should be listed
 * @param figures named figures (file stems)
 * @param summary human-readable lines: key results and the methods used
 */
public record Report(List<Table> tables, List<NamedFigure> figures, List<String> summary) {

    public Report {
        tables = List.copyOf(tables);
        figures = List.copyOf(figures);
        summary = List.copyOf(summary);
    }

    /** A figure and its file stem. */
    public record NamedFigure(String name, Figure figure) {
    }

    public Table table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table " + name));
    }
}
