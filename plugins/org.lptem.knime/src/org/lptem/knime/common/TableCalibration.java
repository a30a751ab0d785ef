package org.lptem.knime.common;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

import org.knime.core.data.DataColumnProperties;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.lptem.core.Calibration;
import org.lptem.core.Columns;

/**
 * How a KNIME table carries the video's calibration: as column properties, so it travels with the columns through
 * row filters, sorters and joins that keep them. The pixel size (nm/px) is a property of the {@code x} and {@code y}
 * columns, the frame interval (s/frame) a property of the {@code frame} column. The {@code *_nm} and {@code t_s}
 * columns are only a convenience for people reading the table; nodes read the properties.
 */
public final class TableCalibration {
    /** Column property holding the pixel size in nm/px, as a decimal string. */
    public static final String NM_PER_PIXEL = "lptem.nm_per_px";
    /** Column property holding the frame interval in s/frame, as a decimal string. */
    public static final String SECONDS_PER_FRAME = "lptem.s_per_frame";

    private TableCalibration() {
    }

    /** The calibration the table's columns carry; values that are absent or unreadable are unknown. */
    public static Calibration read(final DataTableSpec spec) {
        return new Calibration(property(spec, Columns.X, NM_PER_PIXEL),
            property(spec, Columns.FRAME, SECONDS_PER_FRAME));
    }

    /**
     * The table's calibration, with a node's fallback settings filling only what the table lacks; a fallback of 0
     * means "not given", as in the Video Reader.
     */
    public static Calibration withFallback(final Calibration fromTable, final double nmPerPixel,
        final double secondsPerFrame) {
        Calibration fallback =
            Calibration.of(nmPerPixel > 0 ? nmPerPixel : null, secondsPerFrame > 0 ? secondsPerFrame : null);
        return fallback.overriddenBy(fromTable);
    }

    /**
     * Pixel size and frame interval settings that fill in for a table's or a file's: finite and >= 0, where 0 means
     * {@code zero} (flow variables bypass the dialog's minimum).
     */
    public static void checkSettings(final double nmPerPixel, final double secondsPerFrame, final String zero)
        throws InvalidSettingsException {
        if (!(nmPerPixel >= 0 && Double.isFinite(nmPerPixel))
            || !(secondsPerFrame >= 0 && Double.isFinite(secondsPerFrame))) {
            throw new InvalidSettingsException("Pixel size and frame interval must be finite and >= 0 (0 = " + zero
                + "), got " + nmPerPixel + " nm/px and " + secondsPerFrame + " s/frame.");
        }
    }

    /** {@code column} with the calibration property that belongs to it (none for other columns). */
    public static DataColumnSpec annotate(final DataColumnSpec column, final Calibration calibration) {
        String name = column.getName();
        Map<String, String> props = new HashMap<>();
        if ((Columns.X.equals(name) || Columns.Y.equals(name)) && calibration.hasPixelSize()) {
            props.put(NM_PER_PIXEL, Double.toString(calibration.nmPerPixel().getAsDouble()));
        }
        if (Columns.FRAME.equals(name) && calibration.hasFrameInterval()) {
            props.put(SECONDS_PER_FRAME, Double.toString(calibration.secondsPerFrame().getAsDouble()));
        }
        if (props.isEmpty()) {
            return column;
        }
        DataColumnSpecCreator creator = new DataColumnSpecCreator(column);
        creator.setProperties(column.getProperties().cloneAndOverwrite(props));
        return creator.createSpec();
    }

    private static OptionalDouble property(final DataTableSpec spec, final String column, final String key) {
        DataColumnSpec c = spec.getColumnSpec(column);
        if (c == null) {
            return OptionalDouble.empty();
        }
        DataColumnProperties props = c.getProperties();
        String value = props.getProperty(key);
        if (value == null) {
            return OptionalDouble.empty();
        }
        try {
            double v = Double.parseDouble(value.trim());
            // A hand-edited or foreign property must not make Calibration's constructor throw.
            return v > 0 && Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
