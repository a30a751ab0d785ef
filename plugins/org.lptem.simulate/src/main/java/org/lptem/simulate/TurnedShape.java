package org.lptem.simulate;

/**
 * An outline with an in-plane orientation: subclasses describe the particle in its own frame (u along its
 * reference direction, v across) and this turns image offsets into that frame.
 */
abstract class TurnedShape implements ParticleShape {
    private final double angleRad;
    private final double cos;
    private final double sin;

    TurnedShape(double angleRad) {
        this.angleRad = angleRad;
        this.cos = Math.cos(angleRad);
        this.sin = Math.sin(angleRad);
    }

    /** Thickness at (u, v) in the particle's own frame, px. */
    abstract double bodyThicknessPx(double u, double v);

    /** Signed distance to the outline at (u, v) in the particle's own frame, px. */
    abstract double bodySignedDistancePx(double u, double v);

    /** Smallest turn that maps the outline onto itself, degrees. */
    abstract double symmetryDeg();

    @Override
    public final double thicknessPx(double dx, double dy) {
        return bodyThicknessPx(dx * cos + dy * sin, dy * cos - dx * sin);
    }

    @Override
    public final double signedDistancePx(double dx, double dy) {
        return bodySignedDistancePx(dx * cos + dy * sin, dy * cos - dx * sin);
    }

    @Override
    public final double orientationDeg() {
        return reduce(Math.toDegrees(angleRad), symmetryDeg());
    }

    @Override
    public final boolean anisotropic() {
        return true;
    }

    /** {@code deg} folded into (-period/2, period/2]. */
    static double reduce(double deg, double period) {
        double r = deg - period * Math.floor(deg / period);
        return r > period / 2 ? r - period : r;
    }
}
