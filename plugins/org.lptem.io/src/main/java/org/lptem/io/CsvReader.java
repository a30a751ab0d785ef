package org.lptem.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lptem.core.LptemException;

/**
 * Reads a comma-separated table with a header row (RFC 4180 quoting, UTF-8 with or without BOM, any line ends) one
 * row at a time. Errors name the file, the line and the column.
 */
public final class CsvReader implements AutoCloseable {
    private final Path file;
    private final BufferedReader reader;
    private final List<String> header;
    private final Map<String, Integer> index = new HashMap<>();
    private int line;

    private CsvReader(Path file, BufferedReader reader) {
        this.file = file;
        this.reader = reader;
        List<String> first = readRecord();
        if (first == null) {
            throw error("the file is empty (expected a header row)");
        }
        this.header = List.copyOf(first.stream().map(String::trim).toList());
        for (int i = header.size() - 1; i >= 0; i--) {
            index.put(header.get(i), i); // the first of duplicate names wins
        }
    }

    public static CsvReader open(Path file) {
        if (!Files.exists(file)) {
            throw LptemException.inFile(file, "file does not exist");
        }
        try {
            BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            try {
                skipByteOrderMark(reader);
                return new CsvReader(file, reader);
            } catch (RuntimeException e) {
                reader.close();
                throw e;
            }
        } catch (IOException e) {
            throw LptemException.inFile(file, "cannot read: " + e, e);
        }
    }

    /**
     * Drops a UTF-8 byte order mark (Excel and R's "UTF-8-BOM" write one) before tokenising: left in, it makes a
     * quoted first header cell unquoted text, {@code "frame"} with its quotes.
     */
    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    public List<String> header() {
        return header;
    }

    public boolean hasColumn(String name) {
        return index.containsKey(name);
    }

    /** The first of {@code names} the table has; throws naming the columns it does have when none is there. */
    public String requireColumn(String... names) {
        for (String n : names) {
            if (hasColumn(n)) {
                return n;
            }
        }
        throw missingColumn(names);
    }

    private LptemException missingColumn(String... names) {
        return LptemException.inFile(file, "no column " + (names.length == 1 ? "'" + names[0] + "'"
                : "named any of " + String.join(", ", names)) + " (the columns are: " + String.join(", ", header)
                + ")");
    }

    /** The next row, or null at the end of the file. Blank lines are skipped. */
    public Row next() {
        while (true) {
            int start = line + 1;
            List<String> fields = readRecord();
            if (fields == null) {
                return null;
            }
            if (fields.size() == 1 && fields.get(0).isBlank()) {
                continue;
            }
            if (fields.size() != header.size()) {
                throw new LptemException(file.toString(), -1, "line " + start + " has " + fields.size()
                        + " fields but the header has " + header.size(), null);
            }
            return new Row(start, fields);
        }
    }

    /** One data row; values are looked up by column name. */
    public final class Row {
        private final int lineNumber;
        private final List<String> fields;

        private Row(int lineNumber, List<String> fields) {
            this.lineNumber = lineNumber;
            this.fields = fields;
        }

        /** 1-based line of the file where the row starts. */
        public int line() {
            return lineNumber;
        }

        /** The raw text of a column (trimmed); throws if the table has no such column. */
        public String get(String column) {
            Integer i = index.get(column);
            if (i == null) {
                throw missingColumn(column);
            }
            return fields.get(i).trim();
        }

        /** A number; empty cells and NaN give NaN, {@code inf} and {@code Infinity} are accepted. */
        public double getDouble(String column) {
            String s = get(column);
            if (s.isEmpty()) {
                return Double.NaN;
            }
            String lower = s.toLowerCase(Locale.ROOT);
            switch (lower) {
                case "nan":
                    return Double.NaN;
                case "inf", "+inf", "infinity", "+infinity":
                    return Double.POSITIVE_INFINITY;
                case "-inf", "-infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw cellError(column, s, "is not a number");
            }
        }

        /** A number, or {@code fallback} when the table has no such column. */
        public double getDouble(String column, double fallback) {
            return hasColumn(column) ? getDouble(column) : fallback;
        }

        /** A whole number; {@code 3.0} (as pandas writes float columns) is accepted, {@code 3.5} is not. */
        public int getInt(String column) {
            String s = get(column);
            if (s.isEmpty()) {
                throw cellError(column, s, "is empty but must be a whole number");
            }
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                double d;
                try {
                    d = Double.parseDouble(s);
                } catch (NumberFormatException e2) {
                    throw cellError(column, s, "is not a number");
                }
                if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
                    throw cellError(column, s, "is not a whole number");
                }
                return (int) d;
            }
        }

        /** A number that must be finite: empty, NaN and infinite cells are errors naming the line and column. */
        public double getFiniteDouble(String column) {
            double v = getDouble(column);
            if (!Double.isFinite(v)) {
                String s = get(column);
                throw cellError(column, s, s.isEmpty() ? "is empty but must be a finite number"
                        : "is not a finite number");
            }
            return v;
        }

        /** A whole number that must be 0 or more, such as a frame number. */
        public int getNonNegativeInt(String column) {
            int v = getInt(column);
            if (v < 0) {
                throw cellError(column, get(column), "is negative but must be 0 or more");
            }
            return v;
        }

        /** A whole number, or {@code fallback} when the column is missing or the cell empty. */
        public int getInt(String column, int fallback) {
            return hasColumn(column) && !get(column).isEmpty() ? getInt(column) : fallback;
        }

        private LptemException cellError(String column, String value, String problem) {
            return new LptemException(file.toString(), -1, "line " + lineNumber + ", column '" + column + "': '"
                    + value + "' " + problem, null);
        }
    }

    private LptemException error(String message) {
        return LptemException.inFile(file, message);
    }

    /** One record's fields, following quoted fields across lines; null at the end of the file. */
    private List<String> readRecord() {
        try {
            int c = reader.read();
            if (c < 0) {
                return null;
            }
            line++;
            int startLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            while (true) {
                if (quoted) {
                    if (c < 0) {
                        throw error("line " + startLine + ": a quoted field is not closed before the end of the "
                                + "file");
                    }
                    if (c == '"') {
                        reader.mark(1);
                        int d = reader.read();
                        if (d == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            if (d >= 0) {
                                reader.reset();
                            }
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append((char) c);
                    }
                } else if (c < 0 || c == '\n' || c == '\r') {
                    if (c == '\r') {
                        reader.mark(1);
                        if (reader.read() != '\n') {
                            reader.reset();
                        }
                    }
                    fields.add(field.toString());
                    return fields;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '"' && field.toString().isBlank()) {
                    quoted = true;
                    field.setLength(0);
                } else {
                    field.append((char) c);
                }
                c = reader.read();
            }
        } catch (IOException e) {
            throw LptemException.inFile(file, "cannot read line " + line + ": " + e, e);
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException ignored) {
            // reading is finished; nothing was lost
        }
    }
}
