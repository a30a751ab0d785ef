package org.lptem.io;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The {@code key=value} lines ImageJ writes into the first page's ImageDescription
 * ({@code ImageJ=1.54f\nimages=300\nslices=300\nunit=nm\nfinterval=0.05\n...}).
 */
final class ImageJDescription {
    private final Map<String, String> values;

    private ImageJDescription(Map<String, String> values) {
        this.values = values;
    }

    /** Parses an ImageDescription; null when it is absent or not ImageJ's. */
    static ImageJDescription parse(String description) {
        if (description == null || !description.startsWith("ImageJ=")) {
            return null;
        }
        Map<String, String> values = new HashMap<>();
        for (String line : description.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        }
        return new ImageJDescription(values);
    }

    /** A positive integer value, or 0 when absent or malformed. */
    long count(String key) {
        String v = values.get(key);
        if (v == null) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(v));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Number of images (pages) ImageJ wrote contiguously; 0 when not stated. */
    long images() {
        return count("images");
    }

    /** Nanometres per length unit, or empty when the unit is absent, "pixel" or unknown. */
    OptionalDouble unitInNm() {
        String unit = values.get("unit");
        return unit == null ? OptionalDouble.empty() : lengthUnitInNm(unit);
    }

    static OptionalDouble lengthUnitInNm(String unit) {
        // ImageJ escapes non-ASCII characters, so a micron may arrive as a literal "\u00B5m".
        String u = unit.replace("\\u00B5", "\u00B5").replace("\\u00b5", "\u00B5").trim().toLowerCase(Locale.ROOT);
        double nm = switch (u) {
            case "nm", "nanometer", "nanometers", "nanometre", "nanometres" -> 1;
            case "um", "\u00B5m", "\u03BCm", "micron", "microns", "micrometer", "micrometers", "micrometre",
                    "micrometres" -> 1e3;
            case "mm", "millimeter", "millimeters", "millimetre", "millimetres" -> 1e6;
            case "cm" -> 1e7;
            case "a", "\u00E5", "\u212B", "angstrom", "angstroms" -> 0.1;
            case "pm", "picometer", "picometers" -> 1e-3;
            default -> Double.NaN;
        };
        return Double.isNaN(nm) ? OptionalDouble.empty() : OptionalDouble.of(nm);
    }

    /** Seconds between frames ({@code finterval} in {@code tunit}, seconds by default), or empty. */
    OptionalDouble frameIntervalSeconds() {
        String v = values.get("finterval");
        if (v == null) {
            return OptionalDouble.empty();
        }
        double interval;
        try {
            interval = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
        double scale = timeUnitInSeconds(values.getOrDefault("tunit", "sec"));
        double seconds = interval * scale;
        return seconds > 0 && Double.isFinite(seconds) ? OptionalDouble.of(seconds) : OptionalDouble.empty();
    }

    /** Seconds per time unit (ImageJ's and microscope software's spellings), or NaN when unknown. */
    static double timeUnitInSeconds(String unit) {
        String u = unit.replace("\\u00B5", "\u00B5").trim().toLowerCase(Locale.ROOT);
        return switch (u) {
            case "s", "sec", "second", "seconds" -> 1;
            case "ms", "msec", "millisecond", "milliseconds" -> 1e-3;
            case "us", "\u00B5s", "\u03BCs", "microsecond", "microseconds" -> 1e-6;
            case "ns", "nanosecond", "nanoseconds" -> 1e-9;
            case "min", "minute", "minutes" -> 60;
            default -> Double.NaN;
        };
    }
}
