package org.lptem.knime.port;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;

import org.knime.core.node.port.PortObjectZipInputStream;
import org.knime.core.node.port.PortObjectZipOutputStream;

/**
 * Named byte blobs in a port object's zip stream: how the model ports store a model file whole (megabytes of
 * weights belong in a zip entry, not in the XML of a simple port object).
 */
final class ZipEntries {
    private ZipEntries() {
    }

    static void write(final PortObjectZipOutputStream out, final Map<String, byte[]> entries) throws IOException {
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            out.putNextEntry(new ZipEntry(e.getKey()));
            out.write(e.getValue());
            out.closeEntry();
        }
    }

    /** Every remaining entry of the stream, by name. */
    static Map<String, byte[]> read(final PortObjectZipInputStream in) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (ZipEntry e; (e = in.getNextEntry()) != null;) {
            out.put(e.getName(), in.readAllBytes());
        }
        return out;
    }

    /** The entry {@code name}, which must be there. */
    static byte[] require(final Map<String, byte[]> entries, final String name, final String what)
        throws IOException {
        byte[] b = entries.get(name);
        if (b == null) {
            throw new IOException("the stored " + what + " has no entry '" + name + "' (entries: "
                + entries.keySet() + ")");
        }
        return b;
    }

    static byte[] utf8(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(final byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
