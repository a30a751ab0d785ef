package org.lptem.stats.table;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import org.lptem.stats.Interval;

/**
 * One quantity of a row type T and the columns it occupies: a plain value, or a physical quantity as its raw-unit
 * column plus its calibrated column (when the units are known), optionally each with the confidence interval's
 * {@code _lo} and {@code _hi}. Table layouts are lists of fields, so every table names its units the same way.
 */
public interface Field<T> {

    List<Column> columns();

    void cells(T item, List<Object> out);

    /** Builds a table with one row per item. */
    static <T> Table table(String name, List<Field<T>> fields, Iterable<? extends T> items) {
        Table.Builder b = Table.builder(name);
        for (Field<T> f : fields) {
            for (Column c : f.columns()) {
                b.column(c.name(), c.type(), c.description());
            }
        }
        for (T item : items) {
            List<Object> row = new ArrayList<>(b.columnCount());
            for (Field<T> f : fields) {
                f.cells(item, row);
            }
            b.row(row);
        }
        return b.build();
    }

    static <T> Field<T> integer(String name, String description, ToIntFunction<T> value) {
        return simple(new Column(name, Column.Type.INTEGER, description), t -> value.applyAsInt(t));
    }

    static <T> Field<T> count(String name, String description, java.util.function.ToLongFunction<T> value) {
        return simple(new Column(name, Column.Type.LONG, description), t -> value.applyAsLong(t));
    }

    static <T> Field<T> real(String name, String description, ToDoubleFunction<T> value) {
        return simple(new Column(name, Column.Type.REAL, description), t -> value.applyAsDouble(t));
    }

    static <T> Field<T> text(String name, String description, Function<T, String> value) {
        return simple(new Column(name, Column.Type.TEXT, description), value::apply);
    }

    private static <T> Field<T> simple(Column column, Function<T, Object> value) {
        return new Field<>() {
            @Override
            public List<Column> columns() {
                return List.of(column);
            }

            @Override
            public void cells(T item, List<Object> out) {
                out.add(value.apply(item));
            }
        };
    }

    /** A dimensionless value with its interval: name, name_lo, name_hi. */
    static <T> Field<T> realWithInterval(String name, String description, ToDoubleFunction<T> value,
            Function<T, Interval> interval) {
        return new Field<>() {
            @Override
            public List<Column> columns() {
                return withInterval(name, description);
            }

            @Override
            public void cells(T item, List<Object> out) {
                Interval ci = interval.apply(item);
                out.add(value.applyAsDouble(item));
                out.add(ci.lo());
                out.add(ci.hi());
            }
        };
    }

    /**
     * A quantity of dimension length^lengthPower / time^timePower: {@code stem_<raw unit>} and, when known,
     * {@code stem_<calibrated unit>}; with {@code interval} non-null each has {@code _lo} and {@code _hi} too.
     */
    static <T> Field<T> quantity(String stem, String description, Units units, int lengthPower, int timePower,
            ToDoubleFunction<T> value, Function<T, Interval> interval) {
        String raw = stem + "_" + units.rawSuffix(lengthPower, timePower);
        String calSuffix = units.calibratedSuffix(lengthPower, timePower);
        String cal = calSuffix == null ? null : stem + "_" + calSuffix;
        return new Field<>() {
            @Override
            public List<Column> columns() {
                List<Column> c = new ArrayList<>(columnsFor(raw, description, interval != null));
                if (cal != null) {
                    c.addAll(columnsFor(cal, description, interval != null));
                }
                return c;
            }

            @Override
            public void cells(T item, List<Object> out) {
                double v = value.applyAsDouble(item);
                Interval ci = interval == null ? null : interval.apply(item);
                add(out, v, ci);
                if (cal != null) {
                    add(out, units.convert(v, lengthPower, timePower),
                            ci == null ? null : ci.map(x -> units.convert(x, lengthPower, timePower)));
                }
            }
        };
    }

    /**
     * K of {@code MSD = 2d K t^alpha}: units length^2 / time^alpha with alpha per row, so the calibrated value is
     * {@code K L^2 / T^alpha} with that row's alpha.
     */
    static <T> Field<T> coefficient(String stem, String description, Units units, ToDoubleFunction<T> value,
            Function<T, Interval> interval, ToDoubleFunction<T> alpha) {
        String raw = stem + "_" + units.suffix(2, "alpha", false);
        String calSuffix = units.suffix(2, "alpha", true);
        String cal = calSuffix == null ? null : stem + "_" + calSuffix;
        return new Field<>() {
            @Override
            public List<Column> columns() {
                List<Column> c = new ArrayList<>(columnsFor(raw, description, true));
                if (cal != null) {
                    c.addAll(columnsFor(cal, description, true));
                }
                return c;
            }

            @Override
            public void cells(T item, List<Object> out) {
                double v = value.applyAsDouble(item);
                Interval ci = interval.apply(item);
                add(out, v, ci);
                if (cal != null) {
                    double a = alpha.applyAsDouble(item);
                    add(out, units.convert(v, 2, a), ci.map(x -> units.convert(x, 2, a)));
                }
            }
        };
    }

    private static List<Column> columnsFor(String name, String description, boolean interval) {
        return interval ? withInterval(name, description)
                : List.of(new Column(name, Column.Type.REAL, description));
    }

    private static List<Column> withInterval(String name, String description) {
        return List.of(new Column(name, Column.Type.REAL, description),
                new Column(name + "_lo", Column.Type.REAL, "lower end of the confidence interval of " + name),
                new Column(name + "_hi", Column.Type.REAL, "upper end of the confidence interval of " + name));
    }

    private static void add(List<Object> out, double v, Interval ci) {
        out.add(v);
        if (ci != null) {
            out.add(ci.lo());
            out.add(ci.hi());
        }
    }
}
