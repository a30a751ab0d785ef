package org.lptem.knime.check;

import java.util.Map;

/**
 * KNIME's own nodes that the workflows may use, by factory class as in KNIME Analytics Platform 5.11 (knime-base),
 * with their data ports. Their settings are KNIME's business and not checked here (their sources are not in this
 * project); a factory not listed fails the check, so a misspelt class name cannot slip into a workflow.
 */
public final class KnimeNodes {

    /** Data ports of a KNIME node, the flow variable port 0 not counted. */
    public record Ports(int in, int out) {
    }

    /** Factory class to ports. */
    public static final Map<String, Ports> FACTORIES = Map.of(
        // Table Row to Variable Loop Start: a table in, one flow variable port out
        "org.knime.base.node.meta.looper.variable.start.LoopStartVariable3NodeFactory", new Ports(1, 1),
        // Loop End (dynamic ports; one table in and out unless more are added)
        "org.knime.base.node.meta.looper.LoopEndDynamicNodeFactory", new Ports(1, 1),
        // CSV Writer (an optional file system port is not used in our workflows)
        "org.knime.base.node.io.filehandling.csv.writer.CSVWriter2NodeFactory", new Ports(1, 0));

    private KnimeNodes() {
    }

    /** What the workflow check knows of a KNIME node: its ports, no settings keys. */
    static NodeModelInfo info(final String factory) {
        Ports p = FACTORIES.get(factory);
        return new NodeModelInfo(Map.of(), Map.of(), p.in(), p.out(), java.util.Set.of(), false);
    }
}
