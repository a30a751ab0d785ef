package org.lptem.knime.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The KNIME plug-in as files: its plugin.xml, MANIFEST.MF, build.properties and Java sources. Text can be replaced
 * for negative tests (a deliberately broken plugin.xml) without touching the working tree.
 */
public final class KnimePlugin {
    /** Source root, as {@code source..} in build.properties. */
    public static final String SOURCE_ROOT = "src";

    private final Path m_dir;
    private final String m_pluginXml;
    private final String m_manifest;
    private final String m_buildProperties;
    private final Map<String, JavaSource> m_sources;

    private KnimePlugin(final Path dir, final String pluginXml, final String manifest, final String buildProperties,
        final Map<String, JavaSource> sources) {
        m_dir = dir;
        m_pluginXml = pluginXml;
        m_manifest = manifest;
        m_buildProperties = buildProperties;
        m_sources = sources;
    }

    public static KnimePlugin load(final Path dir) {
        Map<String, JavaSource> sources = new TreeMap<>();
        Path root = dir.resolve(SOURCE_ROOT);
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(p -> sources.put(
                    root.relativize(p).toString().replace('\\', '/'), new JavaSource(read(p))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new KnimePlugin(dir, readIfExists(dir.resolve("plugin.xml")),
            readIfExists(dir.resolve("META-INF/MANIFEST.MF")), readIfExists(dir.resolve("build.properties")),
            sources);
    }

    public KnimePlugin withPluginXml(final String text) {
        return new KnimePlugin(m_dir, text, m_manifest, m_buildProperties, m_sources);
    }

    public KnimePlugin withManifest(final String text) {
        return new KnimePlugin(m_dir, m_pluginXml, text, m_buildProperties, m_sources);
    }

    public KnimePlugin withBuildProperties(final String text) {
        return new KnimePlugin(m_dir, m_pluginXml, m_manifest, text, m_sources);
    }

    public KnimePlugin withSource(final String relativePath, final String text) {
        Map<String, JavaSource> sources = new TreeMap<>(m_sources);
        sources.put(relativePath, new JavaSource(text));
        return new KnimePlugin(m_dir, m_pluginXml, m_manifest, m_buildProperties, sources);
    }

    public Path dir() {
        return m_dir;
    }

    public String pluginXml() {
        return m_pluginXml;
    }

    public String manifest() {
        return m_manifest;
    }

    public String buildProperties() {
        return m_buildProperties;
    }

    /** Sources by path relative to the source root, e.g. {@code org/lptem/knime/port/VideoPortObject.java}. */
    public Map<String, JavaSource> sources() {
        return m_sources;
    }

    /** The source declaring a class given by binary name ({@code a.b.Outer$Inner} looks in Outer.java). */
    public Optional<JavaSource> sourceOf(final String binaryName) {
        String outer = binaryName.split("\\$")[0];
        JavaSource src = m_sources.get(outer.replace('.', '/') + ".java");
        if (src == null) {
            return Optional.empty();
        }
        String[] nested = binaryName.split("\\$");
        for (int i = 1; i < nested.length; i++) {
            if (!src.declaresType(nested[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(src);
    }

    /** Bytes of a file of the plug-in, relative to its root, or null if absent. */
    public byte[] file(final String relativePath) {
        Path p = m_dir.resolve(relativePath).normalize();
        if (!p.startsWith(m_dir.normalize()) || !Files.isRegularFile(p)) {
            return null;
        }
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(final Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readIfExists(final Path p) {
        return Files.isRegularFile(p) ? read(p) : null;
    }
}
