package org.lptem.knime.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.lptem.core.LptemException;
import org.lptem.core.PartialPaths;

/** Writing model files from the Model Writer nodes: whole or not at all, never over a file unless asked. */
public final class ModelFiles {
    private ModelFiles() {
    }

    /** Refuses an existing file unless {@code overwrite}, and creates its folder. */
    public static void prepare(final Path file, final boolean overwrite) throws IOException {
        if (Files.exists(file) && !overwrite) {
            throw LptemException.inFile(file, "already exists; tick Overwrite or choose another file");
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
    }

    /** Writes {@code bytes} beside {@code file} and moves them into place, so a reader never sees half a model. */
    public static void write(final Path file, final byte[] bytes) throws IOException {
        Path temp = PartialPaths.newFile(file);
        try {
            Files.write(temp, bytes);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** An input model file as an absolute path that must exist; the message names the setting and the file. */
    public static Path existing(final String setting, final String what)
        throws org.knime.core.node.InvalidSettingsException {
        Path path = LocalPaths.output(setting, what);
        if (!Files.isRegularFile(path)) {
            throw new org.knime.core.node.InvalidSettingsException(what + " '" + path + "' does not exist or is not "
                + "a file.");
        }
        return path;
    }
}
