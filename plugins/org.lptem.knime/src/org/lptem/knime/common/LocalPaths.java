package org.lptem.knime.common;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.util.FileUtil;

/**
 * Turns a file or folder setting (the Video Reader's video, the Video Simulator's output folder) into a local path.
 * Besides plain paths it accepts {@code file:} URLs and KNIME URLs such as
 * {@code knime://knime.workflow/data/movie.tif}, so a workflow can ship next to its data and still run after being
 * moved. Resolution needs the running workflow's context, so it happens in the node that owns the setting;
 * downstream nodes only ever see the resolved absolute path. The target need not exist yet.
 */
public final class LocalPaths {
    private LocalPaths() {
    }

    /**
     * An output location (file or folder) as an absolute local path: relative paths are refused, since they would
     * depend on the directory KNIME happened to start in.
     *
     * @param what the setting's name for messages, e.g. "Output folder"
     */
    public static Path output(final String setting, final String what) throws InvalidSettingsException {
        if (setting == null || setting.isBlank()) {
            throw new InvalidSettingsException("Choose the " + what.toLowerCase(Locale.ROOT) + ".");
        }
        String resolved = resolve(setting);
        Path path;
        try {
            path = Path.of(resolved);
        } catch (InvalidPathException e) {
            throw new InvalidSettingsException(what + " '" + resolved + "' is not a valid path: " + e.getReason(), e);
        }
        if (!path.isAbsolute()) {
            throw new InvalidSettingsException(what + " '" + setting + "' must be an absolute path or a KNIME URL "
                + "such as knime://knime.workflow/data/...");
        }
        return path;
    }

    public static String resolve(final String setting) throws InvalidSettingsException {
        String s = setting.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("knime:") && !lower.startsWith("file:")) {
            return s;
        }
        try {
            Path path = FileUtil.resolveToPath(FileUtil.toURL(s));
            if (path == null) {
                throw new InvalidSettingsException("'" + s + "' does not point to a local file.");
            }
            return path.toAbsolutePath().toString();
        } catch (IOException | URISyntaxException | InvalidPathException e) {
            throw new InvalidSettingsException("Cannot resolve '" + s + "': " + e.getMessage(), e);
        }
    }
}
