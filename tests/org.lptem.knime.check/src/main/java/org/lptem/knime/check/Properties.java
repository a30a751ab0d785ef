package org.lptem.knime.check;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/** build.properties as a map (Java properties syntax, line continuations included). */
final class Properties {
    private Properties() {
    }

    static Map<String, String> parse(final String text) {
        java.util.Properties p = new java.util.Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> out = new TreeMap<>();
        p.forEach((k, v) -> out.put((String)k, (String)v));
        return out;
    }
}
