package org.lptem.simulate;

/**
 * An equilateral triangular plate lying flat (the nanoprisms of LPTEM growth studies): uniform thickness inside a
 * triangle of edge a whose centroid is the particle's centre and whose first vertex points along the orientation.
 */
final class TriangularPrism extends TurnedShape {
    private static final double SQRT3 = Math.sqrt(3);
    /** Outward normals of the three edges in the particle's frame: the edges face away from the vertices. */
    private static final double[] NORMAL_U = {Math.cos(Math.PI), Math.cos(Math.PI / 3), Math.cos(-Math.PI / 3)};
    private static final double[] NORMAL_V = {Math.sin(Math.PI), Math.sin(Math.PI / 3), Math.sin(-Math.PI / 3)};

    private final double edgePx;
    private final double thicknessPx;
    private final double inradius;

    TriangularPrism(double edgePx, double thicknessPx, double angleRad) {
        super(angleRad);
        this.edgePx = edgePx;
        this.thicknessPx = thicknessPx;
        this.inradius = edgePx / (2 * SQRT3);
    }

    @Override
    double bodyThicknessPx(double u, double v) {
        return bodySignedDistancePx(u, v) < 0 ? thicknessPx : 0;
    }

    /** The largest signed distance to the three edge lines: exact inside, a lower bound beyond the vertices. */
    @Override
    double bodySignedDistancePx(double u, double v) {
        double d = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < 3; i++) {
            d = Math.max(d, u * NORMAL_U[i] + v * NORMAL_V[i]);
        }
        return d - inradius;
    }

    @Override
    double symmetryDeg() {
        return 120;
    }

    @Override
    public double boundingRadiusPx() {
        return edgePx / SQRT3;
    }

    @Override
    public double areaPx2() {
        return SQRT3 / 4 * edgePx * edgePx;
    }

    @Override
    public double majorAxisPx() {
        return edgePx;
    }

    @Override
    public double minorAxisPx() {
        return SQRT3 / 2 * edgePx;
    }

    @Override
    public double maxThicknessPx() {
        return thicknessPx;
    }

    @Override
    public ParticleShape rotatedTo(double angleRad) {
        return new TriangularPrism(edgePx, thicknessPx, angleRad);
    }
}
