package org.lptem.knime.check;

import java.util.ArrayList;
import java.util.List;

/**
 * A Java source file with comments removed and string literals replaced by placeholders, so that simple scans do not
 * match text inside comments or strings. The literals stay available by index. Not a parser: it relies on the code
 * being compilable, which the KNIME type-check establishes separately.
 */
public final class JavaText {
    /** Placeholder that replaces the i-th literal: {@code "\u0000<i>\u0000"}, quotes included. */
    private static final char MARK = '\u0000';

    private final String m_code;
    private final List<String> m_literals;

    private JavaText(final String code, final List<String> literals) {
        m_code = code;
        m_literals = literals;
    }

    public static JavaText of(final String source) {
        StringBuilder out = new StringBuilder(source.length());
        List<String> literals = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end;
                i = literal(source.substring(i + 3, end), literals, out, end + 3);
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                StringBuilder lit = new StringBuilder();
                while (j < n && source.charAt(j) != c) {
                    if (source.charAt(j) == '\\' && j + 1 < n) {
                        j++;
                    }
                    lit.append(source.charAt(j));
                    j++;
                }
                i = literal(lit.toString(), literals, out, j + 1);
            } else {
                out.append(c);
                i++;
            }
        }
        return new JavaText(out.toString(), literals);
    }

    private static int literal(final String value, final List<String> literals, final StringBuilder out,
        final int next) {
        out.append('"').append(MARK).append(literals.size()).append(MARK).append('"');
        literals.add(value);
        return next;
    }

    /** The code without comments; literals read {@code "<mark>index<mark>"}. */
    public String code() {
        return m_code;
    }

    /** The literal a placeholder such as the one at the start of {@code text} stands for, or null. */
    public String literalAt(final String text) {
        String t = text.strip();
        if (t.length() < 4 || t.charAt(0) != '"' || t.charAt(1) != MARK) {
            return null;
        }
        int end = t.indexOf(MARK, 2);
        return end < 0 ? null : m_literals.get(Integer.parseInt(t.substring(2, end)));
    }
}
