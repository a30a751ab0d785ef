package org.lptem.track;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.lptem.core.Detection;
import org.lptem.core.LptemException;
import org.lptem.core.Track;

/**
 * Reads the user's result out of a TrackMate file. TrackMate keeps every spot and every track in the file and
 * records its filters separately, as a spot's VISIBILITY and the list of FilteredTracks; what the user saw and
 * meant is the visible spots and the listed tracks, so hidden spots, and tracks missing from the list with their
 * spots, are left out. Shape measures are read back in the units {@link TrackMateXml#write} converted them from.
 */
final class TrackMateReader {
    private final Path file;
    private final Map<Integer, Detection> spots = new HashMap<>();
    private final Set<Integer> hidden = new HashSet<>();
    /** {source spot, target spot, track id}. */
    private final List<int[]> edges = new ArrayList<>();
    /** Ids listed under FilteredTracks; null when the file has no such list (then every track counts). */
    private Set<Integer> filteredTracks;
    private int currentTrack = Integer.MIN_VALUE;
    private double pixel = Double.NaN;
    private String units = "pixel";

    private TrackMateReader(Path file) {
        this.file = file;
    }

    static List<Track> read(Path file) {
        if (!Files.exists(file)) {
            throw LptemException.inFile(file, "file does not exist");
        }
        TrackMateReader reader = new TrackMateReader(file);
        reader.parse();
        // positions are physical unless the file is in pixels
        double toPixels = "pixel".equalsIgnoreCase(reader.units) || !(reader.pixel > 0) ? 1 : 1 / reader.pixel;
        return reader.chains(toPixels);
    }

    private void parse() {
        try (InputStream in = Files.newInputStream(file)) {
            XMLInputFactory f = XMLInputFactory.newFactory();
            f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            XMLStreamReader r = f.createXMLStreamReader(in);
            boolean root = false;
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (r.getLocalName()) {
                    case "TrackMate" -> root = true;
                    case "Model" -> units = value(r, "spatialunits", "pixel");
                    case "Spot" -> spot(r);
                    case "Track" -> {
                        double id = optionalNumber(r, "TRACK_ID");
                        currentTrack = Double.isNaN(id) ? Integer.MIN_VALUE : (int) id;
                    }
                    case "Edge" -> edges.add(new int[] {(int) number(r, "SPOT_SOURCE_ID"),
                            (int) number(r, "SPOT_TARGET_ID"), currentTrack});
                    case "FilteredTracks" -> filteredTracks = new HashSet<>();
                    case "TrackID" -> {
                        if (filteredTracks != null) {
                            filteredTracks.add((int) number(r, "TRACK_ID"));
                        }
                    }
                    case "ImageData" -> pixel = optionalNumber(r, "pixelwidth");
                    default -> {
                    }
                }
            }
            if (!root) {
                throw LptemException.inFile(file, "not a TrackMate file (no <TrackMate> element)");
            }
        } catch (XMLStreamException e) {
            throw LptemException.inFile(file, "not a readable XML file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw LptemException.inFile(file, "cannot read: " + e, e);
        }
    }

    /** A spot in the file's units; the scaling to pixels waits for the pixel size, which comes after the model. */
    private void spot(XMLStreamReader r) {
        int id = (int) number(r, "ID");
        if (optionalNumber(r, "VISIBILITY") == 0) {
            hidden.add(id);
            return;
        }
        // the writer stores TrackMate's semi-axes and radians; a Detection has full axes and degrees
        spots.put(id, new Detection((int) number(r, "FRAME"), number(r, "POSITION_X"), number(r, "POSITION_Y"),
                optionalNumber(r, "AREA"), Math.toDegrees(optionalNumber(r, "ELLIPSE_THETA")),
                2 * optionalNumber(r, "ELLIPSE_MAJOR"), 2 * optionalNumber(r, "ELLIPSE_MINOR"),
                optionalNumber(r, "MEAN_INTENSITY_CH1"), optionalNumber(r, "QUALITY"), 0));
    }

    /**
     * Unbranched chains of the kept spots and edges: each chain where no spot has two successors or two
     * predecessors becomes a track, numbered 1..n in order of its first spot (frame, x, y). Visible spots in no
     * track become one-point tracks.
     */
    private List<Track> chains(double toPixels) {
        Set<Integer> inDroppedTrack = new HashSet<>();
        Map<Integer, Integer> outDegree = new HashMap<>();
        Map<Integer, Integer> inDegree = new HashMap<>();
        Map<Integer, Integer> next = new HashMap<>();
        Map<Integer, Integer> previous = new HashMap<>();
        for (int[] e : edges) {
            for (int end = 0; end < 2; end++) {
                if (!spots.containsKey(e[end]) && !hidden.contains(e[end])) {
                    throw LptemException.inFile(file, "an edge joins spot " + e[0] + " to spot " + e[1]
                            + ", but spot " + e[end] + " is not in the file");
                }
            }
            if (filteredTracks != null && !filteredTracks.contains(e[2])) {
                inDroppedTrack.add(e[0]);
                inDroppedTrack.add(e[1]);
                continue;
            }
            if (hidden.contains(e[0]) || hidden.contains(e[1])) {
                continue;
            }
            // edges may be stored in either direction; time gives the direction
            int a = spots.get(e[0]).frame() <= spots.get(e[1]).frame() ? e[0] : e[1];
            int b = a == e[0] ? e[1] : e[0];
            if (spots.get(a).frame() == spots.get(b).frame()) {
                throw LptemException.inFile(file, "an edge joins spots " + a + " and " + b + " of the same frame");
            }
            outDegree.merge(a, 1, Integer::sum);
            inDegree.merge(b, 1, Integer::sum);
            next.put(a, b);
            previous.put(b, a);
        }
        List<Integer> ids = new ArrayList<>(spots.keySet());
        ids.removeAll(inDroppedTrack);
        ids.sort((p, q) -> DetectionTable.ORDER.compare(spots.get(p), spots.get(q)));
        List<Track> tracks = new ArrayList<>();
        for (int id : ids) {
            boolean continues = inDegree.getOrDefault(id, 0) == 1
                    && outDegree.getOrDefault(previous.get(id), 0) == 1;
            if (continues) {
                continue; // inside a chain: its head starts the track
            }
            List<Detection> points = new ArrayList<>();
            for (int s = id;; s = next.get(s)) {
                points.add(scaled(spots.get(s), toPixels));
                if (outDegree.getOrDefault(s, 0) != 1 || inDegree.getOrDefault(next.get(s), 0) != 1) {
                    break;
                }
            }
            tracks.add(new Track(tracks.size() + 1, points));
        }
        return tracks;
    }

    private static Detection scaled(Detection d, double f) {
        return new Detection(d.frame(), d.x() * f, d.y() * f, d.area() * f * f, d.orientationDeg(),
                d.majorAxis() * f, d.minorAxis() * f, d.meanIntensity(), d.score(), d.label());
    }

    private static String value(XMLStreamReader r, String name, String fallback) {
        String v = r.getAttributeValue(null, name);
        return v == null ? fallback : v;
    }

    private double number(XMLStreamReader r, String name) {
        String v = r.getAttributeValue(null, name);
        if (v == null) {
            throw LptemException.inFile(file, "line " + r.getLocation().getLineNumber() + ": <"
                    + r.getLocalName() + "> has no " + name + " attribute");
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw LptemException.inFile(file, "line " + r.getLocation().getLineNumber() + ": " + name + " = '" + v
                    + "' is not a number");
        }
    }

    private static double optionalNumber(XMLStreamReader r, String name) {
        String v = r.getAttributeValue(null, name);
        try {
            return v == null ? Double.NaN : Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
