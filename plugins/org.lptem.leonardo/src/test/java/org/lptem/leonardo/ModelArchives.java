package org.lptem.leonardo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** A model file's archive as named entries and back: what the model-file tests damage. */
final class ModelArchives {
    private ModelArchives() {
    }

    static Map<String, byte[]> read(Path file) throws IOException {
        return unzip(Files.readAllBytes(file));
    }

    static void write(Path file, Map<String, byte[]> entries) throws IOException {
        Files.write(file, zip(entries));
    }

    static Map<String, byte[]> unzip(byte[] bytes) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry z = in.getNextEntry(); z != null; z = in.getNextEntry()) {
                out.put(z.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The properties entry with {@code key} set to {@code value}, or removed when {@code value} is null. */
    static byte[] withProperty(byte[] properties, String key, String value) {
        StringBuilder out = new StringBuilder();
        for (String line : new String(properties, StandardCharsets.ISO_8859_1).split("\n")) {
            if (line.startsWith(key + "=")) {
                if (value != null) {
                    out.append(key).append('=').append(value).append('\n');
                }
            } else {
                out.append(line).append('\n');
            }
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
