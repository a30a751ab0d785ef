package org.lptem.simulate;

import org.lptem.core.LptemException;

/**
 * The true particle sizes, positions and orientations of a simulation, computed once for all frames (two or three
 * doubles per particle and frame) so that any frame can be rendered on its own. Out-of-focus distractors, which
 * the image shows but the ground truth leaves out, are kept here too.
 *
 * <p>Positions are in px, origin at the centre of the top-left pixel, y down, and are what the detector sees: the
 * particle's position in the liquid plus the stage drift accumulated since frame 0. Particles move inside
 * reflecting walls. Without a field margin the walls are placed so that every particle stays entirely inside the
 * field in every frame (its centre within [r - 0.5, size - 0.5 - r], the field's edges being the outer edges of the
 * border pixels, r its bounding radius); with a margin the liquid extends that far beyond the field and particles
 * leave and re-enter it, the stage drift carrying them too. Unless overlap avoidance is on, particles do not
 * interact once released and may overlap later on.
 */
public final class Trajectories {
    private static final int MAX_PLACEMENT_ATTEMPTS = 10_000;

    private final ParticleShape[] shapes;
    private final double[][] x;
    private final double[][] y;
    /** Unwrapped in-plane angle, rad, per particle and frame; null for particles that look the same at any angle. */
    private final double[][] angle;
    private final Sphere[] distractorShapes;
    private final double[][] distractorX;
    private final double[][] distractorY;
    private final int frames;
    private final int width;
    private final int height;

    private Trajectories(SimulationSettings s, ParticleShape[] shapes, double[][] x, double[][] y, double[][] angle,
            Sphere[] distractorShapes, double[][] distractorX, double[][] distractorY) {
        this.shapes = shapes;
        this.x = x;
        this.y = y;
        this.angle = angle;
        this.distractorShapes = distractorShapes;
        this.distractorX = distractorX;
        this.distractorY = distractorY;
        this.frames = s.frames();
        this.width = s.width();
        this.height = s.height();
    }

    /** Draws sizes, start positions, orientations and trajectories of particles and distractors from the seed. */
    public static Trajectories simulate(SimulationSettings s) {
        int n = s.particles();
        ParticleShape[] shapes = drawShapes(s);
        double[][] lo = new double[n][];
        double[][] hi = new double[n][];
        for (int p = 0; p < n; p++) {
            double r = shapes[p].boundingRadiusPx();
            lo[p] = new double[] {low(s, r, s.driftXPxPerFrame()), low(s, r, s.driftYPxPerFrame())};
            hi[p] = new double[] {high(s, r, s.width(), s.driftXPxPerFrame()),
                    high(s, r, s.height(), s.driftYPxPerFrame())};
        }
        double[][] start = place(s, shapes, lo, hi);
        double[][] x = new double[n][];
        double[][] y = new double[n][];
        MotionModel motion = s.motion().create(s);
        for (int p = 0; p < n; p++) {
            // One stream per particle: adding particles or frames leaves the others' paths unchanged.
            double[][] xy = increments(motion, SplitMix64.stream(s.seed(), SplitMix64.MOTION, p), start[p],
                    s.frames());
            x[p] = xy[0];
            y[p] = xy[1];
        }
        integrate(x, y, shapes, lo, hi, s.avoidOverlap());
        double[][] angle = new double[n][];
        for (int p = 0; p < n; p++) {
            addDrift(s, x[p], y[p]);
            if (shapes[p].anisotropic()) {
                angle[p] = rotation(s, p);
            }
        }
        return withDistractors(s, shapes, x, y, angle);
    }

    private static Trajectories withDistractors(SimulationSettings s, ParticleShape[] shapes, double[][] x,
            double[][] y, double[][] angle) {
        int d = s.distractors();
        Sphere[] spheres = new Sphere[d];
        double[][] dxs = new double[d][];
        double[][] dys = new double[d][];
        SplitMix64 rng = SplitMix64.stream(s.seed(), SplitMix64.DISTRACTOR_PLACEMENT);
        MotionModel brownian = new BrownianMotion(s.stepSigmaPx());
        for (int i = 0; i < d; i++) {
            spheres[i] = new Sphere(s.particleRadiusPx() * sizeFactor(rng, s.radiusDispersity()));
            double r = spheres[i].radiusPx();
            // Distractors may sit partly outside the field: they only have to touch it.
            double[] lo = {-0.5 - r, -0.5 - r};
            double[] hi = {s.width() - 0.5 + r, s.height() - 0.5 + r};
            double[] start = {lo[0] + rng.nextDouble() * (hi[0] - lo[0]), lo[1] + rng.nextDouble() * (hi[1] - lo[1])};
            double[][] xy = increments(brownian, SplitMix64.stream(s.seed(), SplitMix64.DISTRACTOR_MOTION, i), start,
                    s.frames());
            integrate(new double[][] {xy[0]}, new double[][] {xy[1]}, new ParticleShape[] {spheres[i]},
                    new double[][] {lo}, new double[][] {hi}, false);
            addDrift(s, xy[0], xy[1]);
            dxs[i] = xy[0];
            dys[i] = xy[1];
        }
        return new Trajectories(s, shapes, x, y, angle, spheres, dxs, dys);
    }

    /** Position arrays holding the start at [0] and the increment into frame f at [f], to be integrated. */
    private static double[][] increments(MotionModel motion, SplitMix64 rng, double[] start, int frames) {
        double[] dx = new double[frames - 1];
        double[] dy = new double[frames - 1];
        motion.increments(rng, dx, dy);
        double[] x = new double[frames];
        double[] y = new double[frames];
        x[0] = start[0];
        y[0] = start[1];
        System.arraycopy(dx, 0, x, 1, frames - 1);
        System.arraycopy(dy, 0, y, 1, frames - 1);
        return new double[][] {x, y};
    }

    /**
     * Turns increments into positions inside the walls, frame by frame for all particles together, so that a step
     * that would bring two bounding circles into contact can be refused (the particle then stays put that frame).
     */
    private static void integrate(double[][] x, double[][] y, ParticleShape[] shapes, double[][] lo, double[][] hi,
            boolean avoidOverlap) {
        int n = x.length;
        int frames = n == 0 ? 0 : x[0].length;
        for (int f = 1; f < frames; f++) {
            for (int p = 0; p < n; p++) {
                double nx = reflect(x[p][f - 1] + x[p][f], lo[p][0], hi[p][0]);
                double ny = reflect(y[p][f - 1] + y[p][f], lo[p][1], hi[p][1]);
                if (avoidOverlap && touchesAnother(p, nx, ny, f, x, y, shapes)) {
                    nx = x[p][f - 1];
                    ny = y[p][f - 1];
                }
                x[p][f] = nx;
                y[p][f] = ny;
            }
        }
    }

    /** Particles before p have moved to frame f already, those after are still at f - 1. */
    private static boolean touchesAnother(int p, double cx, double cy, int f, double[][] x, double[][] y,
            ParticleShape[] shapes) {
        for (int q = 0; q < x.length; q++) {
            if (q == p) {
                continue;
            }
            int at = q < p ? f : f - 1;
            double min = shapes[p].boundingRadiusPx() + shapes[q].boundingRadiusPx();
            double dx = cx - x[q][at];
            double dy = cy - y[q][at];
            if (dx * dx + dy * dy < min * min) {
                return true;
            }
        }
        return false;
    }

    private static void addDrift(SimulationSettings s, double[] x, double[] y) {
        for (int f = 0; f < x.length; f++) {
            x[f] += s.driftXPxPerFrame() * f;
            y[f] += s.driftYPxPerFrame() * f;
        }
    }

    private static double[] rotation(SimulationSettings s, int p) {
        double[] a = new double[s.frames()];
        a[0] = 2 * Math.PI * SplitMix64.stream(s.seed(), SplitMix64.ORIENTATION, p).nextDouble();
        SplitMix64 rng = SplitMix64.stream(s.seed(), SplitMix64.ROTATION, p);
        double sigma = s.rotationStepSigmaRad();
        for (int f = 1; f < a.length; f++) {
            a[f] = a[f - 1] + sigma * rng.nextGaussian();
        }
        return a;
    }

    private static ParticleShape[] drawShapes(SimulationSettings s) {
        SplitMix64 rng = SplitMix64.stream(s.seed(), SplitMix64.RADII);
        ParticleShape[] shapes = new ParticleShape[s.particles()];
        for (int p = 0; p < shapes.length; p++) {
            shapes[p] = s.shape().create(s, sizeFactor(rng, s.radiusDispersity()));
        }
        return shapes;
    }

    /** 1 + dispersity z, z a standard normal truncated at RADIUS_TRUNCATION_SIGMAS. */
    private static double sizeFactor(SplitMix64 rng, double dispersity) {
        double z;
        do {
            z = rng.nextGaussian();
        } while (Math.abs(z) > SimulationSettings.RADIUS_TRUNCATION_SIGMAS);
        return 1 + dispersity * z;
    }

    /**
     * Lowest allowed position in the liquid. Without a margin the stage will add drift * f at frame f, and the
     * observed centre must stay at or above r - 0.5 for every f, including the frame where drift has pushed it
     * furthest down. With a margin the liquid simply extends beyond the field.
     */
    private static double low(SimulationSettings s, double r, double drift) {
        if (s.fieldMarginPx() > 0) {
            return -0.5 - s.fieldMarginPx();
        }
        return r - 0.5 - Math.min(0, drift * (s.frames() - 1));
    }

    private static double high(SimulationSettings s, double r, int size, double drift) {
        if (s.fieldMarginPx() > 0) {
            return size - 0.5 + s.fieldMarginPx();
        }
        return size - 0.5 - r - Math.max(0, drift * (s.frames() - 1));
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

    /**
     * In-plane orientation of particle {@code particle} in frame {@code frame}, degrees, reduced by the shape's
     * symmetry (rods (-90, 90], prisms (-60, 60], cubes (-45, 45]); NaN for spheres.
     */
    public double angleDeg(int particle, int frame) {
        return shape(particle, frame).orientationDeg();
    }

    /** Unwrapped in-plane angle, rad (continuous across frames, for rotational MSD); 0 for spheres. */
    public double unwrappedAngleRad(int particle, int frame) {
        return angle[particle] == null ? 0 : angle[particle][frame];
    }

    /** Radius of particle {@code particle} (0-based): the distance from its centre to its farthest point, px. */
    public double radiusPx(int particle) {
        return shapes[particle].boundingRadiusPx();
    }

    /**
     * True when the particle's outline covers the centre of at least one pixel of the field in that frame (it may
     * still be hidden under another particle).
     */
    public boolean visible(int particle, int frame) {
        ParticleShape shape = shape(particle, frame);
        double cx = x[particle][frame];
        double cy = y[particle][frame];
        // The pixel nearest the centre settles most cases at once: every shape here contains its centre.
        long nearCol = Math.round(cx);
        long nearRow = Math.round(cy);
        if (nearCol >= 0 && nearCol < width && nearRow >= 0 && nearRow < height
                && shape.covers(nearCol - cx, nearRow - cy)) {
            return true;
        }
        double reach = shape.boundingRadiusPx();
        int c0 = Math.max(0, (int) Math.ceil(cx - reach));
        int c1 = Math.min(width - 1, (int) Math.floor(cx + reach));
        int r0 = Math.max(0, (int) Math.ceil(cy - reach));
        int r1 = Math.min(height - 1, (int) Math.floor(cy + reach));
        for (int row = r0; row <= r1; row++) {
            for (int col = c0; col <= c1; col++) {
                if (shape.covers(col - cx, row - cy)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The particle's shape at angle 0 (sizes only). */
    ParticleShape shape(int particle) {
        return shapes[particle];
    }

    /** The particle's shape turned to its orientation in {@code frame}. */
    ParticleShape shape(int particle, int frame) {
        return angle[particle] == null ? shapes[particle] : shapes[particle].rotatedTo(angle[particle][frame]);
    }

    /** The particle's shape turned to a (sub-frame) angle. */
    ParticleShape shapeAtAngle(int particle, double angleRad) {
        return shapes[particle].rotatedTo(angleRad);
    }

    /** Centre column at frame + s, s in [-0.5, 0.5] frames, along the straight path to the neighbouring frame. */
    double interpolatedX(int particle, int frame, double s) {
        return interpolate(x[particle], frame, s);
    }

    double interpolatedY(int particle, int frame, double s) {
        return interpolate(y[particle], frame, s);
    }

    double interpolatedAngle(int particle, int frame, double s) {
        return angle[particle] == null ? 0 : interpolate(angle[particle], frame, s);
    }

    /** At the first and last frame the one step there is extended beyond the video. */
    private static double interpolate(double[] v, int f, double s) {
        if (s == 0 || v.length == 1) {
            return v[f];
        }
        boolean forward = s > 0 ? f + 1 < v.length : f == 0;
        double slope = forward ? v[f + 1] - v[f] : v[f] - v[f - 1];
        return v[f] + s * slope;
    }

    int distractorCount() {
        return distractorShapes.length;
    }

    Sphere distractorShape(int i) {
        return distractorShapes[i];
    }

    double distractorX(int i, int frame) {
        return distractorX[i][frame];
    }

    double distractorY(int i, int frame) {
        return distractorY[i][frame];
    }
}
