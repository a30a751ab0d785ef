package org.lptem.track;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.stream.XMLOutputFactory;
import org.lptem.core.Calibration;
import org.lptem.core.Detection;
import org.lptem.core.Track;

/**
 * TrackMate's XML file (File > Load a TrackMate file in Fiji): spots, edges and tracks with their feature
 * declarations, and the settings block TrackMate's reader requires. Positions are in nm when the pixel size is
 * known (TrackMate works in physical units), in pixels otherwise. Tracks joined by merge or split events form one
 * branched TrackMate track. If the image named in the file is not found, TrackMate shows the tracks over an empty
 * image of the recorded size.
 */
public final class TrackMateXml {
    private TrackMateXml() {
    }

    /** What TrackMate needs to know about the image the tracks came from. */
    public record Image(String fileName, int width, int height, int frames, Calibration calibration) {
        public static Image unknown(List<Track> tracks) {
            double maxX = 0;
            double maxY = 0;
            int lastFrame = 0;
            for (Track t : tracks) {
                for (Detection d : t.points()) {
                    maxX = Math.max(maxX, d.x());
                    maxY = Math.max(maxY, d.y());
                    lastFrame = Math.max(lastFrame, d.frame());
                }
            }
            return new Image("", (int) Math.ceil(maxX) + 1, (int) Math.ceil(maxY) + 1, lastFrame + 1,
                    Calibration.NONE);
        }
    }

    private record Feature(String key, String name, String shortName, String dimension, boolean isInt) {
    }

    private static final List<Feature> SPOT_FEATURES = List.of(
            new Feature("QUALITY", "Quality", "Quality", "QUALITY", false),
            new Feature("POSITION_X", "X", "X", "POSITION", false),
            new Feature("POSITION_Y", "Y", "Y", "POSITION", false),
            new Feature("POSITION_Z", "Z", "Z", "POSITION", false),
            new Feature("POSITION_T", "T", "T", "TIME", false),
            new Feature("FRAME", "Frame", "Frame", "NONE", true),
            new Feature("RADIUS", "Radius", "R", "LENGTH", false),
            new Feature("VISIBILITY", "Visibility", "Visibility", "NONE", true),
            new Feature("AREA", "Area", "Area", "AREA", false),
            new Feature("MEAN_INTENSITY_CH1", "Mean intensity ch1", "Mean ch1", "INTENSITY", false),
            new Feature("ELLIPSE_THETA", "Ellipse angle", "El. angle", "ANGLE", false),
            new Feature("ELLIPSE_MAJOR", "Ellipse long axis", "El. long axis", "LENGTH", false),
            new Feature("ELLIPSE_MINOR", "Ellipse short axis", "El. sh. axis", "LENGTH", false));
    private static final List<Feature> EDGE_FEATURES = List.of(
            new Feature("SPOT_SOURCE_ID", "Source spot ID", "Source ID", "NONE", true),
            new Feature("SPOT_TARGET_ID", "Target spot ID", "Target ID", "NONE", true),
            new Feature("LINK_COST", "Edge cost", "Cost", "COST", false));
    private static final List<Feature> TRACK_FEATURES = List.of(
            new Feature("TRACK_ID", "Track ID", "ID", "NONE", true),
            new Feature("TRACK_INDEX", "Track index", "Index", "NONE", true),
            new Feature("NUMBER_SPOTS", "Number of spots in track", "N spots", "NONE", true),
            new Feature("TRACK_START", "Track start", "Track start", "TIME", false),
            new Feature("TRACK_STOP", "Track stop", "Track stop", "TIME", false),
            new Feature("TRACK_DURATION", "Track duration", "Duration", "TIME", false));

    /** Writes tracks and their merge/split events; the file appears only when complete. */
    public static void write(Path out, List<Track> tracks, List<TrackEvent> events, Image image) {
        AtomicFile.write(out, temp -> {
            try (OutputStream os = Files.newOutputStream(temp)) {
                XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(os, "UTF-8");
                new Writer(w, tracks, events, image).document();
                w.close();
            } catch (XMLStreamException e) {
                throw new IOException(e);
            }
        });
    }

    /** Writes the XML document; spot ids are the positions of the points, track after track. */
    private static final class Writer {
        private final XMLStreamWriter w;
        private final List<Track> tracks;
        private final List<TrackEvent> events;
        private final Image image;
        private final double scale;
        private final double dt;
        private final Map<Integer, Integer> indexOfParticle = new HashMap<>();
        private final int[] firstSpot;

        Writer(XMLStreamWriter w, List<Track> tracks, List<TrackEvent> events, Image image) {
            this.w = w;
            this.tracks = tracks;
            this.events = events;
            this.image = image;
            this.scale = image.calibration().nmPerPixel().orElse(1);
            this.dt = image.calibration().secondsPerFrame().orElse(1);
            this.firstSpot = new int[tracks.size() + 1];
            for (int k = 0; k < tracks.size(); k++) {
                indexOfParticle.put(tracks.get(k).particle(), k);
                firstSpot[k + 1] = firstSpot[k] + tracks.get(k).size();
            }
        }

        void document() throws XMLStreamException {
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("TrackMate");
            w.writeAttribute("version", "7.11.1");
            w.writeCharacters("\n");
            w.writeStartElement("Log");
            w.writeCharacters("Written by LPTEM (org.lptem.track).");
            w.writeEndElement();
            model();
            settings();
            empty("GUIState", "state", "ConfigureViews");
            w.writeEndElement();
            w.writeEndDocument();
        }

        private void model() throws XMLStreamException {
            w.writeStartElement("Model");
            w.writeAttribute("spatialunits", image.calibration().hasPixelSize() ? "nm" : "pixel");
            w.writeAttribute("timeunits", image.calibration().hasFrameInterval() ? "s" : "frame");
            w.writeStartElement("FeatureDeclarations");
            declare("SpotFeatures", SPOT_FEATURES);
            declare("EdgeFeatures", EDGE_FEATURES);
            declare("TrackFeatures", TRACK_FEATURES);
            w.writeEndElement();
            spots();
            int[] groupOf = new int[tracks.size()];
            List<List<Integer>> groups = trackGroups(groupOf);
            List<List<TrackEvent>> eventsOf = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                eventsOf.add(new ArrayList<>());
            }
            for (TrackEvent e : events) {
                Integer a = indexOfParticle.get(e.track());
                if (a != null && indexOfParticle.containsKey(e.otherTrack())) {
                    eventsOf.get(groupOf[a]).add(e);
                }
            }
            w.writeStartElement("AllTracks");
            for (int g = 0; g < groups.size(); g++) {
                trackElement(g, groups.get(g), eventsOf.get(g));
            }
            w.writeEndElement();
            w.writeStartElement("FilteredTracks");
            for (int g = 0; g < groups.size(); g++) {
                empty("TrackID", "TRACK_ID", Integer.toString(g));
            }
            w.writeEndElement();
            w.writeEndElement();
        }

        private void declare(String element, List<Feature> features) throws XMLStreamException {
            w.writeStartElement(element);
            for (Feature f : features) {
                w.writeEmptyElement("Feature");
                w.writeAttribute("feature", f.key());
                w.writeAttribute("name", f.name());
                w.writeAttribute("shortname", f.shortName());
                w.writeAttribute("dimension", f.dimension());
                w.writeAttribute("isint", Boolean.toString(f.isInt()));
            }
            w.writeEndElement();
        }

        private void spots() throws XMLStreamException {
            Map<Integer, List<Integer>> byFrame = new java.util.TreeMap<>();
            for (int k = 0; k < tracks.size(); k++) {
                List<Detection> p = tracks.get(k).points();
                for (int i = 0; i < p.size(); i++) {
                    byFrame.computeIfAbsent(p.get(i).frame(), f -> new ArrayList<>()).add(firstSpot[k] + i);
                }
            }
            w.writeStartElement("AllSpots");
            w.writeAttribute("nspots", Integer.toString(firstSpot[tracks.size()]));
            for (Map.Entry<Integer, List<Integer>> e : byFrame.entrySet()) {
                w.writeStartElement("SpotsInFrame");
                w.writeAttribute("frame", Integer.toString(e.getKey()));
                for (int id : e.getValue()) {
                    spot(id, detection(id));
                }
                w.writeEndElement();
            }
            w.writeEndElement();
        }

        private Detection detection(int spot) {
            int k = 0;
            int lo = 0;
            int hi = tracks.size() - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (firstSpot[mid] <= spot) {
                    k = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return tracks.get(k).points().get(spot - firstSpot[k]);
        }

        private void spot(int id, Detection d) throws XMLStreamException {
            w.writeEmptyElement("Spot");
            w.writeAttribute("ID", Integer.toString(id));
            w.writeAttribute("name", "ID" + id);
            // TrackMate reads every attribute as a number, so unknown measures are left out, not written as NaN
            optional("QUALITY", d.score());
            attr("POSITION_X", d.x() * scale);
            attr("POSITION_Y", d.y() * scale);
            attr("POSITION_Z", 0);
            attr("POSITION_T", d.frame() * dt);
            w.writeAttribute("FRAME", Integer.toString(d.frame()));
            attr("RADIUS", radius(d));
            w.writeAttribute("VISIBILITY", "1");
            optional("AREA", d.area() * scale * scale);
            optional("MEAN_INTENSITY_CH1", d.meanIntensity());
            optional("ELLIPSE_THETA", Math.toRadians(d.orientationDeg()));
            optional("ELLIPSE_MAJOR", d.majorAxis() / 2 * scale);
            optional("ELLIPSE_MINOR", d.minorAxis() / 2 * scale);
        }

        private void optional(String key, double v) throws XMLStreamException {
            if (Double.isFinite(v)) {
                attr(key, v);
            }
        }

        private void attr(String key, double v) throws XMLStreamException {
            w.writeAttribute(key, number(v));
        }

        /**
         * Tracks joined by events, as lists of indices into {@code tracks}, in order of their first track;
         * {@code groupOf} receives each track's group.
         */
        private List<List<Integer>> trackGroups(int[] groupOf) {
            int[] parent = new int[tracks.size()];
            for (int i = 0; i < parent.length; i++) {
                parent[i] = i;
            }
            for (TrackEvent e : events) {
                Integer a = indexOfParticle.get(e.track());
                Integer b = indexOfParticle.get(e.otherTrack());
                if (a != null && b != null) {
                    parent[find(parent, a)] = find(parent, b);
                }
            }
            Map<Integer, Integer> groupOfRoot = new HashMap<>();
            List<List<Integer>> groups = new ArrayList<>();
            for (int k = 0; k < tracks.size(); k++) {
                int g = groupOfRoot.computeIfAbsent(find(parent, k), r -> groups.size());
                if (g == groups.size()) {
                    groups.add(new ArrayList<>());
                }
                groups.get(g).add(k);
                groupOf[k] = g;
            }
            return groups;
        }

        private static int find(int[] parent, int x) {
            while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }

        private void trackElement(int id, List<Integer> members, List<TrackEvent> joins)
                throws XMLStreamException {
            List<int[]> edges = new ArrayList<>();
            int spots = 0;
            int start = Integer.MAX_VALUE;
            int stop = Integer.MIN_VALUE;
            for (int k : members) {
                Track t = tracks.get(k);
                spots += t.size();
                start = Math.min(start, t.firstFrame());
                stop = Math.max(stop, t.lastFrame());
                for (int i = 1; i < t.size(); i++) {
                    edges.add(new int[] {firstSpot[k] + i - 1, firstSpot[k] + i});
                }
            }
            for (TrackEvent e : joins) {
                int a = indexOfParticle.get(e.track());
                int b = indexOfParticle.get(e.otherTrack());
                int other = spotAt(b, e.frame() + (e.kind() == TrackEvent.Kind.MERGE ? 0 : -1));
                if (other < 0) {
                    continue;
                }
                if (e.kind() == TrackEvent.Kind.MERGE) {
                    edges.add(new int[] {firstSpot[a] + tracks.get(a).size() - 1, other});
                } else {
                    edges.add(new int[] {other, firstSpot[a]});
                }
            }
            w.writeStartElement("Track");
            w.writeAttribute("name", "Track_" + id);
            w.writeAttribute("TRACK_ID", Integer.toString(id));
            w.writeAttribute("TRACK_INDEX", Integer.toString(id));
            w.writeAttribute("NUMBER_SPOTS", Integer.toString(spots));
            attr("TRACK_START", start * dt);
            attr("TRACK_STOP", stop * dt);
            attr("TRACK_DURATION", (stop - start) * dt);
            for (int[] e : edges) {
                Detection a = detection(e[0]);
                Detection b = detection(e[1]);
                w.writeEmptyElement("Edge");
                w.writeAttribute("SPOT_SOURCE_ID", Integer.toString(e[0]));
                w.writeAttribute("SPOT_TARGET_ID", Integer.toString(e[1]));
                double dx = (a.x() - b.x()) * scale;
                double dy = (a.y() - b.y()) * scale;
                attr("LINK_COST", dx * dx + dy * dy);
            }
            w.writeEndElement();
        }

        /** The spot of track {@code k} in {@code frame}, or -1. */
        private int spotAt(int k, int frame) {
            List<Detection> p = tracks.get(k).points();
            for (int i = 0; i < p.size(); i++) {
                if (p.get(i).frame() == frame) {
                    return firstSpot[k] + i;
                }
            }
            return -1;
        }

        private void settings() throws XMLStreamException {
            w.writeStartElement("Settings");
            w.writeEmptyElement("ImageData");
            Path file = image.fileName().isEmpty() ? null : Path.of(image.fileName());
            w.writeAttribute("filename", file == null ? "" : file.getFileName().toString());
            w.writeAttribute("folder", file == null || file.toAbsolutePath().getParent() == null ? ""
                    : file.toAbsolutePath().getParent().toString());
            w.writeAttribute("width", Integer.toString(image.width()));
            w.writeAttribute("height", Integer.toString(image.height()));
            w.writeAttribute("nslices", "1");
            w.writeAttribute("nframes", Integer.toString(image.frames()));
            attr("pixelwidth", scale);
            attr("pixelheight", scale);
            attr("voxeldepth", 1);
            attr("timeinterval", dt);
            w.writeEmptyElement("BasicSettings");
            w.writeAttribute("xstart", "0");
            w.writeAttribute("xend", Integer.toString(image.width() - 1));
            w.writeAttribute("ystart", "0");
            w.writeAttribute("yend", Integer.toString(image.height() - 1));
            w.writeAttribute("zstart", "0");
            w.writeAttribute("zend", "0");
            w.writeAttribute("tstart", "0");
            w.writeAttribute("tend", Integer.toString(Math.max(0, image.frames() - 1)));
            // TrackMate's manual detector (which needs a radius) and tracker: the spots and links come from elsewhere
            w.writeEmptyElement("DetectorSettings");
            w.writeAttribute("DETECTOR_NAME", "MANUAL_DETECTOR");
            attr("RADIUS", meanRadius());
            w.writeEmptyElement("InitialSpotFilter");
            w.writeAttribute("feature", "QUALITY");
            w.writeAttribute("value", "0");
            w.writeAttribute("isabove", "true");
            w.writeEmptyElement("SpotFilterCollection");
            empty("TrackerSettings", "TRACKER_NAME", "MANUAL_TRACKER");
            w.writeEmptyElement("TrackFilterCollection");
            w.writeStartElement("AnalyzerCollection");
            w.writeEmptyElement("SpotAnalyzers");
            w.writeEmptyElement("EdgeAnalyzers");
            w.writeEmptyElement("TrackAnalyzers");
            w.writeEndElement();
            w.writeEndElement();
        }

        private double meanRadius() {
            double sum = 0;
            int n = 0;
            for (Track t : tracks) {
                for (Detection d : t.points()) {
                    sum += radius(d);
                    n++;
                }
            }
            return n == 0 ? 2 * scale : sum / n;
        }

        /** Radius of the disc of the detection's area, or 2 px when the area is unknown; physical units. */
        private double radius(Detection d) {
            return (d.area() > 0 ? Math.sqrt(d.area() / Math.PI) : 2) * scale;
        }

        private void empty(String element, String attribute, String value) throws XMLStreamException {
            w.writeEmptyElement(element);
            w.writeAttribute(attribute, value);
        }
    }

    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v) + ".0";
        }
        return Double.toString(v);
    }

    /**
     * Reads the tracks of a TrackMate file as unbranched tracks in pixels, as the user filtered them in TrackMate:
     * see {@link TrackMateReader}. Each chain of spots where no spot has two successors or two predecessors becomes
     * a track, numbered 1..n in order of its first spot (frame, x, y); visible spots in no track become one-point
     * tracks.
     */
    public static List<Track> read(Path file) {
        return TrackMateReader.read(file);
    }
}
