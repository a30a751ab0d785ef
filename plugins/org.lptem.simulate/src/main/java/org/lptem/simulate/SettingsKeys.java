package org.lptem.simulate;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lptem.core.LptemException;

/**
 * Every parameter of {@link SimulationSettings} by name (its record component name), for {@code --set key=value}
 * and for metadata that must list them all. The table is read off the record and its builder by reflection, so a
 * parameter added to the record is named here without anyone remembering to: the builder only has to follow its
 * convention of one setter per component, of the same name.
 */
public final class SettingsKeys {
    private static final Map<String, Key> KEYS = new LinkedHashMap<>();

    private record Key(RecordComponent component, Method setter) {
    }

    static {
        for (RecordComponent c : SimulationSettings.class.getRecordComponents()) {
            try {
                Method setter = SimulationSettings.Builder.class.getMethod(c.getName(), c.getType());
                KEYS.put(c.getName(), new Key(c, setter));
            } catch (NoSuchMethodException e) {
                throw new ExceptionInInitializerError("SimulationSettings.Builder has no " + c.getName() + "("
                        + c.getType().getSimpleName() + ")");
            }
        }
    }

    private SettingsKeys() {
    }

    /** All parameter names, in record order. */
    public static List<String> names() {
        return List.copyOf(KEYS.keySet());
    }

    /** Every parameter's value: numbers and booleans as such, shapes and motion models by their keys. */
    public static Map<String, Object> values(SimulationSettings s) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Key k : KEYS.values()) {
            out.put(k.component().getName(), external(read(k, s)));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The parameter's value as text, as {@code set} accepts it. */
    public static String text(SimulationSettings s, String key) {
        return String.valueOf(external(read(key(key), s)));
    }

    /**
     * The settings {@code base} with each {@code key=value} applied in order, validated. An error about one
     * assignment starts with it ({@code "alpha=2.5: alpha must be in (0, 2) for fbm, got 2.5"}).
     */
    public static SimulationSettings apply(SimulationSettings base, List<String> assignments) {
        SimulationSettings.Builder b = base.toBuilder();
        List<String[]> parsed = new ArrayList<>();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new LptemException("'" + a + "' is not key=value");
            }
            String key = a.substring(0, eq).trim();
            String value = a.substring(eq + 1).trim();
            try {
                b.set(key, value);
            } catch (LptemException e) {
                throw new LptemException(key + "=" + value + ": " + e.getMessage(), e);
            }
            parsed.add(new String[] {key, value});
        }
        try {
            return b.build();
        } catch (LptemException e) {
            // Validation messages start with the name of the value at fault: point at the assignment that set it.
            for (int i = parsed.size() - 1; i >= 0; i--) {
                String key = parsed.get(i)[0];
                if (e.getMessage().startsWith(key + " ")) {
                    throw new LptemException(key + "=" + parsed.get(i)[1] + ": " + e.getMessage(), e);
                }
            }
            throw e;
        }
    }

    static void set(SimulationSettings.Builder b, String name, String text) {
        Key k = key(name);
        Object value = parse(k, text.trim());
        try {
            k.setter().invoke(b, value);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("setting " + name, e);
        }
    }

    private static Key key(String name) {
        Key k = KEYS.get(name);
        if (k == null) {
            throw new LptemException("unknown parameter '" + name + "'; the parameters are " + String.join(", ",
                    KEYS.keySet()));
        }
        return k;
    }

    private static Object parse(Key k, String text) {
        Class<?> type = k.component().getType();
        String name = k.component().getName();
        try {
            if (type == int.class) {
                return Integer.parseInt(text);
            }
            if (type == long.class) {
                return Long.parseLong(text);
            }
            if (type == double.class) {
                return Double.parseDouble(text);
            }
        } catch (NumberFormatException e) {
            throw new LptemException(name + ": '" + text + "' is not " + (type == double.class ? "a number"
                    : "an integer"));
        }
        if (type == boolean.class) {
            String t = text.toLowerCase(Locale.ROOT);
            if (!t.equals("true") && !t.equals("false")) {
                throw new LptemException(name + ": '" + text + "' is not true or false");
            }
            return Boolean.parseBoolean(t);
        }
        if (type == ShapeKind.class) {
            return ShapeKind.parse(text);
        }
        if (type == MotionKind.class) {
            return MotionKind.parse(text);
        }
        throw new IllegalStateException("no parser for " + type);
    }

    private static Object read(Key k, SimulationSettings s) {
        try {
            return k.component().getAccessor().invoke(s);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("reading " + k.component().getName(), e);
        }
    }

    private static Object external(Object v) {
        if (v instanceof ShapeKind shape) {
            return shape.key();
        }
        if (v instanceof MotionKind motion) {
            return motion.key();
        }
        return v;
    }
}
