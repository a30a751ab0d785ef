package org.lptem.simulate;

/**
 * Brownian motion in a harmonic trap (an Ornstein-Uhlenbeck process), sampled exactly: per axis
 * x' = x e^(-theta dt) + s sqrt(1 - e^(-2 theta dt)) N with stationary variance s^2 = L^2 / 2 (L = rms distance from
 * the trap centre) and theta = D / s^2. The particle starts in the stationary distribution about the trap centre,
 * so the MSD is stationary and plateaus at 2 L^2.
 */
final class HarmonicTrap implements MotionModel {
    private final double stationarySigma;
    private final double decay;
    private final double innovationSigma;

    /** @param stepSigmaPx free per-axis step sqrt(2 D dt) in px; @param rmsRadiusPx L in px */
    HarmonicTrap(double stepSigmaPx, double rmsRadiusPx) {
        this.stationarySigma = rmsRadiusPx / Math.sqrt(2);
        double thetaDt = stepSigmaPx * stepSigmaPx / 2 / (stationarySigma * stationarySigma);
        this.decay = Math.exp(-thetaDt);
        this.innovationSigma = stationarySigma * Math.sqrt(-Math.expm1(-2 * thetaDt));
    }

    @Override
    public void increments(SplitMix64 rng, double[] dx, double[] dy) {
        double x = stationarySigma * rng.nextGaussian();
        double y = stationarySigma * rng.nextGaussian();
        for (int k = 0; k < dx.length; k++) {
            double nx = decay * x + innovationSigma * rng.nextGaussian();
            double ny = decay * y + innovationSigma * rng.nextGaussian();
            dx[k] = nx - x;
            dy[k] = ny - y;
            x = nx;
            y = ny;
        }
    }
}
