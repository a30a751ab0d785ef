package org.lptem.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * An output folder that appears only when the work succeeded: files are written into a hidden sibling folder and
 * moved into place by {@link #commit()}; {@link #close()} without commit deletes everything written. So a bad frame
 * halfway through a video leaves no partial results that could be mistaken for complete ones.
 */
public final class StagedFolder implements AutoCloseable {
    private final Path target;
    private final Path staging;
    private boolean committed;

    public StagedFolder(Path target) {
        this.target = target.toAbsolutePath().normalize();
        if (Files.exists(this.target) && !Files.isDirectory(this.target)) {
            throw LptemException.inFile(target, "the output exists and is not a folder");
        }
        Path parent = this.target.getParent();
        try {
            Files.createDirectories(parent);
            this.staging = PartialPaths.newDirectory(this.target);
        } catch (IOException e) {
            throw LptemException.inFile(target, "cannot create the output folder: " + e.getMessage(), e);
        }
    }

    /** Where to write a result file during the work. */
    public Path file(String name) {
        return staging.resolve(name);
    }

    public Path target() {
        return target;
    }

    /** Moves every staged file into the target folder, replacing files of the same name. */
    public void commit() {
        try {
            if (!Files.exists(target)) {
                try {
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                    committed = true;
                    return;
                } catch (AtomicMoveNotSupportedException | java.nio.file.FileAlreadyExistsException e) {
                    Files.createDirectories(target);
                }
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(staging)) {
                for (Path f : files) {
                    Files.move(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.delete(staging);
            committed = true;
        } catch (IOException e) {
            throw new UncheckedIOException("moving results into " + target, e);
        }
    }

    @Override
    public void close() {
        if (committed || !Files.exists(staging)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(staging)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("removing partial results in " + staging, e);
        }
    }
}
