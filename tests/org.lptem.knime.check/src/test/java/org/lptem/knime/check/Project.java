package org.lptem.knime.check;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the working tree the checks read. */
final class Project {
    private Project() {
    }

    static Path root() {
        String prop = System.getProperty("lptem.root");
        if (prop != null) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("plugins/org.lptem.knime"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the project root (plugins/org.lptem.knime) from "
            + Path.of("").toAbsolutePath());
    }

    static KnimePlugin plugin() {
        return KnimePlugin.load(root().resolve("plugins/org.lptem.knime"));
    }
}
