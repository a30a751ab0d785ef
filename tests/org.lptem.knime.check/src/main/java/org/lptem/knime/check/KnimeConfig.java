package org.lptem.knime.check;

import java.util.LinkedHashMap;
import java.util.Map;

import org.w3c.dom.Element;

/**
 * A KNIME XMLConfig tree ({@code <config key=...>} with {@code <entry key=... type=... value=...>}), the format of
 * workflow.knime and settings.xml.
 */
public final class KnimeConfig {
    private final Element m_element;

    public KnimeConfig(final Element element) {
        m_element = element;
    }

    public static KnimeConfig parse(final String xml, final String what) {
        return new KnimeConfig(Xml.parse(xml, what).getDocumentElement());
    }

    /** The underlying element, for the few checks that need entry attributes. */
    public Element element() {
        return m_element;
    }

    public String key() {
        return m_element.getAttribute("key");
    }

    /** The child config with that key, or null. */
    public KnimeConfig config(final String key) {
        for (Element e : Xml.children(m_element, "config")) {
            if (key.equals(e.getAttribute("key"))) {
                return new KnimeConfig(e);
            }
        }
        return null;
    }

    /** The child configs in document order, by key. */
    public Map<String, KnimeConfig> configs() {
        Map<String, KnimeConfig> out = new LinkedHashMap<>();
        for (Element e : Xml.children(m_element, "config")) {
            out.put(e.getAttribute("key"), new KnimeConfig(e));
        }
        return out;
    }

    /** The value of the entry with that key, or null if absent or isnull. */
    public String entry(final String key) {
        for (Element e : Xml.children(m_element, "entry")) {
            if (key.equals(e.getAttribute("key"))) {
                return "true".equals(e.getAttribute("isnull")) ? null : e.getAttribute("value");
            }
        }
        return null;
    }

    /** The keys of all children, entries and configs, in document order. */
    public Map<String, String> childKeys() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Element e : Xml.children(m_element, null)) {
            out.put(e.getAttribute("key"), e.getTagName());
        }
        return out;
    }

    public int intEntry(final String key) {
        String v = entry(key);
        if (v == null) {
            throw new IllegalArgumentException("config '" + key() + "' has no entry '" + key + "'");
        }
        return Integer.parseInt(v);
    }
}
