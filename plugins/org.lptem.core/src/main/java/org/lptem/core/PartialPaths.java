package org.lptem.core;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Hidden, uniquely named siblings of an output, where results are written before being moved into place. Unlike
 * {@code Files.createTemp*}, they get the user's default permissions (umask), so published results are readable by
 * colleagues and batch systems as any other file the user writes.
 */
public final class PartialPaths {
    private PartialPaths() {
    }

    /** Creates an empty file next to {@code target}, named {@code .<name>.<random>.part}. */
    public static Path newFile(Path target) throws IOException {
        while (true) {
            try {
                return Files.createFile(sibling(target, ".part"));
            } catch (FileAlreadyExistsException taken) {
                // another writer drew the same name: draw again
            }
        }
    }

    /** Creates an empty folder next to {@code target}, named {@code .<name>.<random>.partial}. */
    public static Path newDirectory(Path target) throws IOException {
        while (true) {
            try {
                return Files.createDirectory(sibling(target, ".partial"));
            } catch (FileAlreadyExistsException taken) {
                // another writer drew the same name: draw again
            }
        }
    }

    private static Path sibling(Path target, String suffix) {
        Path abs = target.toAbsolutePath().normalize();
        String random = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
        return abs.resolveSibling("." + abs.getFileName() + "." + random + suffix);
    }
}
