package org.lptem.io;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON for metadata files and {@code --json} output: objects (maps, insertion order kept), lists, double arrays, strings,
 * numbers (non-finite ones as null, which JSON has no other word for), booleans and null, indented two spaces.
 */
public final class JsonText {
    private JsonText() {
    }

    /** The value as indented JSON text, ending with a newline. */
    public static String of(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0);
        return sb.append('\n').toString();
    }

    private static void write(StringBuilder sb, Object v, int indent) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Map<?, ?> map) {
            writeObject(sb, map, indent);
        } else if (v instanceof List<?> list) {
            writeArray(sb, list.iterator(), list.isEmpty(), indent);
        } else if (v instanceof double[] numbers) {
            // Per-frame series stay on one line: thousands of frames would otherwise be thousands of lines.
            sb.append('[');
            for (int i = 0; i < numbers.length; i++) {
                sb.append(i > 0 ? ", " : "").append(number(numbers[i]));
            }
            sb.append(']');
        } else if (v instanceof java.util.OptionalDouble od) {
            sb.append(od.isPresent() ? number(od.getAsDouble()) : "null");
        } else if (v instanceof Double d) {
            sb.append(number(d));
        } else if (v instanceof Float f) {
            sb.append(number(f));
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else {
            quote(sb, v.toString());
        }
    }

    private static void writeObject(StringBuilder sb, Map<?, ?> map, int indent) {
        if (map.isEmpty()) {
            sb.append("{}");
            return;
        }
        sb.append("{\n");
        Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<?, ?> e = it.next();
            pad(sb, indent + 1);
            quote(sb, e.getKey().toString());
            sb.append(": ");
            write(sb, e.getValue(), indent + 1);
            sb.append(it.hasNext() ? ",\n" : "\n");
        }
        pad(sb, indent);
        sb.append('}');
    }

    private static void writeArray(StringBuilder sb, Iterator<?> it, boolean empty, int indent) {
        if (empty) {
            sb.append("[]");
            return;
        }
        sb.append("[\n");
        while (it.hasNext()) {
            pad(sb, indent + 1);
            write(sb, it.next(), indent + 1);
            sb.append(it.hasNext() ? ",\n" : "\n");
        }
        pad(sb, indent);
        sb.append(']');
    }

    private static String number(double d) {
        if (!Double.isFinite(d)) {
            return "null";
        }
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static void pad(StringBuilder sb, int indent) {
        sb.append("  ".repeat(indent));
    }

    private static void quote(StringBuilder sb, String s) {
        sb.append('"');
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
        sb.append('"');
    }
}
