package org.lptem.knime.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The source scanning the checks rely on. */
class JavaSourceTest {

    private static final String PARAMS = """
        package a.b;

        import java.util.Optional;
        import static org.knime.Foo.bar;
        import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsNonNegativeValidation;

        /** A class; this comment mentions int commented = 1; */
        public final class P implements NodeParameters {
            private static final int CONSTANT = 3;
            @Section(title = "A; section {with braces}")
            interface S {
            }
            enum Mode {
                @Label(value = "One", description = "first, of two") ONE,
                TWO;
                int unrelated() { return 1; }
            }
            @Widget(title = "x = 1", description = "d", effect = @Effect(predicate = X.class, type = HIDE))
            @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
            double sigma = 2.5;
            int[] sizes = {1, 2};
            Optional<Double> scale = Optional.empty();
            @Persist(configKey = "legacy_key")
            String renamed = "}";
            @Migrate(loadDefaultIfAbsent = true)
            @Widget(title = "added later", description = "d")
            boolean added;
            Mode mode = Mode.ONE;
            private int hidden;
            java.util.function.Supplier<String> lazy = () -> { return "x"; };
            P() {
                int local = 0;
            }
            void m() {
            }
        }
        """;

    @Test
    void fieldsSkipCommentsLiteralsNestedTypesAndMethods() {
        List<FieldDecl> fields = new JavaSource(PARAMS).fields();
        assertEquals(List.of("CONSTANT", "sigma", "sizes", "scale", "renamed", "added", "mode", "hidden", "lazy"),
            fields.stream().map(FieldDecl::name).toList());
        FieldDecl constant = fields.get(0);
        assertEquals(true, constant.isStatic());
        assertEquals(true, fields.get(3).isOptional());
        assertEquals("legacy_key", fields.get(4).persistKey());
        assertEquals(true, fields.get(5).loadsDefaultIfAbsent());
        assertEquals(false, fields.get(4).loadsDefaultIfAbsent());
        assertEquals(true, fields.get(7).isPrivate());
    }

    @Test
    void enumConstantsIgnoreLabelsAndBodies() {
        assertEquals(List.of("ONE", "TWO"), new JavaSource(PARAMS).enumConstants("Mode"));
    }

    @Test
    void importedPackagesHandleStaticAndNestedImports() {
        assertEquals(Set.of("java.util", "org.knime", "org.knime.node.parameters.widget.number"),
            new JavaSource(PARAMS).importedPackages());
    }

    @Test
    void stringArgumentsComeFromCodeNotComments() {
        String src = """
            class F {
                // .icon("commented.png")
                Object n = create().icon("./real.png").name("N");
            }
            """;
        assertEquals(List.of("./real.png"), new JavaSource(src).stringArguments("icon"));
    }

    @Test
    void nodeIconsResolveLikeKnime() {
        assertEquals("icons/a.png", PluginChecks.resolveNodeIcon("org.x.y.z.F", "../../../../icons/a.png"));
        assertEquals("org/x/y/z/a.png", PluginChecks.resolveNodeIcon("org.x.y.z.F", "./a.png"));
        assertEquals("org/x/icons/a.png", PluginChecks.resolveNodeIcon("org.x.y.z.F", "../../icons/a.png"));
    }

    @Test
    void packageMapUsesTheLongestPrefix() {
        assertEquals("org.knime.core.ui", ManifestChecks.knimeBundleOf("org.knime.core.ui.util"));
        assertEquals("org.knime.core", ManifestChecks.knimeBundleOf("org.knime.core.node.port"));
        assertEquals("org.knime.core.ui", ManifestChecks.knimeBundleOf("org.knime.node.parameters.layout"));
        assertEquals("org.knime.core", ManifestChecks.knimeBundleOf("org.knime.core.node.port.image"));
        assertEquals("org.knime.core", ManifestChecks.knimeBundleOf("org.knime.core.data.image.png"));
        assertEquals(null, ManifestChecks.knimeBundleOf("org.knime.base.node"));
    }
}
