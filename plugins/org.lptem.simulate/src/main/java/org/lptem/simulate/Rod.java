package org.lptem.simulate;

/**
 * A spherocylinder lying flat: a cylinder of radius r closed by two hemispheres, length L tip to tip. At distance d
 * from its axis segment the beam crosses 2 sqrt(r^2 - d^2) of it, on the cylinder as on the caps.
 */
final class Rod extends TurnedShape {
    private final double radiusPx;
    private final double lengthPx;
    private final double halfSegment;

    Rod(double radiusPx, double lengthPx, double angleRad) {
        super(angleRad);
        this.radiusPx = radiusPx;
        this.lengthPx = lengthPx;
        this.halfSegment = lengthPx / 2 - radiusPx;
    }

    private double axisDistance(double u, double v) {
        double along = Math.max(0, Math.abs(u) - halfSegment);
        return Math.sqrt(along * along + v * v);
    }

    @Override
    double bodyThicknessPx(double u, double v) {
        double along = Math.max(0, Math.abs(u) - halfSegment);
        double h = radiusPx * radiusPx - along * along - v * v;
        return h > 0 ? 2 * Math.sqrt(h) : 0;
    }

    @Override
    double bodySignedDistancePx(double u, double v) {
        return axisDistance(u, v) - radiusPx;
    }

    @Override
    double symmetryDeg() {
        return 180;
    }

    @Override
    public double boundingRadiusPx() {
        return lengthPx / 2;
    }

    @Override
    public double areaPx2() {
        return Math.PI * radiusPx * radiusPx + 2 * halfSegment * 2 * radiusPx;
    }

    @Override
    public double majorAxisPx() {
        return lengthPx;
    }

    @Override
    public double minorAxisPx() {
        return 2 * radiusPx;
    }

    @Override
    public double maxThicknessPx() {
        return 2 * radiusPx;
    }

    @Override
    public ParticleShape rotatedTo(double angleRad) {
        return new Rod(radiusPx, lengthPx, angleRad);
    }
}
