package org.lptem.knime.sam2;

import java.util.ArrayList;
import java.util.List;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.InvalidSettingsException;
import org.lptem.core.LptemException;
import org.lptem.core.Progress;
import org.lptem.knime.common.TrackTables;
import org.lptem.segment.sam2.Box;
import org.lptem.segment.sam2.Prompt;

/**
 * The SAM2 Segmenter's prompt table, the KNIME form of {@code lptem segment --prompts}: one row per box or point
 * with {@code frame} (numbered within the video port's range, 0 = its first frame) and {@code particle} (or
 * {@code particle_id}), then a box ({@code x0, y0, x1, y1}: the pixels it spans, inclusive) and/or a point
 * ({@code x, y}, and {@code positive}: 1 on the particle, 0 on the liquid; 1 without the column). A missing cell
 * leaves that box or point out of the row.
 */
final class PromptTable {
    private final int m_frame;
    private final int m_particle;
    private final int[] m_box;
    private final int[] m_point;
    private final int m_positive;

    private PromptTable(final int frame, final int particle, final int[] box, final int[] point, final int positive) {
        m_frame = frame;
        m_particle = particle;
        m_box = box;
        m_point = point;
        m_positive = positive;
    }

    /** Finds the columns; fails at configure time with the columns the table has. */
    static PromptTable columns(final DataTableSpec spec) throws InvalidSettingsException {
        int frame = numeric(spec, "frame");
        int particle = spec.findColumnIndex("particle") >= 0 ? numeric(spec, "particle") : numeric(spec,
            "particle_id");
        int[] box = all(spec, "x0", "y0", "x1", "y1");
        int[] point = all(spec, "x", "y");
        if (box == null && point == null) {
            throw new InvalidSettingsException("The prompt table needs box columns x0, y0, x1, y1 or point columns "
                + "x, y; it has " + String.join(", ", spec.getColumnNames()) + ".");
        }
        int positive = spec.findColumnIndex("positive") >= 0 ? numeric(spec, "positive") : -1;
        return new PromptTable(frame, particle, box, point, positive);
    }

    private static int numeric(final DataTableSpec spec, final String name) throws InvalidSettingsException {
        int i = spec.findColumnIndex(name);
        if (i < 0) {
            throw new InvalidSettingsException("The prompt table has no column '" + name + "' (it has "
                + String.join(", ", spec.getColumnNames()) + ").");
        }
        if (!spec.getColumnSpec(i).getType().isCompatible(DoubleValue.class)) {
            throw new InvalidSettingsException("Prompt column '" + name + "' must be numeric.");
        }
        return i;
    }

    private static int[] all(final DataTableSpec spec, final String... names) throws InvalidSettingsException {
        for (String n : names) {
            if (spec.findColumnIndex(n) < 0) {
                return null;
            }
        }
        int[] out = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = numeric(spec, names[i]);
        }
        return out;
    }

    /** The prompts of {@code table}; every frame must be one of the video's {@code frames}. */
    List<Prompt> read(final BufferedDataTable table, final int frames, final Progress progress) {
        List<Prompt> prompts = new ArrayList<>();
        TrackTables.forEachRow(table, progress, "Reading prompts", row -> {
            String where = "prompt table, row '" + row.getKey() + "'";
            int frame = whole(row, m_frame, where, "frame");
            if (frame < 0 || frame >= frames) {
                throw new LptemException(where + ": frame " + frame + " is not among the video's frames 0.."
                    + (frames - 1));
            }
            int particle = whole(row, m_particle, where, "particle");
            Box box = null;
            if (m_box != null && !row.getCell(m_box[0]).isMissing()) {
                box = new Box(value(row, m_box[0], where), value(row, m_box[1], where), value(row, m_box[2], where),
                    value(row, m_box[3], where));
            }
            List<Prompt.Point> points = new ArrayList<>();
            if (m_point != null && !row.getCell(m_point[0]).isMissing()) {
                boolean positive = m_positive < 0 || row.getCell(m_positive).isMissing()
                    || value(row, m_positive, where) != 0;
                points.add(new Prompt.Point(value(row, m_point[0], where), value(row, m_point[1], where), positive));
            }
            try {
                prompts.add(new Prompt(frame, particle, box, points, null));
            } catch (LptemException e) {
                throw new LptemException(where + ": " + e.getMessage(), e);
            }
        });
        return prompts;
    }

    private static double value(final DataRow row, final int column, final String where) {
        DataCell c = row.getCell(column);
        if (c.isMissing()) {
            throw new LptemException(where + ": a box or point coordinate is missing");
        }
        return ((DoubleValue)c).getDoubleValue();
    }

    private static int whole(final DataRow row, final int column, final String where, final String what) {
        double v = value(row, column, where);
        if (v != Math.rint(v)) {
            throw new LptemException(where + ": " + what + " must be a whole number, got " + v);
        }
        return (int)v;
    }
}
