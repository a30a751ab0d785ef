package org.lptem.simulate;

/**
 * A continuous-time random walk: the particle rests for a Pareto time tau = (1 - U)^(-1/alpha) frames (at least
 * one; P(tau > t) = t^-alpha, with infinite mean for alpha <= 1), then jumps by a Gaussian step. A long rest
 * shows as a run of zero increments. Ensemble MSD ~ t^alpha; its prefactor depends on the frame interval, because
 * the clock is the frame ({@link MotionKind}).
 */
final class ContinuousTimeRandomWalk implements MotionModel {
    private final double alpha;
    private final double jumpSigmaPx;

    ContinuousTimeRandomWalk(double alpha, double jumpSigmaPx) {
        this.alpha = alpha;
        this.jumpSigmaPx = jumpSigmaPx;
    }

    static double waitingTime(SplitMix64 rng, double alpha) {
        return Math.pow(1 - rng.nextDouble(), -1 / alpha);
    }

    @Override
    public void increments(SplitMix64 rng, double[] dx, double[] dy) {
        double nextJump = waitingTime(rng, alpha);
        for (int k = 0; k < dx.length; k++) {
            double sx = 0;
            double sy = 0;
            while (nextJump <= k + 1) {
                sx += jumpSigmaPx * rng.nextGaussian();
                sy += jumpSigmaPx * rng.nextGaussian();
                nextJump += waitingTime(rng, alpha);
            }
            dx[k] = sx;
            dy[k] = sy;
        }
    }
}
