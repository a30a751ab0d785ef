package org.lptem.knime.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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
    void pluginXmlRegistersTheNodesTheirCategoriesAndThePorts() {
        PluginXml xml = PluginXml.parse(PLUGIN.pluginXml());
        assertEquals(26, xml.nodes().size(), xml.factoryClasses().toString());
        assertEquals(List.of("LPTEM Video", "LPTEM Label Masks", "LPTEM U-Net Model", "LPTEM SAM2 Model",
            "LPTEM LEONARDO Model"),
            xml.portTypes().stream().map(PluginXml.PortTypeEntry::name).toList());
        // the sub-categories of the issue: IO, Simulation, Segmentation, Tracking, Statistics, LEONARDO, Evaluation
        for (String category : List.of("", "/io", "/segmentation", "/tracking", "/statistics", "/leonardo",
            "/simulation", "/evaluation")) {
            assertTrue(xml.categories().stream().anyMatch(c -> c.fullPath().equals("/community/lptem" + category)),
                "no category /community/lptem" + category);
        }
    }

    @Test
    void modelNodesSitInTheirSubCategories() {
        for (PluginXml.NodeEntry n : PluginXml.parse(PLUGIN.pluginXml()).nodes()) {
            String pkg = n.factoryClass().substring(0, n.factoryClass().lastIndexOf('.'));
            String expected = switch (pkg) {
                case "org.lptem.knime.leonardo" -> "/community/lptem/leonardo";
                case "org.lptem.knime.unet", "org.lptem.knime.sam2" -> "/community/lptem/segmentation";
                default -> null;
            };
            if (expected != null) {
                assertEquals(expected, n.categoryPath().replaceAll("/$", ""), n.factoryClass());
            }
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
            // a node without settings must say so (withoutParameters()), not just lack a parameters class
            assertTrue(info.withoutParameters() != !info.keys().isEmpty(), factory
                + (info.withoutParameters() ? " declares withoutParameters() but persists " + info.keys()
                    : " persists no settings"));
            assertTrue(info.inPorts() + info.outPorts() > 0, factory + " has no ports");
        }
    }

    @Test
    void everyNodeIsInAtLeastOneWorkflow() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path d : workflowDirs()) {
            used.addAll(WorkflowChecks.factories(WorkflowFiles.of(d)));
        }
        Set<String> unused = new TreeSet<>(PluginXml.parse(PLUGIN.pluginXml()).factoryClasses());
        unused.removeAll(used);
        assertEquals(Set.of(), unused, "nodes that no workflow under workflows/ uses");
    }

    @Test
    void everyWorkflowHasAReadme() throws IOException {
        for (Path d : workflowDirs()) {
            assertTrue(Files.isRegularFile(d.resolve("README.md")), d + " has no README.md");
        }
    }

    private static List<Path> workflowDirs() throws IOException {
        Path workflows = Project.root().resolve("workflows");
        try (Stream<Path> s = Files.list(workflows)) {
            List<Path> dirs = s.filter(d -> Files.isRegularFile(d.resolve("workflow.knime"))).sorted().toList();
            assertFalse(dirs.isEmpty(), "no workflow under " + workflows);
            return dirs;
        }
    }

    @TestFactory
    Stream<DynamicTest> everyWorkflowMatchesThePlugin() throws IOException {
        List<Path> dirs = workflowDirs();
        return dirs.stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(),
            () -> assertEquals(List.of(), WorkflowChecks.check(WorkflowFiles.of(d), PLUGIN))));
    }
}
