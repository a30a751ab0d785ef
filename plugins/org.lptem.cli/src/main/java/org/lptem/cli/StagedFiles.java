package org.lptem.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lptem.core.StagedFolder;
import org.lptem.core.LptemException;
import org.lptem.core.PartialPaths;

/**
 * Output files at paths of the user's choosing that appear together or not at all: each is written to a hidden
 * sibling and {@link #commit()} moves them all into place; {@link #close()} without commit deletes them. The
 * folder-shaped counterpart is {@link StagedFolder}; this one serves commands whose outputs are named one by one
 * (a tracks table plus optional TrackMate, trackpy and events files), where a failure writing the last must not leave
 * the first behind looking like a complete result.
 */
final class StagedFiles implements AutoCloseable {
    private final Map<Path, Path> staged = new LinkedHashMap<>();
    private final Path[] inputs;
    private boolean committed;

    /** @param inputs the command's input files, which no output may replace */
    StagedFiles(Path... inputs) {
        this.inputs = inputs.clone();
    }

    /** Where to write the file that will appear at {@code target}. */
    Path file(Path target) {
        Inputs.refuseAsOutput(target, inputs);
        Path abs = target.toAbsolutePath().normalize();
        if (staged.containsKey(abs)) {
            throw LptemException.inFile(target, "is named for two outputs");
        }
        if (Files.isDirectory(abs)) {
            throw LptemException.inFile(target, "the output exists and is a folder");
        }
        try {
            Files.createDirectories(abs.getParent());
            Path temp = PartialPaths.newFile(abs);
            staged.put(abs, temp);
            return temp;
        } catch (IOException e) {
            throw LptemException.inFile(target, "cannot create the output: " + e.getMessage(), e);
        }
    }

    /** Moves every staged file onto its target, replacing files of the same name. */
    void commit() {
        try {
            for (Map.Entry<Path, Path> e : staged.entrySet()) {
                try {
                    Files.move(e.getValue(), e.getKey(), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException notAtomic) {
                    Files.move(e.getValue(), e.getKey(), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            committed = true;
        } catch (IOException e) {
            throw new UncheckedIOException("moving results into place", e);
        }
    }

    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            for (Path temp : staged.values()) {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("removing partial results", e);
        }
    }
}
