package org.lptem.knime.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Each check must fail on a deliberately broken input, naming what is wrong. */
class BrokenInputTest {

    private static final KnimePlugin PLUGIN = Project.plugin();
    private static final String READER = "org.lptem.knime.reader.VideoReaderNodeFactory";

    /** {@code text} with {@code old} replaced; fails the test setup if {@code old} is not there. */
    private static String replaced(final String text, final String old, final String replacement) {
        assertTrue(text.contains(old), "test setup: '" + old + "' not found");
        return text.replace(old, replacement);
    }

    private static String replacedFirst(final String text, final String old, final String replacement) {
        assertTrue(text.contains(old), "test setup: '" + old + "' not found");
        return text.replaceFirst(Pattern.quote(old), Matcher.quoteReplacement(replacement));
    }

    private static void assertProblem(final List<String> problems, final String expectedFragment) {
        assertTrue(problems.stream().anyMatch(p -> p.contains(expectedFragment)),
            "expected a problem containing '" + expectedFragment + "', got " + problems);
    }

    @Test
    void malformedPluginXml() {
        assertProblem(PluginChecks.check(PLUGIN.withPluginXml("<plugin><extension></plugin>")), "not well-formed");
    }

    @Test
    void factoryWithoutSource() {
        String xml = replaced(PLUGIN.pluginXml(), READER, "org.lptem.knime.reader.NoSuchNodeFactory");
        assertProblem(PluginChecks.check(PLUGIN.withPluginXml(xml)), "NoSuchNodeFactory has no source file");
    }

    @Test
    void missingCategoryIcon() {
        String xml = replaced(PLUGIN.pluginXml(), "icons/lptem.png", "icons/missing.png");
        assertProblem(PluginChecks.check(PLUGIN.withPluginXml(xml)), "icons/missing.png does not exist");
    }

    @Test
    void nodeIconThatIsNotSixteenBySixteen() {
        // build.properties is not an image: the factory's icon must be a 16x16 PNG.
        String path = "org/lptem/knime/reader/VideoReaderNodeFactory.java";
        String src = replaced(read(PLUGIN.dir().resolve("src").resolve(path)), "../../../../icons/video-reader.png",
            "../../../../build.properties");
        assertProblem(PluginChecks.check(PLUGIN.withSource(path, src)), "is not a PNG");
    }

    @Test
    void pluginXmlNotShipped() {
        KnimePlugin p = PLUGIN.withBuildProperties(replaced(PLUGIN.buildProperties(), "plugin.xml,", ""));
        assertProblem(PluginChecks.check(p), "plugin.xml is not in build.properties bin.includes");
    }

    @Test
    void nodeIconNotALiteral() {
        String path = "org/lptem/knime/msd/MsdAnalysisNodeFactory.java";
        String src = replaced(read(PLUGIN.dir().resolve("src").resolve(path)),
            ".icon(\"../../../../icons/msd-analysis.png\")", ".icon(ICON)");
        assertProblem(PluginChecks.check(PLUGIN.withSource(path, src)), "has no .icon(");
    }

    @Test
    void nodeInUndeclaredCategory() {
        String xml = replaced(PLUGIN.pluginXml(), "category-path=\"/community/lptem/io\"",
            "category-path=\"/community/lptem/nowhere\"");
        assertProblem(PluginChecks.check(PLUGIN.withPluginXml(xml)), "does not declare");
    }

    @Test
    void manifestMissingARequiredBundle() {
        String mf = replaced(PLUGIN.manifest(), ",\n org.knime.core.ui;bundle-version=\"[5.11.0,6.0.0)\"", "");
        assertProblem(ManifestChecks.check(PLUGIN.withManifest(mf)), "requires bundle org.knime.core.ui");
    }

    @Test
    void manifestWithUnusedRequiredBundle() {
        String mf = replaced(PLUGIN.manifest(), "Require-Bundle: ",
            "Require-Bundle: org.knime.base;bundle-version=\"[5.11.0,6.0.0)\",\n ");
        assertProblem(ManifestChecks.check(PLUGIN.withManifest(mf)), "Require-Bundle org.knime.base is not used");
    }

    @Test
    void manifestMissingAnImportedSciencePackage() {
        String mf = replaced(PLUGIN.manifest(), " org.lptem.stats;version=\"[0.1,1)\",\n", "");
        assertProblem(ManifestChecks.check(PLUGIN.withManifest(mf)), "imports package org.lptem.stats");
    }

    @Test
    void sourceImportingAnUnmappedPackage() {
        KnimePlugin p = PLUGIN.withSource("org/lptem/knime/Extra.java",
            "package org.lptem.knime;\nimport org.knime.base.node.Whatever;\nclass Extra {}\n");
        assertProblem(ManifestChecks.check(p), "org.knime.base.node, whose bundle the check does not know");
    }

    @Test
    void workflowWithUnknownParameterKey() {
        Map<String, String> wf = example();
        String detector = "Particle Detector (#2)/settings.xml";
        wf.put(detector, replaced(wf.get(detector), "key=\"minScore\"", "key=\"minimumScore\""));
        List<String> problems = WorkflowChecks.check(WorkflowFiles.of("broken", wf), PLUGIN);
        assertProblem(problems, "model key 'minimumScore' is not a field");
        assertProblem(problems, "model key 'minScore' is missing");
    }

    @Test
    void workflowWithWrongEntryTypeAndEnumValue() {
        Map<String, String> wf = example();
        String detector = "Particle Detector (#2)/settings.xml";
        String text = replaced(wf.get(detector), "<entry key=\"backgroundSigmaPx\" type=\"xdouble\"",
            "<entry key=\"backgroundSigmaPx\" type=\"xint\"");
        wf.put(detector, replaced(text, "<entry key=\"threshold\" type=\"xstring\" value=\"TRIANGLE\"",
            "<entry key=\"threshold\" type=\"xstring\" value=\"OTSUX\""));
        List<String> problems = WorkflowChecks.check(WorkflowFiles.of("broken", wf), PLUGIN);
        assertProblem(problems, "'backgroundSigmaPx' is saved as xint");
        assertProblem(problems, "'OTSUX' is not one of");
    }

    @Test
    void workflowWithUnregisteredFactory() {
        Map<String, String> wf = example();
        String linker = "Particle Linker (#3)/settings.xml";
        wf.put(linker, replaced(wf.get(linker), "org.lptem.knime.link.ParticleLinkerNodeFactory", "org.example.Gone"));
        assertProblem(WorkflowChecks.check(WorkflowFiles.of("broken", wf), PLUGIN),
            "factory org.example.Gone is neither registered");
    }

    @Test
    void workflowWithAKnownKnimeNodeIsCheckedForPortsOnly() {
        Map<String, String> wf = example();
        String linker = "Particle Linker (#3)/settings.xml";
        // a CSV Writer has one input and no output: the linker's outgoing connection now leaves a missing port
        wf.put(linker, replaced(wf.get(linker), "org.lptem.knime.link.ParticleLinkerNodeFactory",
            "org.knime.base.node.io.filehandling.csv.writer.CSVWriter2NodeFactory"));
        List<String> problems = WorkflowChecks.check(WorkflowFiles.of("broken", wf), PLUGIN);
        assertProblem(problems, "node 3 has no output port 1");
        assertTrue(problems.stream().noneMatch(p -> p.contains("model key")), problems.toString());
    }

    @Test
    void workflowWithDanglingConnection() {
        Map<String, String> wf = example();
        wf.put("workflow.knime", replacedFirst(wf.get("workflow.knime"),
            "<entry key=\"destID\" type=\"xint\" value=\"2\"/>", "<entry key=\"destID\" type=\"xint\" value=\"9\"/>"));
        assertProblem(WorkflowChecks.check(WorkflowFiles.of("broken", wf), PLUGIN),
            "references node 9, which does not exist");
    }

    @Test
    void workflowConnectingAMissingPort() {
        Map<String, String> wf = example();
        String w = wf.get("workflow.knime");
        int c = w.indexOf("<config key=\"connection_2\">");
        String head = w.substring(0, c);
        assertTrue(c > 0, "test setup: no connection_2");
        String tail = replacedFirst(w.substring(c), "key=\"sourcePort\" type=\"xint\" value=\"1\"",
            "key=\"sourcePort\" type=\"xint\" value=\"3\"");
        wf.put("workflow.knime", head + tail);
        assertProblem(WorkflowChecks.check(WorkflowFiles.of("broken", wf), PLUGIN), "has no output port 3");
    }

    @Test
    void workflowBindingAnUnknownVariable() {
        Map<String, String> wf = example();
        String reader = "Video Reader (#1)/settings.xml";
        wf.put(reader, replaced(wf.get(reader), "value=\"video_file\"", "value=\"movie_path\""));
        assertProblem(WorkflowChecks.check(WorkflowFiles.of("broken", wf), PLUGIN),
            "uses variable 'movie_path', which is not a workflow variable");
    }

    @Test
    void loopVariablesAreTheColumnsOfTheListedVideos() {
        Path dir = Project.root().resolve("workflows/batch-analysis-of-a-folder-of-videos");
        Map<String, String> wf = files(dir);
        assertEquals(List.of(), WorkflowChecks.check(WorkflowFiles.of("batch", wf), PLUGIN));
        String reader = "Video Reader (#3)/settings.xml";
        wf.put(reader, replaced(wf.get(reader), "value=\"video_file\"", "value=\"movie_file\""));
        assertProblem(WorkflowChecks.check(WorkflowFiles.of("batch", wf), PLUGIN),
            "uses variable 'movie_file', which is not a workflow variable");
    }

    /** The linker and MSD settings as saved before the LAP options and fits were added (new keys removed). */
    private static Map<String, String> exampleWithoutAddedKeys() {
        Map<String, String> wf = example();
        String linker = "Particle Linker (#3)/settings.xml";
        String msd = "MSD Analysis (#4)/settings.xml";
        wf.put(linker, withoutEntries(wf.get(linker), "gapMaxDistancePx", "alternativeCostPx2", "merging",
            "splitting", "subtractDrift", "maxDriftPx", "kalmanMeasurementSigmaPx", "kalmanAccelerationSigmaPx"));
        wf.put(msd, withoutEntries(wf.get(msd), "minTrackLength", "localisation", "fixedSigmaPx", "exposureFraction",
            "bootstrapReplicates", "confidenceLevel", "seed"));
        return wf;
    }

    private static String withoutEntries(final String settings, final String... keys) {
        String out = settings;
        for (String key : keys) {
            Matcher m = Pattern.compile("\\n\\s*<entry key=\"" + Pattern.quote(key) + "\"[^>]*/>").matcher(out);
            assertTrue(m.find(), "test setup: no entry " + key);
            out = m.replaceFirst("");
        }
        return out;
    }

    @Test
    void workflowSavedBeforeKeysWereAddedStillLoads() {
        assertEquals(List.of(), WorkflowChecks.check(WorkflowFiles.of("old", exampleWithoutAddedKeys()), PLUGIN));
    }

    @Test
    void addedFieldWithoutLoadDefaultBreaksOldWorkflows() {
        String path = "org/lptem/knime/link/ParticleLinkerParameters.java";
        String src = replaced(read(PLUGIN.dir().resolve("src").resolve(path)),
            "@Migrate(loadDefaultIfAbsent = true)\n    double gapMaxDistancePx", "double gapMaxDistancePx");
        List<String> problems =
            WorkflowChecks.check(WorkflowFiles.of("old", exampleWithoutAddedKeys()), PLUGIN.withSource(path, src));
        assertProblem(problems, "model key 'gapMaxDistancePx' is missing");
    }

    @Test
    void theUnbrokenExamplePassesInMemoryToo() {
        assertEquals(List.of(), WorkflowChecks.check(WorkflowFiles.of("copy", example()), PLUGIN));
    }

    /** The example workflow's text files, to break one at a time. */
    private static Map<String, String> example() {
        return files(Project.root().resolve("workflows/track-particles-in-an-lptem-video"));
    }

    private static Map<String, String> files(final Path dir) {
        Map<String, String> files = new HashMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).forEach(p -> files.put(dir.relativize(p).toString().replace('\\', '/'),
                read(p)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    private static String read(final Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
