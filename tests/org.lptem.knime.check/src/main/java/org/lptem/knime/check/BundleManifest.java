package org.lptem.knime.check;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/** The OSGi headers of MANIFEST.MF the checks use, with clause parameters stripped. */
public record BundleManifest(String symbolicName, boolean singleton, List<String> requireBundle,
    List<String> importPackage, List<String> exportPackage) {

    /** Parses MANIFEST.MF text; an unreadable manifest throws {@link IllegalArgumentException}. */
    public static BundleManifest parse(final String text) {
        Manifest mf;
        try {
            // The JDK parser needs the final newline that editors sometimes drop.
            String t = text.endsWith("\n") ? text : text + "\n";
            mf = new Manifest(new ByteArrayInputStream(t.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalArgumentException("MANIFEST.MF cannot be read: " + e.getMessage(), e);
        }
        Attributes a = mf.getMainAttributes();
        String bsn = a.getValue("Bundle-SymbolicName");
        if (bsn == null) {
            throw new IllegalArgumentException("MANIFEST.MF has no Bundle-SymbolicName");
        }
        return new BundleManifest(bsn.split(";")[0].strip(), bsn.replace(" ", "").contains("singleton:=true"),
            names(a.getValue("Require-Bundle")), names(a.getValue("Import-Package")),
            names(a.getValue("Export-Package")));
    }

    /** The clause names of a header: {@code a;version="[1,2)",b} gives a, b. */
    static List<String> names(final String header) {
        List<String> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        StringBuilder clause = new StringBuilder();
        boolean quoted = false;
        for (char c : (header + ",").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                String name = clause.toString().split(";")[0].strip();
                if (!name.isEmpty()) {
                    out.add(name);
                }
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        return out;
    }
}
