package org.lptem.stats.table;

import org.lptem.core.Calibration;

/**
 * The units of a table: the raw length unit the statistics were computed in (px, or deg for orientations) and raw
 * time (frame), plus the calibrated ones (nm, rad; s) with their factors when known. A column with a calibrated unit
 * exists exactly when every unit it needs is known, as in the project's other tables.
 *
 * @param rawLength "px" or "deg"
 * @param length "nm" or "rad", or null when unknown
 * @param lengthFactor calibrated units per raw unit
 * @param time "s", or null when the frame interval is unknown
 * @param timeFactor seconds per frame
 */
public record Units(String rawLength, String length, double lengthFactor, String time, double timeFactor) {
    public static final String FRAME = "frame";

    /** Positions: px, and nm when the pixel size is known. */
    public static Units planar(Calibration c) {
        return new Units("px", c.hasPixelSize() ? "nm" : null, c.hasPixelSize() ? c.toNm(1) : Double.NaN,
                c.hasFrameInterval() ? "s" : null, c.hasFrameInterval() ? c.toSeconds(1) : Double.NaN);
    }

    /** Orientation angles: degrees, and radians always. */
    public static Units angular(Calibration c) {
        return new Units("deg", "rad", Math.PI / 180, c.hasFrameInterval() ? "s" : null,
                c.hasFrameInterval() ? c.toSeconds(1) : Double.NaN);
    }

    public boolean hasLength() {
        return length != null;
    }

    public boolean hasTime() {
        return time != null;
    }

    /**
     * The suffix of a quantity of dimension length^lengthPower / time^timePower in raw units
     * ({@code px2_per_frame}); {@code timePower} may be "alpha" via {@link #suffix(int, String, boolean)}.
     */
    public String rawSuffix(int lengthPower, int timePower) {
        return suffix(rawLength, lengthPower, FRAME, timePower);
    }

    /** The same in calibrated units, or null when they are not all known. */
    public String calibratedSuffix(int lengthPower, int timePower) {
        if ((lengthPower != 0 && !hasLength()) || (timePower != 0 && !hasTime())) {
            return null;
        }
        return suffix(length, lengthPower, time, timePower);
    }

    /** Raw value to calibrated. */
    public double convert(double raw, int lengthPower, double timePower) {
        double f = lengthPower == 0 ? 1 : Math.pow(lengthFactor, lengthPower);
        double t = timePower == 0 ? 1 : Math.pow(timeFactor, timePower);
        return raw * f / t;
    }

    /** For K, whose time unit is raised to alpha: {@code px2_per_frame_alpha} (px^2 / frame^alpha). */
    public String suffix(int lengthPower, String perTimeToThe, boolean calibrated) {
        if (calibrated && (!hasLength() || !hasTime())) {
            return null;
        }
        return suffix(calibrated ? length : rawLength, lengthPower, calibrated ? time : FRAME, 1) + "_"
                + perTimeToThe;
    }

    private static String suffix(String length, int lengthPower, String time, int timePower) {
        StringBuilder sb = new StringBuilder();
        if (lengthPower < 0) {
            // densities: per px, per nm
            sb.append("per_").append(length);
            if (lengthPower != -1) {
                sb.append(-lengthPower);
            }
            return sb.toString();
        }
        if (lengthPower != 0) {
            sb.append(length);
            if (lengthPower != 1) {
                sb.append(lengthPower);
            }
        }
        if (timePower != 0) {
            if (sb.length() > 0) {
                sb.append('_');
            }
            sb.append(lengthPower != 0 ? "per_" : "").append(time);
            if (timePower != 1) {
                sb.append(timePower);
            }
        }
        return sb.toString();
    }
}
