package org.lptem.io.samem;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.lptem.core.LptemException;
import org.lptem.core.PartialPaths;

/**
 * numpy's {@code .npz} archives: a zip file with one {@code <name>.npy} entry per array, as {@code numpy.savez}
 * (stored) and {@code numpy.savez_compressed} (deflated) write them. Both are read; this writer deflates.
 */
public final class Npz {
    /** Arrays larger than this are refused when reading, so a corrupt size field cannot exhaust memory. */
    static final long MAX_ENTRY_BYTES = Integer.MAX_VALUE - 64;

    private Npz() {
    }

    /** The bytes of one {@code .npy} entry, written straight into the archive. */
    @FunctionalInterface
    interface Entry {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes the arrays to {@code file} (a temporary sibling moved into place when complete).
     *
     * @param arrays by name, without the {@code .npy} suffix, in the order to write
     */
    public static void write(Path file, Map<String, NpyArray> arrays) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        arrays.forEach((name, array) -> entries.put(name, out -> out.write(array.toBytes())));
        writeEntries(file, entries);
    }

    /**
     * As {@link #write}, with each entry's bytes streamed, so an array need not exist whole in memory. Nothing is left
     * at {@code file} or beside it when an entry fails.
     */
    static void writeEntries(Path file, Map<String, Entry> entries) {
        Path temp;
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            temp = PartialPaths.newFile(file.toAbsolutePath());
        } catch (IOException e) {
            throw LptemException.inFile(file, "cannot create the file: " + e, e);
        }
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
                    ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, Entry> e : entries.entrySet()) {
                    ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
                    // a fixed time keeps the bytes of the same arrays the same
                    entry.setTime(315532800000L);
                    zip.putNextEntry(entry);
                    e.getValue().writeTo(zip);
                    zip.closeEntry();
                }
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(temp);
            throw LptemException.inFile(file, "cannot write: " + e, e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // a stray .part file is harmless
        }
    }

    /**
     * Reads every array of an {@code .npz} file, by name without {@code .npy}.
     *
     * @throws LptemException naming the file (and the entry) when it is not a zip, an entry is not a {@code .npy}
     *     array, or data is truncated or corrupt
     */
    public static Map<String, NpyArray> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw LptemException.inFile(file, "file does not exist");
        }
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                String name = e.getName();
                if (!name.endsWith(".npy")) {
                    throw LptemException.inFile(file, "entry '" + name + "' is not a .npy array");
                }
                String source = file + " (" + name + ")";
                if (e.getSize() > MAX_ENTRY_BYTES) {
                    throw new LptemException(source, -1, "entry of " + e.getSize() + " bytes is too large", null);
                }
                byte[] bytes;
                try (InputStream in = zip.getInputStream(e)) {
                    bytes = readAll(in, source);
                }
                if (e.getSize() >= 0 && bytes.length != e.getSize()) {
                    throw new LptemException(source, -1, "entry holds " + bytes.length + " bytes, the zip directory "
                            + "says " + e.getSize(), null);
                }
                arrays.put(name.substring(0, name.length() - 4), NpyArray.parse(bytes, source));
            }
        } catch (ZipException e) {
            throw LptemException.inFile(file, "not a readable .npz (zip) archive: " + e.getMessage(), e);
        } catch (IOException | IllegalArgumentException e) {
            // ZipFile reports some corruptions (bad entry names, sizes) as IllegalArgumentException
            throw LptemException.inFile(file, "corrupt .npz archive: " + e.getMessage(), e);
        }
        return arrays;
    }

    private static byte[] readAll(InputStream in, String source) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0;) {
            total += n;
            if (total > MAX_ENTRY_BYTES) {
                throw new LptemException(source, -1, "entry is larger than " + MAX_ENTRY_BYTES + " bytes", null);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
