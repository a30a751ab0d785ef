package org.lptem.knime.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The checks applied to the working tree: they must all pass. */
class KnimeLayerTest {

    private static final KnimePlugin PLUGIN = Project.plugin();

    @Test
    void pluginXmlMatchesSourcesAndIcons() {
        assertEquals(List.of(), PluginChecks.check(PLUGIN));
    }

    @Test
    void pluginXmlRegistersTheNodesTheirCategoriesAndTheVideoPort() {
        PluginXml xml = PluginXml.parse(PLUGIN.pluginXml());
        assertEquals(10, xml.nodes().size(), xml.factoryClasses().toString());
        assertEquals(1, xml.portTypes().size());
        for (String category : List.of("", "/io", "/segmentation", "/tracking", "/statistics", "/simulation",
            "/evaluation")) {
            assertTrue(xml.categories().stream().anyMatch(c -> c.fullPath().equals("/community/lptem" + category)),
                "no category /community/lptem" + category);
        }
    }

    @Test
    void manifestMatchesImports() {
        assertEquals(List.of(), ManifestChecks.check(PLUGIN));
    }

    @Test
    void everyFactoryHasAParametersClassWithSettings() {
        for (String factory : PluginXml.parse(PLUGIN.pluginXml()).factoryClasses()) {
            NodeModelInfo info = NodeModelInfo.of(PLUGIN, factory).orElseThrow();
            assertFalse(info.keys().isEmpty(), factory + " persists no settings");
            assertTrue(info.inPorts() + info.outPorts() > 0, factory + " has no ports");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyWorkflowMatchesThePlugin() throws IOException {
        Path workflows = Project.root().resolve("workflows");
        List<Path> dirs;
        try (Stream<Path> s = Files.list(workflows)) {
            dirs = s.filter(d -> Files.isRegularFile(d.resolve("workflow.knime"))).sorted().toList();
        }
        assertFalse(dirs.isEmpty(), "no workflow under " + workflows);
        return dirs.stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(),
            () -> assertEquals(List.of(), WorkflowChecks.check(WorkflowFiles.of(d), PLUGIN))));
    }
}
