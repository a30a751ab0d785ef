package org.lptem.knime.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a workflow folder against the plug-in: every node uses a factory registered in plugin.xml (or one of the
 * known KNIME nodes of {@link KnimeNodes}, whose ports only are checked), its settings
 * hold exactly the keys (with the entry types) its NodeParameters class persists, flow-variable bindings name
 * existing settings and workflow variables, and connections join existing nodes on existing ports.
 */
public final class WorkflowChecks {
    private WorkflowChecks() {
    }

    public static List<String> check(final WorkflowFiles wf, final KnimePlugin plugin) {
        List<String> problems = new ArrayList<>();
        String prefix = wf.name() + ": ";
        Set<String> factories = new HashSet<>(PluginXml.parse(plugin.pluginXml()).factoryClasses());
        KnimeConfig workflow;
        try {
            String text = wf.read("workflow.knime");
            if (text == null) {
                problems.add(prefix + "workflow.knime is missing");
                return problems;
            }
            workflow = KnimeConfig.parse(text, "workflow.knime");
        } catch (IllegalArgumentException e) {
            problems.add(prefix + e.getMessage());
            return problems;
        }
        Set<String> variables = workflowVariables(workflow);
        Map<Integer, NodeModelInfo> nodes = new HashMap<>();
        KnimeConfig nodesConfig = workflow.config("nodes");
        if (nodesConfig == null || nodesConfig.configs().isEmpty()) {
            problems.add(prefix + "workflow.knime has no nodes");
            return problems;
        }
        variables.addAll(loopVariables(wf, plugin, nodesConfig, workflow.config("connections")));
        for (KnimeConfig node : nodesConfig.configs().values()) {
            checkNode(wf, plugin, factories, variables, node, nodes, problems);
        }
        KnimeConfig connections = workflow.config("connections");
        if (connections != null) {
            checkConnections(prefix, connections, nodes, problems);
        }
        return problems;
    }

    /** The factory classes of the nodes of a workflow, for coverage checks; empty if workflow.knime is unreadable. */
    public static Set<String> factories(final WorkflowFiles wf) {
        Set<String> out = new HashSet<>();
        String text = wf.read("workflow.knime");
        if (text == null) {
            return out;
        }
        KnimeConfig nodes = KnimeConfig.parse(text, "workflow.knime").config("nodes");
        if (nodes == null) {
            return out;
        }
        for (KnimeConfig node : nodes.configs().values()) {
            String settings = wf.read(node.entry("node_settings_file"));
            if (settings != null) {
                out.add(KnimeConfig.parse(settings, "settings.xml").entry("factory"));
            }
        }
        return out;
    }

    /**
     * The variables a Table Row to Variable Loop Start creates: one per column of its input table. Only inputs from
     * our own nodes whose text columns are declared with {@code Cells.textColumn("name")} (List Videos) are known
     */
    private static Set<String> loopVariables(final WorkflowFiles wf, final KnimePlugin plugin,
        final KnimeConfig nodesConfig, final KnimeConfig connections) {
        Set<String> out = new HashSet<>();
        if (connections == null) {
            return out;
        }
        Map<Integer, String> factoryOf = new HashMap<>();
        for (KnimeConfig node : nodesConfig.configs().values()) {
            String settings = wf.read(node.entry("node_settings_file"));
            if (settings != null) {
                try {
                    factoryOf.put(node.intEntry("id"), KnimeConfig.parse(settings, "settings.xml").entry("factory"));
                } catch (IllegalArgumentException e) {
                    // reported by checkNode
                }
            }
        }
        for (KnimeConfig c : connections.configs().values()) {
            if (LOOP_START.equals(factoryOf.get(c.intEntry("destID")))) {
                String source = factoryOf.get(c.intEntry("sourceID"));
                if (source != null) {
                    plugin.sourceOf(source).ifPresent(src -> out.addAll(src.stringArguments("textColumn")));
                }
            }
        }
        return out;
    }

    /** Table Row to Variable Loop Start. */
    static final String LOOP_START = "org.knime.base.node.meta.looper.variable.start.LoopStartVariable3NodeFactory";

    private static Set<String> workflowVariables(final KnimeConfig workflow) {
        Set<String> out = new HashSet<>();
        KnimeConfig vars = workflow.config("workflow_variables");
        if (vars != null) {
            vars.configs().values().forEach(v -> out.add(v.entry("name")));
        }
        return out;
    }

    private static void checkNode(final WorkflowFiles wf, final KnimePlugin plugin, final Set<String> factories,
        final Set<String> variables, final KnimeConfig node, final Map<Integer, NodeModelInfo> nodes,
        final List<String> problems) {
        int id = node.intEntry("id");
        String settingsFile = node.entry("node_settings_file");
        String where = wf.name() + ": node #" + id + ": ";
        if (nodes.containsKey(id)) {
            problems.add(where + "duplicate node id");
        }
        if (settingsFile == null || !settingsFile.matches(".+ \\(#" + id + "\\)/settings\\.xml")) {
            problems.add(
                where + "settings file '" + settingsFile + "' is not '<Node name> (#" + id + ")/settings.xml'");
            return;
        }
        String text = wf.read(settingsFile);
        if (text == null) {
            problems.add(where + settingsFile + " is missing");
            return;
        }
        KnimeConfig settings;
        try {
            settings = KnimeConfig.parse(text, settingsFile);
        } catch (IllegalArgumentException e) {
            problems.add(where + e.getMessage());
            return;
        }
        String factory = settings.entry("factory");
        if (KnimeNodes.FACTORIES.containsKey(factory)) {
            // KNIME's own node: its ports are known, its settings belong to KNIME
            nodes.put(id, KnimeNodes.info(factory));
            if (settings.config("model") == null) {
                problems.add(where + "settings.xml has no model config");
            }
            return;
        }
        if (!factories.contains(factory)) {
            problems.add(where + "factory " + factory + " is neither registered in plugin.xml nor one of the known "
                + "KNIME nodes (KnimeNodes.FACTORIES)");
            return;
        }
        Optional<NodeModelInfo> info = NodeModelInfo.of(plugin, factory);
        if (info.isEmpty()) {
            problems.add(where + "no source for factory " + factory + " or its parameters class");
            return;
        }
        nodes.put(id, info.get());
        NodeSettingsCheck.check(where, settings, info.get(), variables, problems);
    }

    private static void checkConnections(final String prefix, final KnimeConfig connections,
        final Map<Integer, NodeModelInfo> nodes, final List<String> problems) {
        Set<String> connectedInputs = new HashSet<>();
        for (KnimeConfig c : connections.configs().values()) {
            int src = c.intEntry("sourceID");
            int dst = c.intEntry("destID");
            int srcPort = c.intEntry("sourcePort");
            int dstPort = c.intEntry("destPort");
            String where = prefix + c.key() + " (" + src + ":" + srcPort + " -> " + dst + ":" + dstPort + "): ";
            NodeModelInfo from = nodes.get(src);
            NodeModelInfo to = nodes.get(dst);
            if (from == null || to == null) {
                problems.add(where + "references node " + (from == null ? src : dst) + ", which does not exist");
                continue;
            }
            // Port 0 of native nodes is the flow variable port; data ports start at 1.
            if (srcPort < 0 || srcPort > from.outPorts()) {
                problems.add(where + "node " + src + " has no output port " + srcPort);
            }
            if (dstPort < 0 || dstPort > to.inPorts()) {
                problems.add(where + "node " + dst + " has no input port " + dstPort);
            }
            if (!connectedInputs.add(dst + ":" + dstPort)) {
                problems.add(where + "input port " + dstPort + " of node " + dst + " is connected twice");
            }
        }
    }
}
