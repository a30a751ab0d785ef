package org.lptem.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The TIA .emi file beside a .ser series ({@code name.emi} for {@code name_1.ser}): a binary container whose
 * {@code <ObjectInfo>} XML holds the acquisition settings. We take the frame time ({@code AcquireInfo/FrameTime},
 * seconds) that the series itself does not store. The .emi is optional metadata: when it is missing or unreadable the
 * series opens without a frame time.
 */
final class EmiFile {
    private static final Pattern SERIES = Pattern.compile("(.*)_\\d+\\.ser", Pattern.CASE_INSENSITIVE);
    /** ObjectInfo sits near the start; the rest of a large .emi is a copy of image data we do not need. */
    private static final int SCAN_LIMIT = 8 * 1024 * 1024;
    private static final byte[] START = "<ObjectInfo>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "</ObjectInfo>".getBytes(StandardCharsets.US_ASCII);

    private EmiFile() {
    }

    /** The sibling .emi of a .ser, or null. */
    static Path sibling(Path ser) {
        String name = ser.getFileName().toString();
        Matcher m = SERIES.matcher(name);
        String base = m.matches() ? m.group(1) : name.replaceFirst("(?i)\\.ser$", "");
        for (String ext : new String[] {".emi", ".EMI"}) {
            Path emi = ser.resolveSibling(base + ext);
            if (Files.isRegularFile(emi)) {
                return emi;
            }
        }
        return null;
    }

    static OptionalDouble frameTime(Path ser) {
        Path emi = sibling(ser);
        if (emi == null) {
            return OptionalDouble.empty();
        }
        try {
            String xml = objectInfo(emi);
            if (xml == null) {
                return OptionalDouble.empty();
            }
            Element root = parse(xml).getDocumentElement();
            Element acquire = element(root, "AcquireInfo");
            String text = acquire == null ? null : text(acquire, "FrameTime");
            double seconds = text == null ? Double.NaN : Double.parseDouble(text.trim());
            return seconds > 0 && Double.isFinite(seconds) ? OptionalDouble.of(seconds) : OptionalDouble.empty();
        } catch (Exception e) {
            return OptionalDouble.empty(); // metadata only: a damaged .emi must not stop the series from opening
        }
    }

    private static String objectInfo(Path emi) throws IOException {
        byte[] bytes;
        try (RandomAccessFile f = new RandomAccessFile(emi.toFile(), "r")) {
            bytes = new byte[(int) Math.min(f.length(), SCAN_LIMIT)];
            f.readFully(bytes);
        }
        int start = indexOf(bytes, START, 0);
        int end = start < 0 ? -1 : indexOf(bytes, END, start);
        return end < 0 ? null : new String(bytes, start, end + END.length - start, StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        // untrusted input: no DTDs, no external entities
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setExpandEntityReferences(false);
        javax.xml.parsers.DocumentBuilder builder = f.newDocumentBuilder();
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                throw e; // reported by the caller as "no frame time", not printed to the console
            }
        });
        return builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    /** Text of the first descendant element named {@code name}, or null. */
    private static String text(Element parent, String name) {
        Element e = element(parent, name);
        return e == null ? null : e.getTextContent();
    }

    private static Element element(Element parent, String name) {
        NodeList list = parent.getElementsByTagName(name);
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }
}
