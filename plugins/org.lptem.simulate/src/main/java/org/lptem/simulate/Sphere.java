package org.lptem.simulate;

/** A sphere: a disk in projection, 2 sqrt(R^2 - r^2) thick at distance r from its centre. */
final class Sphere implements ParticleShape {
    private final double radiusPx;

    Sphere(double radiusPx) {
        this.radiusPx = radiusPx;
    }

    double radiusPx() {
        return radiusPx;
    }

    @Override
    public double boundingRadiusPx() {
        return radiusPx;
    }

    @Override
    public double thicknessPx(double dx, double dy) {
        double h = radiusPx * radiusPx - dx * dx - dy * dy;
        return h > 0 ? 2 * Math.sqrt(h) : 0;
    }

    @Override
    public double signedDistancePx(double dx, double dy) {
        return Math.sqrt(dx * dx + dy * dy) - radiusPx;
    }

    @Override
    public double areaPx2() {
        return Math.PI * radiusPx * radiusPx;
    }

    @Override
    public double majorAxisPx() {
        return 2 * radiusPx;
    }

    @Override
    public double minorAxisPx() {
        return 2 * radiusPx;
    }

    @Override
    public double orientationDeg() {
        return Double.NaN;
    }

    @Override
    public double maxThicknessPx() {
        return 2 * radiusPx;
    }

    @Override
    public ParticleShape rotatedTo(double angleRad) {
        return this;
    }

    @Override
    public boolean anisotropic() {
        return false;
    }
}
