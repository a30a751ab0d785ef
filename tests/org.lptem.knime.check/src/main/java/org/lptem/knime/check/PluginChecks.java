package org.lptem.knime.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks plugin.xml against the sources and files: factories and port type classes exist as sources, nodes sit in
 * declared categories, and every icon (categories in plugin.xml, nodes in their factories' {@code .icon(...)}) is a
 * 16x16 PNG that build.properties ships.
 */
public final class PluginChecks {
    private PluginChecks() {
    }

    public static List<String> check(final KnimePlugin plugin) {
        List<String> problems = new ArrayList<>();
        if (plugin.pluginXml() == null) {
            problems.add("plugin.xml is missing");
            return problems;
        }
        PluginXml xml;
        try {
            xml = PluginXml.parse(plugin.pluginXml());
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return problems;
        }
        for (String required : new String[]{"plugin.xml", "META-INF/"}) {
            if (!shipped(plugin.buildProperties(), required)) {
                problems.add(required + " is not in build.properties bin.includes: KNIME would not see the nodes");
            }
        }
        if (xml.nodes().isEmpty()) {
            problems.add("plugin.xml registers no nodes at " + PluginXml.NODES_POINT);
        }
        Set<String> categoryPaths = new HashSet<>();
        for (PluginXml.CategoryEntry c : xml.categories()) {
            categoryPaths.add(c.fullPath());
            checkIcon(plugin, "category " + c.fullPath(), c.icon(), problems);
        }
        Set<String> seen = new HashSet<>();
        for (PluginXml.NodeEntry n : xml.nodes()) {
            if (!seen.add(n.factoryClass())) {
                problems.add("factory " + n.factoryClass() + " is registered twice");
            }
            if (plugin.sourceOf(n.factoryClass()).isEmpty()) {
                problems.add("factory " + n.factoryClass() + " has no source file under "
                    + KnimePlugin.SOURCE_ROOT + "/");
            } else {
                List<String> icons = plugin.sourceOf(n.factoryClass()).get().stringArguments("icon");
                if (icons.isEmpty()) {
                    problems.add("factory " + n.factoryClass() + " has no .icon(\"...\") with a literal path to check");
                }
                for (String icon : icons) {
                    checkIcon(plugin, "node " + n.factoryClass(), resolveNodeIcon(n.factoryClass(), icon), problems);
                }
            }
            if (!categoryPaths.contains(stripSlash(n.categoryPath()))) {
                problems.add("node " + n.factoryClass() + " is in category '" + n.categoryPath()
                    + "', which plugin.xml does not declare");
            }
        }
        for (PluginXml.PortTypeEntry p : xml.portTypes()) {
            for (String cls : p.classes()) {
                if (plugin.sourceOf(cls).isEmpty()) {
                    problems.add("port type '" + p.name() + "': class " + cls + " has no source");
                }
            }
        }
        return problems;
    }

    /**
     * Where KNIME looks for a node icon: relative to the factory's package on the bundle class path, with "x/../"
     * collapsed (NodeFactory's rule). Sources compile to the bundle root, so the result is relative to the plug-in.
     */
    static String resolveNodeIcon(final String factoryClass, final String icon) {
        String path = icon.replace("//", "/");
        if (path.startsWith("./")) {
            path = path.substring(2);
        }
        if (path.startsWith("/")) {
            return path.substring(1);
        }
        String pkg = factoryClass.substring(0, Math.max(0, factoryClass.lastIndexOf('.')));
        String full = pkg.replace('.', '/') + "/" + path;
        String previous;
        do {
            previous = full;
            full = full.replaceFirst("[^./]+/\\.\\./", "");
        } while (!full.equals(previous));
        return full;
    }

    private static void checkIcon(final KnimePlugin plugin, final String owner, final String icon,
        final List<String> problems) {
        if (icon == null || icon.isBlank()) {
            problems.add(owner + " has no icon");
            return;
        }
        byte[] bytes = plugin.file(icon);
        if (bytes == null) {
            problems.add(owner + ": icon " + icon + " does not exist");
            return;
        }
        int[] size = Png.size(bytes);
        if (size == null) {
            problems.add(owner + ": icon " + icon + " is not a PNG");
        } else if (size[0] != 16 || size[1] != 16) {
            problems.add(owner + ": icon " + icon + " is " + size[0] + "x" + size[1] + ", not 16x16");
        }
        if (!shipped(plugin.buildProperties(), icon)) {
            problems.add(owner + ": icon " + icon + " is not in build.properties bin.includes");
        }
    }

    /** Whether bin.includes names the file or a folder containing it. */
    static boolean shipped(final String buildProperties, final String file) {
        if (buildProperties == null) {
            return false;
        }
        Map<String, String> props = Properties.parse(buildProperties);
        String includes = props.getOrDefault("bin.includes", "");
        for (String inc : includes.split(",")) {
            String i = inc.strip();
            if (i.equals(file) || (i.endsWith("/") && file.startsWith(i))) {
                return true;
            }
        }
        return false;
    }

    private static String stripSlash(final String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
