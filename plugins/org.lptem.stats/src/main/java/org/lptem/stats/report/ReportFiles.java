package org.lptem.stats.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.lptem.stats.table.Column;
import org.lptem.stats.table.Table;
import org.lptem.stats.table.TableCsv;

/**
 * Writes a report into a folder: {@code <table>.csv}, {@code <figure>.png} and {@code .svg}, and a plain-text
 * {@code <readme>} with the summary and every column's description (the documentation of the CSV files).
 */
public final class ReportFiles {
    private ReportFiles() {
    }

    public static void write(Report report, Path folder, String readme) {
        write(report, folder::resolve, readme);
    }

    /** @param file where a file of the given name goes (e.g. into a staging folder) */
    public static void write(Report report, Function<String, Path> file, String readme) {
        for (Table t : report.tables()) {
            TableCsv.write(t, file.apply(t.name() + ".csv"));
        }
        try {
            for (Report.NamedFigure f : report.figures()) {
                Files.write(file.apply(f.name() + ".png"), f.figure().png());
                Files.writeString(file.apply(f.name() + ".svg"), f.figure().svg(), StandardCharsets.UTF_8);
            }
            Files.write(file.apply(readme), documentation(report), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the report", e);
        }
    }

    static List<String> documentation(Report report) {
        List<String> lines = new ArrayList<>(report.summary());
        for (Table t : report.tables()) {
            lines.add("");
            lines.add(t.name() + ".csv (" + t.rows().size() + " rows)");
            for (Column c : t.columns()) {
                lines.add("  " + c.name() + ": " + c.description());
            }
        }
        if (!report.figures().isEmpty()) {
            lines.add("");
            lines.add("figures (PNG and SVG): "
                    + String.join(", ", report.figures().stream().map(Report.NamedFigure::name).toList()));
        }
        return lines;
    }
}
