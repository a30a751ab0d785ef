package org.lptem.knime.check;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** JDK DOM parsing with external entities off (the files are ours, but the checker should not fetch anything). */
public final class Xml {
    private Xml() {
    }

    /** Parses {@code text}; a malformed document throws {@link IllegalArgumentException} naming {@code what}. */
    public static Document parse(final String text, final String what) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new InputSource(new StringReader(text)));
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException(what + " is not well-formed XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The element children of {@code parent}, optionally only those with tag {@code tag}. */
    public static List<Element> children(final Element parent, final String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (tag == null || tag.equals(e.getTagName()))) {
                out.add(e);
            }
        }
        return out;
    }
}
