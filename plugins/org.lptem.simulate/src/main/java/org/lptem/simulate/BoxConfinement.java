package org.lptem.simulate;

/**
 * Brownian motion in a square box of side L with reflecting walls. Folding a Gaussian step back into the box is
 * the exact transition of reflected Brownian motion, however large the step. The particle starts uniformly in the
 * box (its stationary distribution), so the MSD plateaus at 2 x 2 L^2 / 12 = L^2 / 3.
 */
final class BoxConfinement implements MotionModel {
    private final double stepSigmaPx;
    private final double half;

    BoxConfinement(double stepSigmaPx, double sidePx) {
        this.stepSigmaPx = stepSigmaPx;
        this.half = sidePx / 2;
    }

    @Override
    public void increments(SplitMix64 rng, double[] dx, double[] dy) {
        double x = half * (2 * rng.nextDouble() - 1);
        double y = half * (2 * rng.nextDouble() - 1);
        for (int k = 0; k < dx.length; k++) {
            double nx = Trajectories.reflect(x + stepSigmaPx * rng.nextGaussian(), -half, half);
            double ny = Trajectories.reflect(y + stepSigmaPx * rng.nextGaussian(), -half, half);
            dx[k] = nx - x;
            dy[k] = ny - y;
            x = nx;
            y = ny;
        }
    }
}
