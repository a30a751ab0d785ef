package org.lptem.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a comma-separated table (RFC 4180, UTF-8, {@code \n} line ends) row by row. Numbers are written so that
 * reading them back gives the same double, in the shortest form Java offers ({@code 12} rather than {@code 12.0});
 * NaN and null are empty cells, as pandas reads them. The table appears under its name only when closed;
 * {@link #abort()} discards it. In try-with-resources, call {@code abort()} when the body fails: {@code close()} after
 * an abort does nothing, while {@code close()} alone would publish the rows written so far.
 */
public final class CsvWriter implements AutoCloseable {
    private final AtomicOutput output;
    private final BufferedWriter writer;
    private final int columns;
    private boolean finished;

    public CsvWriter(Path out, List<String> header) {
        if (header.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.columns = header.size();
        this.output = AtomicOutput.create(out);
        try {
            this.writer = Files.newBufferedWriter(output.temp(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            output.discard();
            throw output.writeError(e);
        }
        row(header);
    }

    public CsvWriter(Path out, String... header) {
        this(out, Arrays.asList(header));
    }

    /** Writes one row: Strings, integer types, Float/Double (NaN = empty) or null (empty). */
    public void row(Object... values) {
        row(Arrays.asList(values));
    }

    public void row(List<?> values) {
        if (finished) {
            throw new IllegalStateException("the table " + output.target() + " is closed");
        }
        if (values.size() != columns) {
            throw new IllegalArgumentException("row has " + values.size() + " values but the table has " + columns
                    + " columns");
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(values.get(i)));
        }
        line.append('\n');
        try {
            writer.write(line.toString());
        } catch (IOException e) {
            abort();
            throw output.writeError(e);
        }
    }

    private static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return format(d);
        }
        if (v instanceof Float f) {
            return f.isNaN() || f.isInfinite() ? format(f.doubleValue()) : compact(Float.toString(f));
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        return quote(v.toString());
    }

    /** A double as the shortest text Java gives that parses back to the same value; NaN is empty. */
    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return compact(Double.toString(v));
    }

    /** "1.0E-5" to "1E-5": the ".0" adds nothing. */
    private static String compact(String s) {
        int e = s.indexOf('E');
        if (e >= 2 && s.startsWith(".0", e - 2)) {
            return s.substring(0, e - 2) + s.substring(e);
        }
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    private static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** Finishes the table and moves it to its name. */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        try {
            writer.close();
        } catch (IOException e) {
            abort();
            throw output.writeError(e);
        }
        finished = true;
        output.commit();
    }

    /** Discards the table; the destination is left untouched. Safe to call more than once. */
    public void abort() {
        finished = true;
        try {
            writer.close();
        } catch (IOException ignored) {
            // deleted next anyway
        }
        output.discard();
    }
}
