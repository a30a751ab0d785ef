package org.lptem.knime.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the field declarations at the top level of a source file's first type body. */
final class FieldScanner {
    private static final Set<String> MODIFIERS =
        Set.of("public", "protected", "private", "static", "final", "transient", "volatile");
    private static final Pattern TYPE_START = Pattern.compile("\\b(class|interface|enum|record)\\s+\\w+[^{]*\\{");
    private static final Pattern CONFIG_KEY = Pattern.compile("configKey\\s*=\\s*(\"[^\"]*\")");
    private static final Pattern LOAD_DEFAULT =
        Pattern.compile("@Migrate\\s*\\([^)]*\\bloadDefaultIfAbsent\\s*=\\s*true\\b");

    private FieldScanner() {
    }

    static List<FieldDecl> scan(final JavaText text) {
        String code = text.code();
        Matcher start = TYPE_START.matcher(code);
        List<FieldDecl> fields = new ArrayList<>();
        if (!start.find()) {
            return fields;
        }
        StringBuilder segment = new StringBuilder();
        int depth = 0;
        boolean initializer = false; // inside a field's {...} initializer
        for (int i = start.end(); i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '{') {
                if (depth == 0 && !initializer && !hasTopLevelEquals(segment)) {
                    segment.setLength(0); // a method, constructor, nested type or initializer block
                } else if (depth == 0) {
                    initializer = true;
                }
                depth++;
                if (initializer) {
                    segment.append(c);
                }
            } else if (c == '}') {
                if (depth == 0) {
                    break; // end of the type body
                }
                depth--;
                if (initializer) {
                    segment.append(c);
                } else if (depth == 0) {
                    segment.setLength(0);
                }
            } else if (c == ';' && depth == 0) {
                declaration(text, segment.toString(), fields);
                segment.setLength(0);
                initializer = false;
            } else if (depth == 0 || initializer) {
                segment.append(c);
            }
        }
        return fields;
    }

    private static void declaration(final JavaText text, final String raw, final List<FieldDecl> out) {
        String persistKey = persistKey(text, raw);
        String decl = stripAnnotations(raw).strip();
        if (decl.isEmpty()) {
            return;
        }
        String left = decl;
        int eq = topLevelEquals(decl);
        if (eq >= 0) {
            left = decl.substring(0, eq);
        }
        if (left.contains("(")) {
            return; // an abstract or interface method
        }
        List<String> tokens = new ArrayList<>(Arrays.asList(left.strip().split("\\s+")));
        List<String> modifiers = new ArrayList<>();
        while (!tokens.isEmpty() && MODIFIERS.contains(tokens.get(0))) {
            modifiers.add(tokens.remove(0));
        }
        if (tokens.size() < 2) {
            return; // enum constants and the like
        }
        String name = tokens.get(tokens.size() - 1);
        String type = String.join(" ", tokens.subList(0, tokens.size() - 1));
        out.add(new FieldDecl(name, type, List.copyOf(modifiers), persistKey, LOAD_DEFAULT.matcher(raw).find()));
    }

    private static String persistKey(final JavaText text, final String raw) {
        int at = raw.indexOf("@Persist");
        if (at < 0) {
            return null;
        }
        Matcher m = CONFIG_KEY.matcher(raw.substring(at));
        return m.find() ? text.literalAt(m.group(1)) : null;
    }

    /** Removes annotations with their (possibly nested) argument lists. */
    static String stripAnnotations(final String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '@') {
                out.append(c);
                i++;
                continue;
            }
            i++;
            while (i < s.length() && (Character.isJavaIdentifierPart(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            int j = i;
            while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
                j++;
            }
            if (j < s.length() && s.charAt(j) == '(') {
                int depth = 0;
                for (i = j; i < s.length(); i++) {
                    depth += s.charAt(i) == '(' ? 1 : s.charAt(i) == ')' ? -1 : 0;
                    if (depth == 0) {
                        i++;
                        break;
                    }
                }
            }
            out.append(' ');
        }
        return out.toString();
    }

    private static boolean hasTopLevelEquals(final CharSequence s) {
        return topLevelEquals(stripAnnotations(s.toString())) >= 0;
    }

    /** Index of the first assignment '=' outside brackets and generics, or -1. */
    private static int topLevelEquals(final String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '<' || c == '[') {
                depth++;
            } else if (c == ')' || c == '>' || c == ']') {
                depth--;
            } else if (c == '=' && depth == 0 && (i + 1 >= s.length() || s.charAt(i + 1) != '=')
                && (i == 0 || "!<>=".indexOf(s.charAt(i - 1)) < 0)) {
                return i;
            }
        }
        return -1;
    }
}
