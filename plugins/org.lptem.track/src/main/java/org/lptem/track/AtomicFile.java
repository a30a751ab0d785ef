package org.lptem.track;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.lptem.core.LptemException;
import org.lptem.core.PartialPaths;

/**
 * Writes a file under a hidden temporary name and moves it into place only when complete, so a failure never leaves
 * a truncated export that looks finished.
 */
final class AtomicFile {
    interface Body {
        void write(Path temp) throws IOException;
    }

    private AtomicFile() {
    }

    static void write(Path target, Body body) {
        Path temp;
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            temp = PartialPaths.newFile(target);
        } catch (IOException e) {
            throw LptemException.inFile(target, "cannot create the file: " + e, e);
        }
        try {
            body.write(temp);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw LptemException.inFile(target, "cannot write: " + e, e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a stray hidden .part file is harmless
            }
        }
    }
}
