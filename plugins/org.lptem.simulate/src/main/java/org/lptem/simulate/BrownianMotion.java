package org.lptem.simulate;

/** Free 2D Brownian motion: independent normal steps of variance 2 D dt per axis, so MSD(n) = 4 D n dt. */
final class BrownianMotion implements MotionModel {
    private final double stepSigmaPx;

    BrownianMotion(double stepSigmaPx) {
        this.stepSigmaPx = stepSigmaPx;
    }

    @Override
    public void increments(SplitMix64 rng, double[] dx, double[] dy) {
        for (int k = 0; k < dx.length; k++) {
            dx[k] = stepSigmaPx * rng.nextGaussian();
            dy[k] = stepSigmaPx * rng.nextGaussian();
        }
    }
}
