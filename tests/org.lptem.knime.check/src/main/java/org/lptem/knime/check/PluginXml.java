package org.lptem.knime.check;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The parts of plugin.xml the checks use. */
public record PluginXml(List<NodeEntry> nodes, List<CategoryEntry> categories, List<PortTypeEntry> portTypes) {

    public static final String NODES_POINT = "org.knime.workbench.repository.nodes";
    public static final String CATEGORIES_POINT = "org.knime.workbench.repository.categories";
    public static final String PORT_TYPE_POINT = "org.knime.core.PortType";

    /** A node: its factory class and repository category path. */
    public record NodeEntry(String factoryClass, String categoryPath) {
    }

    /** A category: {@code path + "/" + levelId} is where nodes go; icon relative to the plug-in root. */
    public record CategoryEntry(String path, String levelId, String icon) {
        public String fullPath() {
            String p = path.endsWith("/") ? path : path + "/";
            return p + levelId;
        }
    }

    /** A port type: every class the framework instantiates by name. */
    public record PortTypeEntry(String name, List<String> classes) {
    }

    /** Parses plugin.xml; malformed XML throws {@link IllegalArgumentException}. */
    public static PluginXml parse(final String text) {
        Document doc = Xml.parse(text, "plugin.xml");
        List<NodeEntry> nodes = new ArrayList<>();
        List<CategoryEntry> categories = new ArrayList<>();
        List<PortTypeEntry> portTypes = new ArrayList<>();
        for (Element ext : Xml.children(doc.getDocumentElement(), "extension")) {
            String point = ext.getAttribute("point");
            if (NODES_POINT.equals(point)) {
                for (Element n : Xml.children(ext, "node")) {
                    nodes.add(new NodeEntry(n.getAttribute("factory-class"), n.getAttribute("category-path")));
                }
            } else if (CATEGORIES_POINT.equals(point)) {
                for (Element c : Xml.children(ext, "category")) {
                    categories.add(new CategoryEntry(c.getAttribute("path"), c.getAttribute("level-id"),
                        c.getAttribute("icon")));
                }
            } else if (PORT_TYPE_POINT.equals(point)) {
                for (Element p : Xml.children(ext, "portType")) {
                    List<String> classes = new ArrayList<>();
                    for (String attr : new String[]{"objectClass", "objectSerializer", "specClass",
                        "specSerializer"}) {
                        if (!p.getAttribute(attr).isEmpty()) {
                            classes.add(p.getAttribute(attr));
                        }
                    }
                    portTypes.add(new PortTypeEntry(p.getAttribute("name"), classes));
                }
            }
        }
        return new PluginXml(nodes, categories, portTypes);
    }

    public List<String> factoryClasses() {
        return nodes.stream().map(NodeEntry::factoryClass).toList();
    }
}
