package org.lptem.track;

import org.lptem.core.Detection;
import org.lptem.core.LptemException;

/**
 * Weights that make links between unlike detections dearer: a link's distance is multiplied by
 * {@code 1 + wArea * dArea + wIntensity * dIntensity + wOrientation * dOrientation}, where {@code dArea} and
 * {@code dIntensity} are relative differences {@code |a - b| / max(a, b)} (0..1) and {@code dOrientation} is the
 * angle between the major axes over 90 degrees (0..1, orientations taken modulo 180). A feature that either detection
 * lacks (NaN) adds nothing, so tables without shape columns link on distance alone.
 */
public record FeaturePenalties(double area, double intensity, double orientation) {
    public static final FeaturePenalties NONE = new FeaturePenalties(0, 0, 0);

    public FeaturePenalties {
        check("area", area);
        check("intensity", intensity);
        check("orientation", orientation);
    }

    private static void check(String what, double w) {
        if (!(w >= 0) || Double.isInfinite(w)) {
            throw new LptemException(what + " penalty weight must be a finite number >= 0, got " + w);
        }
    }

    public boolean isNone() {
        return area == 0 && intensity == 0 && orientation == 0;
    }

    /** The factor (>= 1) applied to the distance between {@code a} and {@code b}. */
    public double factor(Detection a, Detection b) {
        double f = 1;
        if (area > 0) {
            f += area * relativeDifference(a.area(), b.area());
        }
        if (intensity > 0) {
            f += intensity * relativeDifference(a.meanIntensity(), b.meanIntensity());
        }
        if (orientation > 0) {
            f += orientation * axisAngle(a.orientationDeg(), b.orientationDeg()) / 90;
        }
        return f;
    }

    private static double relativeDifference(double a, double b) {
        double max = Math.max(Math.abs(a), Math.abs(b));
        return Double.isNaN(a) || Double.isNaN(b) || max == 0 ? 0 : Math.abs(a - b) / max;
    }

    /** Angle between two axes, degrees in [0, 90]. */
    static double axisAngle(double aDeg, double bDeg) {
        if (Double.isNaN(aDeg) || Double.isNaN(bDeg)) {
            return 0;
        }
        double d = Math.abs(aDeg - bDeg) % 180;
        return d > 90 ? 180 - d : d;
    }
}
