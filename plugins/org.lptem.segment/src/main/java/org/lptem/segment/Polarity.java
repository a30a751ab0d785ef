package org.lptem.segment;

/**
 * Whether particles are darker or brighter than the liquid around them. In TEM bright field a particle scatters
 * electrons out of the aperture, so it is darker: {@link #DARK} is the default.
 */
public enum Polarity {
    DARK,
    BRIGHT;

    /** Whether a (smoothed) pixel value lies on the particle side of the threshold; NaN is never foreground. */
    public boolean isForeground(float value, double threshold) {
        return this == DARK ? value < threshold : value > threshold;
    }

    /** How far a region's mean lies from the background level in the direction particles go; negative if wrong way. */
    double contrast(double regionMean, double backgroundLevel) {
        return this == DARK ? backgroundLevel - regionMean : regionMean - backgroundLevel;
    }
}
