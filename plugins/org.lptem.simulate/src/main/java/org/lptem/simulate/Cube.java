package org.lptem.simulate;

/** A cube lying on a face: a square of edge a, a thick everywhere inside. Its orientation is an edge normal. */
final class Cube extends TurnedShape {
    private final double edgePx;
    private final double half;

    Cube(double edgePx, double angleRad) {
        super(angleRad);
        this.edgePx = edgePx;
        this.half = edgePx / 2;
    }

    @Override
    double bodyThicknessPx(double u, double v) {
        return Math.abs(u) < half && Math.abs(v) < half ? edgePx : 0;
    }

    /** Exact Euclidean distance to the square's outline. */
    @Override
    double bodySignedDistancePx(double u, double v) {
        double qu = Math.abs(u) - half;
        double qv = Math.abs(v) - half;
        double outside = Math.hypot(Math.max(qu, 0), Math.max(qv, 0));
        return outside + Math.min(Math.max(qu, qv), 0);
    }

    @Override
    double symmetryDeg() {
        return 90;
    }

    @Override
    public double boundingRadiusPx() {
        return half * Math.sqrt(2);
    }

    @Override
    public double areaPx2() {
        return edgePx * edgePx;
    }

    @Override
    public double majorAxisPx() {
        return edgePx;
    }

    @Override
    public double minorAxisPx() {
        return edgePx;
    }

    @Override
    public double maxThicknessPx() {
        return edgePx;
    }

    @Override
    public ParticleShape rotatedTo(double angleRad) {
        return new Cube(edgePx, angleRad);
    }
}
