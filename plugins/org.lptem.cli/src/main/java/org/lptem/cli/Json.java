package org.lptem.cli;

import java.util.OptionalDouble;

/** The few JSON fields the CLI prints; a JSON library would be heavier than these lines. */
final class Json {
    private Json() {
    }

    static String field(String name, Object value) {
        return quote(name) + ":" + value(value);
    }

    static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof OptionalDouble od) {
            return od.isPresent() ? number(od.getAsDouble()) : "null";
        }
        if (value instanceof Double d) {
            return number(d);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return quote(value.toString());
    }

    private static String number(double d) {
        return Double.isFinite(d) ? Double.toString(d) : "null";
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
