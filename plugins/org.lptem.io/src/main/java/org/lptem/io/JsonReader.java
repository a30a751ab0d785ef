package org.lptem.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON reading for the metadata microscope software embeds (Velox): objects become maps, arrays lists,
 * numbers doubles, and strings, booleans and null themselves. Nesting is bounded, so hostile input fails with an
 * IllegalArgumentException rather than a stack overflow. Also reads the project's own small JSON files (model
 * records, the U-Net's region classifier).
 */
public final class JsonReader {
    private static final int MAX_DEPTH = 128;

    private final String s;
    private int pos;

    private JsonReader(String s) {
        this.s = s;
    }

    /** Parses one JSON value; trailing text other than whitespace is an error. */
    public static Object parse(String text) {
        JsonReader r = new JsonReader(text);
        Object v = r.value(0);
        r.skipSpace();
        if (r.pos != text.length()) {
            throw r.fail("unexpected text after the value");
        }
        return v;
    }

    /** The value at {@code path} (object keys) inside {@code root}, or null. */
    public static Object at(Object root, String... path) {
        Object v = root;
        for (String key : path) {
            if (!(v instanceof Map<?, ?> m)) {
                return null;
            }
            v = m.get(key);
        }
        return v;
    }

    /** A number or a numeric string (Velox writes numbers as strings), or NaN. */
    static double number(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof String str) {
            try {
                return Double.parseDouble(str.trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw fail("nested more than " + MAX_DEPTH + " deep");
        }
        skipSpace();
        if (pos >= s.length()) {
            throw fail("unexpected end");
        }
        char c = s.charAt(pos);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object(int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        pos++;
        skipSpace();
        if (peek('}')) {
            pos++;
            return m;
        }
        while (true) {
            skipSpace();
            if (!peek('"')) {
                throw fail("expected a key");
            }
            String key = string();
            skipSpace();
            expect(':');
            m.put(key, value(depth + 1));
            skipSpace();
            if (peek(',')) {
                pos++;
            } else {
                expect('}');
                return m;
            }
        }
    }

    private List<Object> array(int depth) {
        List<Object> list = new ArrayList<>();
        pos++;
        skipSpace();
        if (peek(']')) {
            pos++;
            return list;
        }
        while (true) {
            list.add(value(depth + 1));
            skipSpace();
            if (peek(',')) {
                pos++;
            } else {
                expect(']');
                return list;
            }
        }
    }

    private String string() {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (true) {
            if (pos >= s.length()) {
                throw fail("unterminated string");
            }
            char c = s.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= s.length()) {
                throw fail("unterminated escape");
            }
            char e = s.charAt(pos++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    if (pos + 4 > s.length()) {
                        throw fail("truncated \\u escape");
                    }
                    try {
                        sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw fail("bad \\u escape");
                    }
                    pos += 4;
                }
                default -> sb.append(e);
            }
        }
    }

    private Double number() {
        int start = pos;
        while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
            pos++;
        }
        try {
            return Double.parseDouble(s.substring(start, pos));
        } catch (NumberFormatException e) {
            throw fail("expected a value");
        }
    }

    private Object literal(String word, Object value) {
        if (!s.startsWith(word, pos)) {
            throw fail("expected " + word);
        }
        pos += word.length();
        return value;
    }

    private boolean peek(char c) {
        return pos < s.length() && s.charAt(pos) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw fail("expected '" + c + "'");
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException fail(String what) {
        return new IllegalArgumentException("JSON: " + what + " at character " + pos);
    }
}
