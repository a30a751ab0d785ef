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
    private final boolean wholeResult;
    private boolean committed;

    /**
     * A folder whose files of the same names are replaced on commit and whose other files stay: for outputs that
     * share a folder with the user's own files.
     */
    public StagedFolder(Path target) {
        this(target, false);
    }

    /**
     * A folder of one command's results: it may not hold the command's {@code inputs} (checked now, before any work,
     * so a video's folder, or a simulation's with its ground truth, is not written over), and on commit it may not
     * keep files this run does not write (an earlier run's, which would then pass for this run's).
     *
     * @throws LptemException naming the folder and the input it holds
     */
    public static StagedFolder forResults(Path target, Path... inputs) {
        Path folder = target.toAbsolutePath().normalize();
        for (Path input : inputs) {
            if (input != null && input.toAbsolutePath().normalize().startsWith(folder)) {
                throw LptemException.inFile(target, "holds the input " + input + "; write the results into "
                        + "another folder");
            }
        }
        return new StagedFolder(target, true);
    }

    private StagedFolder(Path target, boolean wholeResult) {
        this.wholeResult = wholeResult;
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
        if (wholeResult) {
            refuseOtherFiles();
        }
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

    private void refuseOtherFiles() {
        if (!Files.isDirectory(target)) {
            return;
        }
        try (Stream<Path> old = Files.list(target); Stream<Path> now = Files.list(staging)) {
            java.util.Set<Path> written = now.map(Path::getFileName).collect(java.util.stream.Collectors.toSet());
            java.util.List<String> others = old.map(Path::getFileName).filter(n -> !written.contains(n))
                    .filter(n -> !n.toString().startsWith(".")).map(Path::toString).sorted().toList();
            if (!others.isEmpty()) {
                throw LptemException.inFile(target, "already holds " + others.size() + " file(s) this run does not "
                        + "write (" + String.join(", ", others.subList(0, Math.min(5, others.size())))
                        + (others.size() > 5 ? ", ..." : "") + "), which would be mistaken for its results; choose "
                        + "a new or empty folder, or remove them");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + target, e);
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
