package org.lptem.simulate;

/**
 * The annealed transit time model (Massignan et al. 2014, as in the AnDi challenge): Brownian motion whose
 * coefficient D_i = D u^(1/sigma) (u uniform, so P(D_i) ~ D_i^(sigma-1)) holds for a time D_i^-gamma frames, then
 * is redrawn. With gamma = sigma / alpha in (sigma, sigma + 1) the MSD grows as t^alpha; sigma = min(1,
 * alpha / (2 (1 - alpha))) keeps gamma in that range for every alpha in (0, 1).
 */
final class AnnealedTransitTime implements MotionModel {
    private final double sigmaExponent;
    private final double gamma;
    private final double stepSigmaPx;

    AnnealedTransitTime(double alpha, double stepSigmaPx) {
        this.sigmaExponent = Math.min(1, alpha / (2 * (1 - alpha)));
        this.gamma = sigmaExponent / alpha;
        this.stepSigmaPx = stepSigmaPx;
    }

    @Override
    public void increments(SplitMix64 rng, double[] dx, double[] dy) {
        double relativeD = drawCoefficient(rng);
        double segmentEnd = Math.pow(relativeD, -gamma);
        for (int k = 0; k < dx.length; k++) {
            double t = k;
            double variance = 0;
            while (segmentEnd < k + 1) {
                variance += relativeD * (segmentEnd - t);
                t = segmentEnd;
                relativeD = drawCoefficient(rng);
                segmentEnd += Math.pow(relativeD, -gamma);
            }
            variance += relativeD * (k + 1 - t);
            double s = stepSigmaPx * Math.sqrt(variance);
            dx[k] = s * rng.nextGaussian();
            dy[k] = s * rng.nextGaussian();
        }
    }

    /** D_i / D in (0, 1]: 1 - U excludes zero, which would freeze the particle forever. */
    private double drawCoefficient(SplitMix64 rng) {
        return Math.pow(1 - rng.nextDouble(), 1 / sigmaExponent);
    }
}
