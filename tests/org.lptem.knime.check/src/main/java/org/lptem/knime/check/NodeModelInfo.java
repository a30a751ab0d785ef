package org.lptem.knime.check;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a node factory's source says about its settings and ports: the settings keys its NodeParameters class
 * persists (field name, or the {@code @Persist} configKey; optional fields add {@code <key>_is_present}) with the
 * XMLConfig entry type each one is saved as, and its number of input and output ports.
 *
 * @param keys settings key to expected entry type (e.g. {@code xdouble}); a null type means "any"
 * @param enumValues settings key to the allowed constants, for enum fields
 * @param inPorts data input ports (the flow variable port 0 not counted)
 * @param outPorts data output ports
 * @param keysWithDefault the keys KNIME may find absent (settings saved before their field existed) and then loads
 *            with the field's default ({@code @Migrate(loadDefaultIfAbsent = true)})
 * @param withoutParameters the factory declares on purpose that the node has no settings ({@code withoutParameters()})
 */
public record NodeModelInfo(Map<String, String> keys, Map<String, List<String>> enumValues, int inPorts,
    int outPorts, Set<String> keysWithDefault, boolean withoutParameters) {

    private static final Map<String, String> ENTRY_TYPES = Map.ofEntries(Map.entry("int", "xint"),
        Map.entry("Integer", "xint"), Map.entry("long", "xlong"), Map.entry("Long", "xlong"),
        Map.entry("double", "xdouble"), Map.entry("Double", "xdouble"), Map.entry("float", "xfloat"),
        Map.entry("Float", "xfloat"), Map.entry("boolean", "xboolean"), Map.entry("Boolean", "xboolean"),
        Map.entry("String", "xstring"), Map.entry("char", "xchar"), Map.entry("byte", "xbyte"));

    /** Reads the factory's source; empty if the factory or its parameters class has no source. */
    public static Optional<NodeModelInfo> of(final KnimePlugin plugin, final String factoryClass) {
        Optional<JavaSource> factory = plugin.sourceOf(factoryClass);
        if (factory.isEmpty()) {
            return Optional.empty();
        }
        JavaSource f = factory.get();
        int in = f.countCalls("addInputPort") + f.countCalls("addInputTable");
        int out = f.countCalls("addOutputPort") + f.countCalls("addOutputTable");
        List<String> params = f.classArguments("parametersClass");
        Map<String, String> keys = new LinkedHashMap<>();
        Map<String, List<String>> enums = new LinkedHashMap<>();
        Set<String> withDefault = new LinkedHashSet<>();
        if (!params.isEmpty()) {
            String qualified = qualify(f, params.get(0));
            Optional<JavaSource> p = plugin.sourceOf(qualified);
            if (p.isEmpty()) {
                return Optional.empty();
            }
            for (FieldDecl field : p.get().fields()) {
                // The framework persists non-private instance fields only (Jackson visibility NON_PRIVATE).
                if (field.isStatic() || field.isPrivate()) {
                    continue;
                }
                String key = field.persistKey() != null ? field.persistKey() : stripPrefix(field.name());
                String type = field.isOptional() ? inner(field.type()) : field.type();
                List<String> constants = p.get().enumConstants(type);
                keys.put(key, constants != null ? "xstring" : ENTRY_TYPES.get(type));
                if (constants != null) {
                    enums.put(key, constants);
                }
                if (field.isOptional()) {
                    keys.put(key + "_is_present", "xboolean");
                }
                if (field.loadsDefaultIfAbsent()) {
                    withDefault.add(key);
                    if (field.isOptional()) {
                        withDefault.add(key + "_is_present");
                    }
                }
            }
        }
        return Optional.of(new NodeModelInfo(keys, enums, in, out, withDefault, f.countCalls("withoutParameters") > 0));
    }

    private static String qualify(final JavaSource source, final String name) {
        if (name.contains(".")) {
            return name;
        }
        for (String imported : source.importedTypes()) {
            if (imported.endsWith("." + name)) {
                return imported;
            }
        }
        String pkg = source.packageName();
        return pkg.isEmpty() ? name : pkg + "." + name;
    }

    private static String stripPrefix(final String field) {
        return field.startsWith("m_") ? field.substring(2) : field;
    }

    private static String inner(final String optionalType) {
        return optionalType.substring(optionalType.indexOf('<') + 1, optionalType.lastIndexOf('>')).strip();
    }
}
