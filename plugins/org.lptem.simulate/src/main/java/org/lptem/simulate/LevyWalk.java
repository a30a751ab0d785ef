package org.lptem.simulate;

/**
 * A Levy walk: straight flights at constant speed in uniformly random directions, each lasting a Pareto time of
 * tail exponent 3 - alpha (at least one frame), so that MSD ~ t^alpha for alpha in (1, 2). Positions are the exact
 * integral of the velocity at the frame times.
 */
final class LevyWalk implements MotionModel {
    private final double tailExponent;
    private final double speedPxPerFrame;

    LevyWalk(double alpha, double speedPxPerFrame) {
        this.tailExponent = 3 - alpha;
        this.speedPxPerFrame = speedPxPerFrame;
    }

    @Override
    public void increments(SplitMix64 rng, double[] dx, double[] dy) {
        double flightEnd = ContinuousTimeRandomWalk.waitingTime(rng, tailExponent);
        double angle = 2 * Math.PI * rng.nextDouble();
        for (int k = 0; k < dx.length; k++) {
            double t = k;
            double sx = 0;
            double sy = 0;
            while (flightEnd < k + 1) {
                sx += speedPxPerFrame * Math.cos(angle) * (flightEnd - t);
                sy += speedPxPerFrame * Math.sin(angle) * (flightEnd - t);
                t = flightEnd;
                flightEnd += ContinuousTimeRandomWalk.waitingTime(rng, tailExponent);
                angle = 2 * Math.PI * rng.nextDouble();
            }
            dx[k] = sx + speedPxPerFrame * Math.cos(angle) * (k + 1 - t);
            dy[k] = sy + speedPxPerFrame * Math.sin(angle) * (k + 1 - t);
        }
    }
}
