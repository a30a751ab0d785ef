package org.lptem.knime.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks MANIFEST.MF against what the sources import. KNIME bundles are required whole (Require-Bundle): some of
 * their packages are split between org.knime.core and the bundles it re-exports, which Import-Package cannot
 * express. Which bundle exports which package is not knowable without KNIME, so it is the explicit map below, taken
 * from the Export-Package headers of KNIME 5.11; a new KNIME import fails here until the map names its bundle.
 */
public final class ManifestChecks {

    /** Package (or package prefix, with its sub-packages) to the KNIME bundle that exports it. */
    public static final Map<String, String> KNIME_BUNDLE_OF_PACKAGE = knimePackages();

    private static Map<String, String> knimePackages() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("org.knime.core.node", "org.knime.core");
        m.put("org.knime.core.data", "org.knime.core");
        // FileUtil lives in org.knime.core; the package is split with the re-exported org.knime.core.util bundle.
        m.put("org.knime.core.util", "org.knime.core");
        m.put("org.knime.node", "org.knime.core.ui");
        m.put("org.knime.core.webui", "org.knime.core.ui");
        m.put("org.knime.core.ui", "org.knime.core.ui");
        m.put("org.knime.core.table", "org.knime.core.table");
        m.put("org.knime.filehandling.core", "org.knime.filehandling.core");
        return Map.copyOf(m);
    }

    private ManifestChecks() {
    }

    /** The KNIME bundle exporting {@code pkg} by the longest matching prefix, or null. */
    public static String knimeBundleOf(final String pkg) {
        String best = null;
        for (String prefix : KNIME_BUNDLE_OF_PACKAGE.keySet()) {
            if ((pkg.equals(prefix) || pkg.startsWith(prefix + "."))
                && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return best == null ? null : KNIME_BUNDLE_OF_PACKAGE.get(best);
    }

    /** Packages the JVM provides (boot delegation in Equinox as KNIME configures it). */
    static boolean isJdk(final String pkg) {
        return pkg.startsWith("java.") || pkg.startsWith("javax.") || pkg.startsWith("org.w3c.dom")
            || pkg.startsWith("org.xml.sax");
    }

    public static List<String> check(final KnimePlugin plugin) {
        List<String> problems = new ArrayList<>();
        if (plugin.manifest() == null) {
            problems.add("META-INF/MANIFEST.MF is missing");
            return problems;
        }
        BundleManifest mf;
        try {
            mf = BundleManifest.parse(plugin.manifest());
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return problems;
        }
        if (!mf.singleton()) {
            problems.add("Bundle-SymbolicName must be singleton:=true: the bundle contributes extensions");
        }
        Set<String> own = new HashSet<>();
        plugin.sources().values().forEach(s -> own.add(s.packageName()));
        Set<String> usedBundles = new LinkedHashSet<>();
        Set<String> usedImports = new LinkedHashSet<>();
        for (Map.Entry<String, JavaSource> e : plugin.sources().entrySet()) {
            for (String pkg : e.getValue().importedPackages()) {
                if (isJdk(pkg) || own.contains(pkg)) {
                    continue;
                }
                String problem = covered(pkg, mf, usedBundles, usedImports);
                if (problem != null) {
                    problems.add(e.getKey() + ": " + problem);
                }
            }
        }
        for (String b : mf.requireBundle()) {
            if (!usedBundles.contains(b)) {
                problems.add("Require-Bundle " + b + " is not used by any import");
            }
        }
        for (String p : mf.importPackage()) {
            if (!usedImports.contains(p)) {
                problems.add("Import-Package " + p + " is not used by any import");
            }
        }
        for (String p : mf.exportPackage()) {
            if (!own.contains(p)) {
                problems.add("Export-Package " + p + " has no sources in the bundle");
            }
        }
        return problems;
    }

    /** Records how {@code pkg} is wired; returns a problem text if it is not. */
    private static String covered(final String pkg, final BundleManifest mf, final Set<String> usedBundles,
        final Set<String> usedImports) {
        if (mf.importPackage().contains(pkg)) {
            usedImports.add(pkg);
            return null;
        }
        String bundle = pkg.startsWith("org.lptem.") ? ourBundleOf(pkg) : knimeBundleOf(pkg);
        if (bundle == null) {
            return "imports package " + pkg + ", whose bundle the check does not know: add it to "
                + "ManifestChecks.KNIME_BUNDLE_OF_PACKAGE or to Import-Package";
        }
        if (!mf.requireBundle().contains(bundle)) {
            return "imports package " + pkg + " but MANIFEST.MF neither imports it nor requires bundle " + bundle;
        }
        usedBundles.add(bundle);
        return null;
    }

    /** Our science bundles are named after their root package: org.lptem.segment.onnx is in org.lptem.segment. */
    static String ourBundleOf(final String pkg) {
        String[] parts = pkg.split("\\.");
        return parts.length < 3 ? null : parts[0] + "." + parts[1] + "." + parts[2];
    }

    /** All non-JDK packages the sources import, for reports. */
    public static Set<String> importedPackages(final KnimePlugin plugin) {
        Set<String> out = new TreeSet<>();
        plugin.sources().values().forEach(s -> s.importedPackages().stream().filter(p -> !isJdk(p)).forEach(out::add));
        return out;
    }
}
