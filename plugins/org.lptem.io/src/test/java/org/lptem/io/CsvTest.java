package org.lptem.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.LptemException;

class CsvTest {
    @TempDir
    Path dir;

    @Test
    void doublesAreCompactAndRoundTripExactly() {
        assertEquals("12", CsvWriter.format(12.0));
        assertEquals("-0.5", CsvWriter.format(-0.5));
        assertEquals("0.1", CsvWriter.format(0.1));
        assertEquals("1E-5", CsvWriter.format(1e-5));
        assertEquals("1.5E20", CsvWriter.format(1.5e20));
        assertEquals("", CsvWriter.format(Double.NaN));
        assertEquals("inf", CsvWriter.format(Double.POSITIVE_INFINITY));
        Random r = new Random(42);
        for (int i = 0; i < 2000; i++) {
            double v = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(40) - 20);
            assertEquals(v, Double.parseDouble(CsvWriter.format(v)), 0.0, Double.toString(v));
        }
    }

    @Test
    void writesAndReadsMixedValuesWithQuoting() throws Exception {
        Path f = dir.resolve("t.csv");
        try (CsvWriter w = new CsvWriter(f, "name", "n", "v")) {
            w.row("a, \"quoted\" name", 3, 1 / 3.0);
            w.row("two\nlines", -7L, Double.NaN);
            w.row(null, 0, 0.1f);
        }
        assertTrue(Files.readString(f).startsWith("name,n,v\n\"a, \"\"quoted\"\" name\",3,0.3333333333333333\n"));
        try (CsvReader r = CsvReader.open(f)) {
            assertEquals(List.of("name", "n", "v"), r.header());
            CsvReader.Row a = r.next();
            assertEquals("a, \"quoted\" name", a.get("name"));
            assertEquals(3, a.getInt("n"));
            assertEquals(1 / 3.0, a.getDouble("v"), 0.0);
            CsvReader.Row b = r.next();
            assertEquals("two\nlines", b.get("name"));
            assertTrue(Double.isNaN(b.getDouble("v")));
            CsvReader.Row c = r.next();
            assertEquals(5, c.line()); // the quoted line break counts
            assertEquals("", c.get("name"));
            assertEquals(0.1f, (float) c.getDouble("v"));
            assertNull(r.next());
        }
    }

    @Test
    void readsWindowsLineEndsByteOrderMarkAndPandasFloats() throws Exception {
        Path f = dir.resolve("excel.csv");
        Files.write(f, "\uFEFFframe,x\r\n3.0,inf\r\n\r\n4,-1e3\r\n".getBytes(StandardCharsets.UTF_8));
        try (CsvReader r = CsvReader.open(f)) {
            CsvReader.Row a = r.next();
            assertEquals(3, a.getInt("frame"));
            assertEquals(Double.POSITIVE_INFINITY, a.getDouble("x"));
            CsvReader.Row b = r.next();
            assertEquals(4, b.line());
            assertEquals(-1000.0, b.getDouble("x"));
            assertNull(r.next());
        }
    }

    @Test
    void byteOrderMarkBeforeAQuotedHeaderIsNotPartOfTheFirstName() throws Exception {
        // as R's write.csv(fileEncoding = "UTF-8-BOM") and Excel write it
        Path f = dir.resolve("bom.csv");
        Files.write(f, "\uFEFF\"frame\",\"x\",\"y\"\n0,1,2\n".getBytes(StandardCharsets.UTF_8));
        try (CsvReader r = CsvReader.open(f)) {
            assertEquals(List.of("frame", "x", "y"), r.header());
            assertEquals(0, r.next().getInt(r.requireColumn("frame")));
        }
        // only a leading mark is dropped: one inside a value stays
        Files.write(f, "a\n\uFEFFb\n".getBytes(StandardCharsets.UTF_8));
        try (CsvReader r = CsvReader.open(f)) {
            assertEquals("\uFEFFb", r.next().get("a"));
        }
    }

    @Test
    void errorsNameFileLineAndColumn() throws Exception {
        Path f = Files.writeString(dir.resolve("bad.csv"), "frame,x,y\n0,1,2\n1,abc,3\n2.5,1,1\n0,1\n");
        try (CsvReader r = CsvReader.open(f)) {
            r.next();
            CsvReader.Row bad = r.next();
            LptemException e = assertThrows(LptemException.class, () -> bad.getDouble("x"));
            assertEquals(f + ": line 3, column 'x': 'abc' is not a number", e.getMessage());
            CsvReader.Row frac = r.next();
            e = assertThrows(LptemException.class, () -> frac.getInt("frame"));
            assertEquals(f + ": line 4, column 'frame': '2.5' is not a whole number", e.getMessage());
            e = assertThrows(LptemException.class, r::next);
            assertEquals(f + ": line 5 has 2 fields but the header has 3", e.getMessage());
            e = assertThrows(LptemException.class, () -> r.requireColumn("particle", "particle_id"));
            assertTrue(e.getMessage().contains("bad.csv: no column named any of particle, particle_id (the columns "
                    + "are: frame, x, y)"), e.getMessage());
        }
    }

    @Test
    void unclosedQuoteAndEmptyFile() throws Exception {
        Path q = Files.writeString(dir.resolve("q.csv"), "a,b\n\"open,1\n");
        try (CsvReader r = CsvReader.open(q)) {
            LptemException e = assertThrows(LptemException.class, r::next);
            assertTrue(e.getMessage().contains("q.csv: line 2: a quoted field is not closed"), e.getMessage());
        }
        Path empty = Files.writeString(dir.resolve("e.csv"), "");
        LptemException e = assertThrows(LptemException.class, () -> CsvReader.open(empty));
        assertTrue(e.getMessage().contains("e.csv: the file is empty"), e.getMessage());
    }

    @Test
    void tableAppearsOnCloseAndAbortLeavesNothing() throws Exception {
        Path f = dir.resolve("late.csv");
        CsvWriter w = new CsvWriter(f, "a");
        w.row(1);
        assertFalse(Files.exists(f));
        w.close();
        assertEquals("a\n1\n", Files.readString(f));

        Path g = dir.resolve("aborted.csv");
        CsvWriter a = new CsvWriter(g, "a");
        a.row(1);
        a.abort();
        a.close();
        assertFalse(Files.exists(g));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left");
        }
        assertThrows(IllegalArgumentException.class, () -> new CsvWriter(dir.resolve("x.csv"), "a", "b").row(1));
    }
}
