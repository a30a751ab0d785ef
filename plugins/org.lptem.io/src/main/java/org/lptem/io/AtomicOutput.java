package org.lptem.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.lptem.core.LptemException;
import org.lptem.core.PartialPaths;

/**
 * A temporary file beside the destination that replaces it in one step when complete, so a crash or a cancelled run
 * never leaves a half-written table or stack under the real name.
 */
final class AtomicOutput {
    private final Path target;
    private final Path temp;

    private AtomicOutput(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    static AtomicOutput create(Path target) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        try {
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Path temp = PartialPaths.newFile(abs);
            return new AtomicOutput(target, temp);
        } catch (IOException e) {
            throw LptemException.inFile(target, "cannot create the file: " + e, e);
        }
    }

    Path temp() {
        return temp;
    }

    Path target() {
        return target;
    }

    /** Moves the finished temporary file onto the target. */
    void commit() {
        try {
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            discard();
            throw LptemException.inFile(target, "cannot move the finished file into place: " + e, e);
        }
    }

    /** Deletes the temporary file; the target is left as it was. */
    void discard() {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // nothing more can be done; a stray ".part" file is harmless
        }
    }

    LptemException writeError(IOException e) {
        return LptemException.inFile(target, "cannot write: " + e, e);
    }
}
