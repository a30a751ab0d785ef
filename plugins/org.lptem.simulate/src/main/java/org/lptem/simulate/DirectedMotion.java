package org.lptem.simulate;

/** Brownian motion carried by a constant velocity whose direction is drawn once per particle (a flow, a gradient). */
final class DirectedMotion implements MotionModel {
    private final double stepSigmaPx;
    private final double speedPxPerFrame;

    DirectedMotion(double stepSigmaPx, double speedPxPerFrame) {
        this.stepSigmaPx = stepSigmaPx;
        this.speedPxPerFrame = speedPxPerFrame;
    }

    @Override
    public void increments(SplitMix64 rng, double[] dx, double[] dy) {
        double angle = 2 * Math.PI * rng.nextDouble();
        double vx = speedPxPerFrame * Math.cos(angle);
        double vy = speedPxPerFrame * Math.sin(angle);
        for (int k = 0; k < dx.length; k++) {
            dx[k] = vx + stepSigmaPx * rng.nextGaussian();
            dy[k] = vy + stepSigmaPx * rng.nextGaussian();
        }
    }
}
