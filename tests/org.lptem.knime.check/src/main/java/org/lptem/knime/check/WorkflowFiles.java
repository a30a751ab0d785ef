package org.lptem.knime.check;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The text files of one KNIME workflow folder, by path relative to it (so tests can feed broken ones). */
public interface WorkflowFiles {

    /** Name for messages, usually the folder name. */
    String name();

    /** Content of {@code relativePath}, or null if there is no such file. */
    String read(String relativePath);

    static WorkflowFiles of(final Path dir) {
        return new WorkflowFiles() {
            @Override
            public String name() {
                return dir.getFileName().toString();
            }

            @Override
            public String read(final String relativePath) {
                Path p = dir.resolve(relativePath).normalize();
                return p.startsWith(dir.normalize()) && Files.isRegularFile(p) ? KnimePlugin.read(p) : null;
            }
        };
    }

    static WorkflowFiles of(final String name, final Map<String, String> files) {
        return new WorkflowFiles() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String read(final String relativePath) {
                return files.get(relativePath);
            }
        };
    }
}
