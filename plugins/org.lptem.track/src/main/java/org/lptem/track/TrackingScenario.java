package org.lptem.track;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.lptem.core.Detection;
import org.lptem.core.LptemException;
import org.lptem.core.Track;

/**
 * Simulated particle positions for testing and benchmarking linkers (the position-level counterpart of the
 * simulated videos): particles in a box with reflecting walls, moving by diffusion, directed motion, or switching
 * between the two (the Brownian, microtubule and receptor scenarios of Chenouard et al. 2014). Detections are the
 * true positions plus Gaussian localisation noise, each missed with a given probability; an optional drift moves
 * the whole field. The same seed gives the same scenario on every Java version ({@link Random} is specified).
 */
public final class TrackingScenario {
    public enum Motion {
        /** Free diffusion. */
        BROWNIAN,
        /** Constant speed in a fixed direction (reflected at the walls), plus diffusion. */
        DIRECTED,
        /** Switches between diffusion and directed motion with probability {@link #SWITCH_RATE} per frame. */
        SWITCHING
    }

    /** Per-frame probability of a SWITCHING particle changing mode. */
    public static final double SWITCH_RATE = 0.05;

    /** The ground truth (true positions, every frame) and what a detector reported. */
    public record Data(List<Track> truth, List<Detection> detections) {
    }

    private final Settings s;

    /**
     * @param stepPx root-mean-square length of the diffusive step per frame, {@code sqrt(<|dr|^2>)} (2D), px
     * @param speedPx speed of directed motion, px/frame
     * @param noisePx localisation error per axis, px
     * @param missRate probability that a detection is missed
     * @param driftPx drift of the field per frame in x and y, px
     */
    public record Settings(int particles, int frames, double width, double height, Motion motion,
            double stepPx, double speedPx, double noisePx, double missRate, double driftPx, long seed) {
        public Settings {
            if (particles < 0 || frames < 1 || !(width > 0) || !(height > 0) || !(stepPx >= 0)
                    || !(speedPx >= 0) || !(noisePx >= 0) || !(missRate >= 0 && missRate < 1)
                    || !Double.isFinite(driftPx)) {
                throw new LptemException("invalid scenario: " + particles + " particles, " + frames + " frames, "
                        + width + " x " + height + " px, step " + stepPx + ", speed " + speedPx + ", noise "
                        + noisePx + ", miss rate " + missRate + ", drift " + driftPx);
            }
        }
    }

    public TrackingScenario(Settings settings) {
        this.s = settings;
    }

    /** Brownian particles in {@code size x size} px, 0.3 px noise, 2% missed: the acceptance scenes. */
    public static Settings brownian(int particles, int frames, double size, double stepPx, long seed) {
        return new Settings(particles, frames, size, size, Motion.BROWNIAN, stepPx, 0, 0.3, 0.02, 0, seed);
    }

    /** Mean distance of a particle to its nearest neighbour for {@code n} uniform particles in the box, px. */
    public static double expectedNearestNeighbourDistance(int n, double width, double height) {
        return 0.5 * Math.sqrt(width * height / n);
    }

    public Data generate() {
        Random random = new Random(s.seed());
        int n = s.particles();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] heading = new double[n];
        boolean[] directed = new boolean[n];
        for (int p = 0; p < n; p++) {
            x[p] = s.width() * random.nextDouble();
            y[p] = s.height() * random.nextDouble();
            heading[p] = 2 * Math.PI * random.nextDouble();
            directed[p] = s.motion() == Motion.DIRECTED || s.motion() == Motion.SWITCHING && random.nextBoolean();
        }
        double sigma = s.stepPx() / Math.sqrt(2);
        List<List<Detection>> truth = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            truth.add(new ArrayList<>(s.frames()));
        }
        List<Detection> detections = new ArrayList<>();
        for (int f = 0; f < s.frames(); f++) {
            for (int p = 0; p < n; p++) {
                if (f > 0) {
                    if (s.motion() == Motion.SWITCHING && random.nextDouble() < SWITCH_RATE) {
                        directed[p] = !directed[p];
                        heading[p] = 2 * Math.PI * random.nextDouble();
                    }
                    double dx = sigma * random.nextGaussian();
                    double dy = sigma * random.nextGaussian();
                    if (directed[p]) {
                        dx += s.speedPx() * Math.cos(heading[p]);
                        dy += s.speedPx() * Math.sin(heading[p]);
                    }
                    double nx = x[p] + dx;
                    double ny = y[p] + dy;
                    // a directed particle turns back at a wall, like a ball
                    if (nx < 0 || nx > s.width()) {
                        heading[p] = Math.PI - heading[p];
                    }
                    if (ny < 0 || ny > s.height()) {
                        heading[p] = -heading[p];
                    }
                    x[p] = reflect(nx, s.width());
                    y[p] = reflect(ny, s.height());
                }
                double ox = x[p] + s.driftPx() * f;
                double oy = y[p] + s.driftPx() * f;
                truth.get(p).add(Detection.at(f, ox, oy));
                double mx = ox + s.noisePx() * random.nextGaussian();
                double my = oy + s.noisePx() * random.nextGaussian();
                if (random.nextDouble() >= s.missRate()) {
                    detections.add(Detection.at(f, mx, my));
                }
            }
        }
        List<Track> tracks = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            tracks.add(new Track(p + 1, truth.get(p)));
        }
        return new Data(tracks, detections);
    }

    private static double reflect(double v, double size) {
        double period = 2 * size;
        double m = ((v % period) + period) % period;
        return m <= size ? m : period - m;
    }
}
