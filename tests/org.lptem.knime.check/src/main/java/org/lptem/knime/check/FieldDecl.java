package org.lptem.knime.check;

import java.util.List;

/**
 * An instance field as the checks see it.
 *
 * @param name the field name
 * @param type the declared type as written (e.g. {@code Optional<Double>})
 * @param modifiers the modifiers (static, private, ...)
 * @param persistKey the {@code configKey} of a {@code @Persist} annotation, or null
 * @param loadsDefaultIfAbsent whether the field is annotated {@code @Migrate(loadDefaultIfAbsent = true)}: KNIME
 *            then loads settings that lack its key (saved before the field existed) with the field's default
 */
public record FieldDecl(String name, String type, List<String> modifiers, String persistKey,
    boolean loadsDefaultIfAbsent) {

    public boolean isStatic() {
        return modifiers.contains("static");
    }

    public boolean isPrivate() {
        return modifiers.contains("private");
    }

    public boolean isOptional() {
        return type.startsWith("Optional<") || type.startsWith("java.util.Optional<");
    }
}
