package org.lptem.knime.check;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.w3c.dom.Element;

/** Checks one node's settings.xml: model keys, entry types, enum values and flow-variable bindings. */
final class NodeSettingsCheck {
    private NodeSettingsCheck() {
    }

    static void check(final String where, final KnimeConfig settings, final NodeModelInfo info,
        final Set<String> variables, final List<String> problems) {
        KnimeConfig model = settings.config("model");
        if (model == null) {
            problems.add(where + "settings.xml has no model config");
            return;
        }
        Map<String, String> present = model.childKeys();
        for (Map.Entry<String, String> key : present.entrySet()) {
            if (!info.keys().containsKey(key.getKey())) {
                problems.add(where + "model key '" + key.getKey() + "' is not a field of the node's parameters class"
                    + " (known: " + info.keys().keySet() + ")");
            }
        }
        for (Map.Entry<String, String> expected : info.keys().entrySet()) {
            String key = expected.getKey();
            if (!present.containsKey(key)) {
                if (!info.keysWithDefault().contains(key)) {
                    problems.add(where + "model key '" + key + "' is missing; KNIME would fail to load the settings");
                }
                continue;
            }
            String type = entryType(model, key);
            if (expected.getValue() != null && !expected.getValue().equals(type)) {
                problems.add(where + "model key '" + key + "' is saved as " + type + ", the field needs "
                    + expected.getValue());
            }
            List<String> constants = info.enumValues().get(key);
            if (constants != null && !constants.contains(model.entry(key))) {
                problems.add(where + "model key '" + key + "' = '" + model.entry(key) + "' is not one of " + constants);
            }
        }
        checkVariables(where, settings, present.keySet(), variables, problems);
    }

    private static String entryType(final KnimeConfig model, final String key) {
        for (Element e : Xml.children(model.element(), "entry")) {
            if (key.equals(e.getAttribute("key"))) {
                return e.getAttribute("type");
            }
        }
        return "config";
    }

    private static void checkVariables(final String where, final KnimeConfig settings, final Set<String> modelKeys,
        final Set<String> variables, final List<String> problems) {
        KnimeConfig vars = settings.config("variables");
        KnimeConfig tree = vars == null ? null : vars.config("tree");
        if (tree == null) {
            return;
        }
        for (Map.Entry<String, KnimeConfig> binding : tree.configs().entrySet()) {
            if (!modelKeys.contains(binding.getKey())) {
                problems.add(where + "flow variable bound to '" + binding.getKey() + "', which is not a model key");
            }
            String used = binding.getValue().entry("used_variable");
            if (used != null && !variables.contains(used)) {
                problems.add(where + "setting '" + binding.getKey() + "' uses variable '" + used
                    + "', which is not a workflow variable");
            }
        }
    }
}
