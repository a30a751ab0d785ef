package org.lptem.simulate;

import org.lptem.core.LptemException;

/**
 * The true particle sizes and positions of a simulation, computed once for all frames (two doubles per particle
 * and frame) so that any frame can be rendered on its own.
 *
 * <p>Positions are in px, origin at the centre of the top-left pixel, y down, and are what the detector sees: the
 * particle's position in the liquid plus the stage drift accumulated since frame 0. Particles move inside
 * reflecting walls placed so that every particle stays entirely inside the field in every frame (its centre within
 * [r - 0.5, size - 0.5 - r], the field's edges being the outer edges of the border pixels). Particles do not
 * interact once released: they may overlap later on.
 */
public final class Trajectories {
    private static final int MAX_PLACEMENT_ATTEMPTS = 10_000;

    private final ParticleShape[] shapes;
    private final double[][] x;
    private final double[][] y;
    private final int frames;

    private Trajectories(ParticleShape[] shapes, double[][] x, double[][] y, int frames) {
        this.shapes = shapes;
        this.x = x;
        this.y = y;
        this.frames = frames;
    }

    /** Draws sizes, non-overlapping start positions and Brownian trajectories from the settings' seed. */
    public static Trajectories simulate(SimulationSettings s) {
        int n = s.particles();
        int frames = s.frames();
        ParticleShape[] shapes = drawSpheres(s);
        double[][] lo = new double[n][];
        double[][] hi = new double[n][];
        for (int p = 0; p < n; p++) {
            double r = shapes[p].boundingRadiusPx();
            lo[p] = new double[] {worldLow(r, s.driftXPxPerFrame(), frames), worldLow(r, s.driftYPxPerFrame(), frames)};
            hi[p] = new double[] {worldHigh(r, s.width(), s.driftXPxPerFrame(), frames),
                    worldHigh(r, s.height(), s.driftYPxPerFrame(), frames)};
        }
        double[][] start = place(s, shapes, lo, hi);
        MotionModel motion = new BrownianMotion(s.stepSigmaPx());
        double[][] x = new double[n][frames];
        double[][] y = new double[n][frames];
        double[] dx = new double[frames - 1];
        double[] dy = new double[frames - 1];
        for (int p = 0; p < n; p++) {
            // One stream per particle: adding particles or frames leaves the others' paths unchanged.
            motion.increments(SplitMix64.stream(s.seed(), SplitMix64.MOTION, p), dx, dy);
            double wx = start[p][0];
            double wy = start[p][1];
            for (int f = 0; f < frames; f++) {
                if (f > 0) {
                    wx = reflect(wx + dx[f - 1], lo[p][0], hi[p][0]);
                    wy = reflect(wy + dy[f - 1], lo[p][1], hi[p][1]);
                }
                x[p][f] = wx + s.driftXPxPerFrame() * f;
                y[p][f] = wy + s.driftYPxPerFrame() * f;
            }
        }
        return new Trajectories(shapes, x, y, frames);
    }

    private static ParticleShape[] drawSpheres(SimulationSettings s) {
        SplitMix64 rng = SplitMix64.stream(s.seed(), SplitMix64.RADII);
        ParticleShape[] shapes = new ParticleShape[s.particles()];
        for (int p = 0; p < shapes.length; p++) {
            double z;
            do {
                z = rng.nextGaussian();
            } while (Math.abs(z) > SimulationSettings.RADIUS_TRUNCATION_SIGMAS);
            shapes[p] = new Sphere(s.particleRadiusPx() * (1 + s.radiusDispersity() * z));
        }
        return shapes;
    }

    /**
     * Lowest allowed position in the liquid: the stage will add drift * f at frame f, and the observed centre must
     * stay at or above r - 0.5 for every f, including the frame where drift has pushed it furthest down.
     */
    private static double worldLow(double r, double drift, int frames) {
        return r - 0.5 - Math.min(0, drift * (frames - 1));
    }

    private static double worldHigh(double r, int size, double drift, int frames) {
        return size - 0.5 - r - Math.max(0, drift * (frames - 1));
    }

    private static double[][] place(SimulationSettings s, ParticleShape[] shapes, double[][] lo, double[][] hi) {
        SplitMix64 rng = SplitMix64.stream(s.seed(), SplitMix64.PLACEMENT);
        double[][] start = new double[shapes.length][];
        for (int p = 0; p < shapes.length; p++) {
            for (int attempt = 0; start[p] == null; attempt++) {
                if (attempt == MAX_PLACEMENT_ATTEMPTS) {
                    throw new LptemException("could not place particle " + (p + 1) + " of " + shapes.length
                            + " in the " + s.width() + " x " + s.height() + " px field with centres "
                            + SimulationSettings.MIN_INITIAL_SEPARATION_RADII
                            + " radii apart: use fewer or smaller particles or a larger field");
                }
                double cx = lo[p][0] + rng.nextDouble() * (hi[p][0] - lo[p][0]);
                double cy = lo[p][1] + rng.nextDouble() * (hi[p][1] - lo[p][1]);
                if (farFromOthers(cx, cy, p, shapes, start)) {
                    start[p] = new double[] {cx, cy};
                }
            }
        }
        return start;
    }

    private static boolean farFromOthers(double cx, double cy, int p, ParticleShape[] shapes, double[][] start) {
        for (int q = 0; q < p; q++) {
            double min = SimulationSettings.MIN_INITIAL_SEPARATION_RADII / 2
                    * (shapes[p].boundingRadiusPx() + shapes[q].boundingRadiusPx());
            double ddx = cx - start[q][0];
            double ddy = cy - start[q][1];
            if (ddx * ddx + ddy * ddy < min * min) {
                return false;
            }
        }
        return true;
    }

    /** Folds v back into [lo, hi] as a mirror would, however many wall lengths the step overshot. */
    static double reflect(double v, double lo, double hi) {
        if (v >= lo && v <= hi) {
            return v;
        }
        double length = hi - lo;
        double m = (v - lo) % (2 * length);
        if (m < 0) {
            m += 2 * length;
        }
        return lo + (m <= length ? m : 2 * length - m);
    }

    public int particleCount() {
        return shapes.length;
    }

    public int frameCount() {
        return frames;
    }

    /** Centre column of particle {@code particle} (0-based) in frame {@code frame}, px. */
    public double x(int particle, int frame) {
        return x[particle][frame];
    }

    /** Centre row of particle {@code particle} (0-based) in frame {@code frame}, px. */
    public double y(int particle, int frame) {
        return y[particle][frame];
    }

    /** Radius of particle {@code particle} (0-based), px. */
    public double radiusPx(int particle) {
        return shapes[particle].boundingRadiusPx();
    }

    ParticleShape shape(int particle) {
        return shapes[particle];
    }
}
