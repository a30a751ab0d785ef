package org.lptem.knime.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the checks need to know about one Java source file: package, imports, fields, string-literal calls. */
public final class JavaSource {
    private static final Pattern PACKAGE = Pattern.compile("\\bpackage\\s+([\\w.]+)\\s*;");
    private static final Pattern IMPORT = Pattern.compile("\\bimport\\s+(static\\s+)?([\\w.]+)(\\.\\*)?\\s*;");
    private static final Pattern TYPE_DECL = Pattern.compile("\\b(class|interface|enum|record)\\s+(\\w+)");

    private final JavaText m_text;

    public JavaSource(final String source) {
        m_text = JavaText.of(source);
    }

    public String packageName() {
        Matcher m = PACKAGE.matcher(m_text.code());
        return m.find() ? m.group(1) : "";
    }

    /** Packages this file imports from (for static imports: the package of the imported class). */
    public Set<String> importedPackages() {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = IMPORT.matcher(m_text.code());
        while (m.find()) {
            boolean isStatic = m.group(1) != null;
            boolean star = m.group(3) != null;
            out.add(packageOf(m.group(2), isStatic, star));
        }
        return out;
    }

    /** Simple names of the types this file imports, mapped to their qualified names. */
    public List<String> importedTypes() {
        List<String> out = new ArrayList<>();
        Matcher m = IMPORT.matcher(m_text.code());
        while (m.find()) {
            if (m.group(1) == null && m.group(3) == null) {
                out.add(m.group(2));
            }
        }
        return out;
    }

    /** Whether a type (top-level or nested) of that simple name is declared in this file. */
    public boolean declaresType(final String simpleName) {
        Matcher m = TYPE_DECL.matcher(m_text.code());
        while (m.find()) {
            if (m.group(2).equals(simpleName)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The string literal arguments of every call {@code .method("literal" ...)}, e.g. the icon of a node built with
     * {@code .icon("...")}.
     */
    public List<String> stringArguments(final String method) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\." + Pattern.quote(method) + "\\s*\\(").matcher(m_text.code());
        while (m.find()) {
            String lit = m_text.literalAt(m_text.code().substring(m.end()));
            if (lit != null) {
                out.add(lit);
            }
        }
        return out;
    }

    /** Number of calls {@code .method(} in the code. */
    public int countCalls(final String method) {
        Matcher m = Pattern.compile("\\." + Pattern.quote(method) + "\\s*\\(").matcher(m_text.code());
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The simple class names X of every {@code method(X.class)} call, e.g. {@code parametersClass}. */
    public List<String> classArguments(final String method) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\b" + Pattern.quote(method) + "\\s*\\(\\s*([\\w.]+)\\.class\\s*\\)")
            .matcher(m_text.code());
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The constants of the enum {@code simpleName} declared in this file, or null if there is none. */
    public List<String> enumConstants(final String simpleName) {
        String code = m_text.code();
        Matcher m = Pattern.compile("\\benum\\s+" + Pattern.quote(simpleName) + "\\s*\\{").matcher(code);
        if (!m.find()) {
            return null;
        }
        StringBuilder body = new StringBuilder();
        int depth = 0;
        for (int i = m.end(); i < code.length(); i++) {
            char c = code.charAt(i);
            if (depth == 0 && (c == ';' || c == '}')) {
                break;
            }
            depth += c == '(' || c == '{' ? 1 : c == ')' || c == '}' ? -1 : 0;
            body.append(c);
        }
        List<String> out = new ArrayList<>();
        for (String part : FieldScanner.stripAnnotations(body.toString()).split(",")) {
            String name = part.strip().split("[\\s({]")[0];
            if (!name.isEmpty()) {
                out.add(name);
            }
        }
        return out;
    }

    /** The instance fields declared directly in the file's first top-level type. */
    public List<FieldDecl> fields() {
        return FieldScanner.scan(m_text);
    }

    private static String packageOf(final String name, final boolean isStatic, final boolean star) {
        String[] parts = name.split("\\.");
        int keep = parts.length;
        if (!star) {
            keep--; // drop the type (or, for static imports, the member)
        }
        if (isStatic) {
            keep--; // drop the class owning the member
        }
        // Nested types are imported as pkg.Outer.Inner: packages are lower case, types are not.
        while (keep > 0 && Character.isUpperCase(parts[keep - 1].charAt(0))) {
            keep--;
        }
        return String.join(".", Arrays.copyOf(parts, keep));
    }
}
