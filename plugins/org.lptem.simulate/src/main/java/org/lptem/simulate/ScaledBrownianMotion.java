package org.lptem.simulate;

/**
 * Scaled Brownian motion: Brownian motion with a time-dependent coefficient D(t) ~ t^(alpha-1), so that the
 * displacement from frame 0 has MSD(n) = 4 K (n dt)^alpha exactly. Increments are independent but not stationary.
 */
final class ScaledBrownianMotion implements MotionModel {
    private final double alpha;
    private final double sigmaPx;

    ScaledBrownianMotion(double alpha, double sigmaPx) {
        this.alpha = alpha;
        this.sigmaPx = sigmaPx;
    }

    @Override
    public void increments(SplitMix64 rng, double[] dx, double[] dy) {
        for (int k = 0; k < dx.length; k++) {
            double s = sigmaPx * Math.sqrt(Math.pow(k + 1, alpha) - Math.pow(k, alpha));
            dx[k] = s * rng.nextGaussian();
            dy[k] = s * rng.nextGaussian();
        }
    }
}
