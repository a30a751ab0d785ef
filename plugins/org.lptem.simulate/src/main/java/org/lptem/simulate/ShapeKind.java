package org.lptem.simulate;

import java.util.Arrays;
import java.util.Locale;
import org.lptem.core.LptemException;

/**
 * The 3D particle shapes the simulator renders, each lying flat on the window (the orientation a settled particle
 * takes) with a random in-plane angle. Sizes come from {@link SimulationSettings}: {@code particleRadiusNm} (sphere
 * radius, rod cross-section radius), {@code particleLengthNm} (rod tip to tip, prism and cube edge) and
 * {@code prismThicknessNm}.
 */
public enum ShapeKind {
    /** Radius {@code particleRadiusNm}. */
    SPHERE,
    /** Spherocylinder: radius {@code particleRadiusNm}, length {@code particleLengthNm} including both caps. */
    ROD,
    /** Equilateral triangular plate: edge {@code particleLengthNm}, thickness {@code prismThicknessNm}. */
    PRISM,
    /** Cube lying on a face: edge {@code particleLengthNm}. */
    CUBE;

    /** The name used on the command line and in metadata: lower case. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A particle of this kind with every size of the settings times {@code scale}, at angle 0. */
    ParticleShape create(SimulationSettings s, double scale) {
        double nmPerPx = s.nmPerPixel();
        return switch (this) {
            case SPHERE -> new Sphere(s.particleRadiusNm() * scale / nmPerPx);
            case ROD -> new Rod(s.particleRadiusNm() * scale / nmPerPx, s.particleLengthNm() * scale / nmPerPx, 0);
            case PRISM -> new TriangularPrism(s.particleLengthNm() * scale / nmPerPx,
                    s.prismThicknessNm() * scale / nmPerPx, 0);
            case CUBE -> new Cube(s.particleLengthNm() * scale / nmPerPx, 0);
        };
    }

    public static ShapeKind parse(String text) {
        for (ShapeKind k : values()) {
            if (k.key().equalsIgnoreCase(text.trim())) {
                return k;
            }
        }
        throw new LptemException("shape must be one of " + Arrays.stream(values()).map(ShapeKind::key).toList()
                + ", got '" + text + "'");
    }
}
