package org.lptem.track;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.Calibration;
import org.lptem.core.Detection;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;
import org.lptem.core.Track;
import org.lptem.io.TracksCsv;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ExportsTest {

    private static List<Track> sampleTracks() {
        TrackingScenario.Data data = new TrackingScenario(TrackingScenario.brownian(12, 15, 200, 2, 4)).generate();
        return new LapLinker(LapSettings.builder(8).build()).link(data.detections(), Progress.NONE);
    }

    private static Document parse(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static Element child(Element parent, String name) {
        NodeList l = parent.getElementsByTagName(name);
        assertEquals(1, l.getLength(), "one <" + name + ">");
        return (Element) l.item(0);
    }

    @Test
    void trackMateXmlHasWhatTrackMatesReaderNeedsAndReadsBack(@TempDir Path dir) throws Exception {
        List<Track> tracks = sampleTracks();
        Path xml = dir.resolve("tracks.xml");
        TrackMateXml.write(xml, tracks, List.of(), TrackMateXml.Image.unknown(tracks));
        Element root = parse(xml).getDocumentElement();
        assertEquals("TrackMate", root.getTagName());
        Element model = child(root, "Model");
        assertEquals("pixel", model.getAttribute("spatialunits"));
        // every spot attribute is a declared feature (TrackMate reads them all as numbers)
        Set<String> declared = new HashSet<>();
        NodeList features = child(model, "SpotFeatures").getElementsByTagName("Feature");
        for (int i = 0; i < features.getLength(); i++) {
            Element f = (Element) features.item(i);
            for (String a : List.of("feature", "name", "shortname", "dimension", "isint")) {
                assertFalse(f.getAttribute(a).isEmpty(), a);
            }
            declared.add(f.getAttribute("feature"));
        }
        NodeList spots = root.getElementsByTagName("Spot");
        int points = tracks.stream().mapToInt(Track::size).sum();
        assertEquals(points, spots.getLength());
        assertEquals(Integer.toString(points), child(model, "AllSpots").getAttribute("nspots"));
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < spots.getLength(); i++) {
            Element s = (Element) spots.item(i);
            ids.add(s.getAttribute("ID"));
            for (int a = 0; a < s.getAttributes().getLength(); a++) {
                String name = s.getAttributes().item(a).getNodeName();
                if (!name.equals("ID") && !name.equals("name")) {
                    assertTrue(declared.contains(name), name + " is not declared");
                    Double.parseDouble(s.getAttribute(name));
                }
            }
        }
        NodeList edges = root.getElementsByTagName("Edge");
        assertEquals(points - tracks.size(), edges.getLength());
        for (int i = 0; i < edges.getLength(); i++) {
            Element e = (Element) edges.item(i);
            assertTrue(ids.contains(e.getAttribute("SPOT_SOURCE_ID")));
            assertTrue(ids.contains(e.getAttribute("SPOT_TARGET_ID")));
        }
        // TrackMate's reader dereferences these without checking
        Element settings = child(root, "Settings");
        for (String required : List.of("ImageData", "BasicSettings", "DetectorSettings", "InitialSpotFilter",
                "SpotFilterCollection", "TrackerSettings", "TrackFilterCollection", "AnalyzerCollection")) {
            child(settings, required);
        }
        assertTrue(Double.parseDouble(child(settings, "DetectorSettings").getAttribute("RADIUS")) > 0,
                "the manual detector needs a radius");
        assertEquals(tracks.size(), child(model, "FilteredTracks").getElementsByTagName("TrackID").getLength());

        List<Track> back = TrackMateXml.read(xml);
        assertEquals(tracks.size(), back.size());
        for (int k = 0; k < tracks.size(); k++) {
            List<Detection> a = tracks.get(k).points();
            List<Detection> b = back.get(k).points();
            assertEquals(a.size(), b.size());
            for (int i = 0; i < a.size(); i++) {
                assertEquals(a.get(i).frame(), b.get(i).frame());
                assertEquals(a.get(i).x(), b.get(i).x(), 1e-9);
                assertEquals(a.get(i).y(), b.get(i).y(), 1e-9);
            }
        }
    }

    @Test
    void calibratedTrackMateFilesAreInNanometresAndMergesBecomeBranches(@TempDir Path dir) throws Exception {
        Track a = new Track(1, List.of(Detection.at(0, 10, 10), Detection.at(1, 11, 10)));
        Track b = new Track(2, List.of(Detection.at(0, 14, 10), Detection.at(1, 13, 10), Detection.at(2, 12, 10)));
        List<TrackEvent> merge = List.of(new TrackEvent(TrackEvent.Kind.MERGE, 2, 1, 2));
        Path xml = dir.resolve("merge.xml");
        Calibration cal = Calibration.of(0.5, 0.1);
        TrackMateXml.write(xml, List.of(a, b), merge, new TrackMateXml.Image("movie.tif", 64, 32, 3, cal));
        Element root = parse(xml).getDocumentElement();
        assertEquals("nm", child(root, "Model").getAttribute("spatialunits"));
        assertEquals(1, root.getElementsByTagName("Track").getLength(), "one branched track");
        assertEquals(4, root.getElementsByTagName("Edge").getLength());
        Element first = (Element) root.getElementsByTagName("Spot").item(0);
        assertEquals(5.0, Double.parseDouble(first.getAttribute("POSITION_X")), 1e-12);
        assertEquals("movie.tif", child(root, "ImageData").getAttribute("filename"));
        // read back in pixels; the merge point ends the branch that merged
        List<Track> back = TrackMateXml.read(xml);
        assertEquals(3, back.size());
        assertEquals(10, back.get(0).points().get(0).x(), 1e-12);
    }

    /** Two tracks and a hidden spot, as TrackMate saves them after the user filtered out track 1 and the spot. */
    private static String filteredTrackMateFile(boolean withFilteredTracks) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <TrackMate version="7.11.1"><Model spatialunits="pixel" timeunits="frame">
                <AllSpots nspots="5"><SpotsInFrame frame="0">
                <Spot ID="0" QUALITY="5" POSITION_X="10" POSITION_Y="10" FRAME="0" RADIUS="2" VISIBILITY="1"/>
                <Spot ID="1" QUALITY="5" POSITION_X="50" POSITION_Y="50" FRAME="0" RADIUS="2" VISIBILITY="1"/>
                <Spot ID="4" QUALITY="0.1" POSITION_X="30" POSITION_Y="30" FRAME="0" RADIUS="2" VISIBILITY="0"/>
                </SpotsInFrame><SpotsInFrame frame="1">
                <Spot ID="2" QUALITY="5" POSITION_X="11" POSITION_Y="10" FRAME="1" RADIUS="2" VISIBILITY="1"/>
                <Spot ID="3" QUALITY="5" POSITION_X="51" POSITION_Y="50" FRAME="1" RADIUS="2" VISIBILITY="1"/>
                </SpotsInFrame></AllSpots>
                <AllTracks><Track name="T0" TRACK_ID="0"><Edge SPOT_SOURCE_ID="0" SPOT_TARGET_ID="2"/></Track>
                <Track name="T1" TRACK_ID="1"><Edge SPOT_SOURCE_ID="1" SPOT_TARGET_ID="3"/></Track></AllTracks>
                """ + (withFilteredTracks ? "<FilteredTracks><TrackID TRACK_ID=\"0\"/></FilteredTracks>" : "")
                + "</Model></TrackMate>";
    }

    @Test
    void trackMateReadingKeepsOnlyVisibleSpotsAndTheFilteredTracks(@TempDir Path dir) throws Exception {
        Path xml = dir.resolve("filtered.xml");
        Files.writeString(xml, filteredTrackMateFile(true));
        List<Track> back = TrackMateXml.read(xml);
        assertEquals(1, back.size());
        assertEquals(2, back.get(0).size());
        assertEquals(10, back.get(0).points().get(0).x(), 0);
        assertEquals(11, back.get(0).points().get(1).x(), 0);

        // without a FilteredTracks list every track counts, but a hidden spot still does not
        Files.writeString(xml, filteredTrackMateFile(false));
        back = TrackMateXml.read(xml);
        assertEquals(2, back.size());
        assertEquals(List.of(2, 2), back.stream().map(Track::size).toList());
    }

    @Test
    void trackMateRoundTripKeepsShapeAndAnUnknownScore(@TempDir Path dir) throws Exception {
        Detection known = new Detection(0, 10, 12, 50, 30, 10, 4, 7, 0.8, 0);
        Detection unknown = new Detection(1, 11, 12, 60, -25, 12, 5, 8, Double.NaN, 0);
        Track t = new Track(1, List.of(known, unknown));
        Path xml = dir.resolve("shape.xml");
        TrackMateXml.write(xml, List.of(t), List.of(), new TrackMateXml.Image("", 64, 64, 2, Calibration.of(2.0, 0.1)));
        Element second = (Element) parse(xml).getDocumentElement().getElementsByTagName("Spot").item(1);
        assertEquals("", second.getAttribute("QUALITY"), "an unknown score is left out, not made up");

        List<Detection> back = TrackMateXml.read(xml).get(0).points();
        assertEquals(2, back.size());
        Detection a = back.get(0);
        Detection b = back.get(1);
        assertEquals(50, a.area(), 1e-9);
        assertEquals(30, a.orientationDeg(), 1e-9);
        assertEquals(10, a.majorAxis(), 1e-9);
        assertEquals(4, a.minorAxis(), 1e-9);
        assertEquals(7, a.meanIntensity(), 0);
        assertEquals(0.8, a.score(), 0);
        assertEquals(60, b.area(), 1e-9);
        assertEquals(-25, b.orientationDeg(), 1e-9);
        assertEquals(12, b.majorAxis(), 1e-9);
        assertEquals(5, b.minorAxis(), 1e-9);
        assertTrue(Double.isNaN(b.score()), "score read back as " + b.score());
    }

    @Test
    void readingRejectsFilesThatAreNotTrackMate(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.xml");
        Files.writeString(bad, "<html/>");
        assertTrue(assertThrows(LptemException.class, () -> TrackMateXml.read(bad)).getMessage()
                .contains("not a TrackMate file"));
        Files.writeString(bad, "<TrackMate><Model><AllSpots><SpotsInFrame><Spot ID=\"1\" FRAME=\"x\" "
                + "POSITION_X=\"1\" POSITION_Y=\"2\"/></SpotsInFrame></AllSpots></Model></TrackMate>");
        assertTrue(assertThrows(LptemException.class, () -> TrackMateXml.read(bad)).getMessage()
                .contains("FRAME = 'x' is not a number"));
    }

    @Test
    void trackpyCsvHasTrackpysColumnsAndReadsBack(@TempDir Path dir) throws Exception {
        Track t = new Track(4, List.of(new Detection(0, 1.5, 2.5, 20, 0, 8, 4, 3, 0.9, 1),
                Detection.at(1, 2, 3)));
        Path csv = dir.resolve("tp.csv");
        TrackpyCsv.write(csv, List.of(t));
        List<String> lines = Files.readAllLines(csv);
        assertEquals("y,x,mass,size,ecc,signal,raw_mass,ep,frame,particle", lines.get(0));
        String[] row = lines.get(1).split(",", -1);
        assertEquals("2.5", row[0]);
        assertEquals("1.5", row[1]);
        assertEquals(60, Double.parseDouble(row[2]), 1e-12);
        assertEquals(Math.sqrt(20 / (2 * Math.PI)), Double.parseDouble(row[3]), 1e-12);
        assertEquals(Math.sqrt(0.75), Double.parseDouble(row[4]), 1e-12);
        assertEquals("", row[5]);
        assertEquals("4", row[9]);
        assertEquals("3,2,,,,,,,1,4", lines.get(2), "unknown measures are empty cells");
        List<Track> back = TracksCsv.read(csv);
        assertEquals(1, back.size());
        assertEquals(4, back.get(0).particle());
        assertEquals(2, back.get(0).size());
    }
}
