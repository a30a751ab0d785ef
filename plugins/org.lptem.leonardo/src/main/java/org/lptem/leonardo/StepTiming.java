package org.lptem.leonardo;

import java.util.List;
import org.lptem.core.LptemException;

/**
 * When a set of equally long trajectories moves, which the per-trajectory statistics of {@link TrajectoryStatistics}
 * cannot see (they do not change when a trajectory's steps are reordered in time or rotated). Each trajectory's
 * steps are scaled so that their squared lengths sum to 1; the profile is the mean scaled squared step per frame
 * (it sums to 1) and the shared motion is the squared length of the mean scaled step, summed over frames.
 *
 * <p>Independent trajectories of an isotropic process have a shared motion near 1/count and a profile that is flat
 * up to sampling noise (or shaped by the physics: a CTRW that ages moves most in its first frames). A generator
 * whose trajectories all jump at the same frames in the same direction has a shared motion near the fraction of
 * their motion those jumps carry; trajectories of the published LEONARDO decoder did (bundle README).
 *
 * @param profile mean scaled squared step per step (length - 1 values), sums to 1
 * @param sharedMotion sum over steps of the squared length of the mean scaled step, in [0, 1]
 * @param count trajectories that move (the others have no steps to scale and are left out); when 0, the profile
 *     and the shared motion are NaN
 */
public record StepTiming(double[] profile, double sharedMotion, int count) {

    /** The timing of trajectories given as interleaved positions {@code x0, y0, x1, y1, ...}, all equally long. */
    public static StepTiming of(List<double[]> xy) {
        if (xy.isEmpty()) {
            throw new LptemException("step timing needs at least one trajectory");
        }
        int steps = xy.get(0).length / 2 - 1;
        if (steps < 1) {
            throw new LptemException("step timing needs trajectories of at least 2 frames, got "
                    + xy.get(0).length / 2);
        }
        double[] profile = new double[steps];
        double[] meanX = new double[steps];
        double[] meanY = new double[steps];
        int count = 0;
        for (double[] p : xy) {
            if (p.length != 2 * (steps + 1)) {
                throw new LptemException("step timing needs equally long trajectories: " + (steps + 1) + " and "
                        + p.length / 2 + " frames");
            }
            double energy = 0;
            for (int t = 0; t < steps; t++) {
                double dx = p[2 * t + 2] - p[2 * t];
                double dy = p[2 * t + 3] - p[2 * t + 1];
                energy += dx * dx + dy * dy;
            }
            if (!(energy > 0) || !Double.isFinite(energy)) {
                continue;
            }
            double scale = 1 / Math.sqrt(energy);
            for (int t = 0; t < steps; t++) {
                double dx = (p[2 * t + 2] - p[2 * t]) * scale;
                double dy = (p[2 * t + 3] - p[2 * t + 1]) * scale;
                profile[t] += dx * dx + dy * dy;
                meanX[t] += dx;
                meanY[t] += dy;
            }
            count++;
        }
        if (count == 0) {
            // nothing to time (every trajectory still or not finite): the figures are undefined, not an error that
            // would stop an evaluation whose other statistics stand
            java.util.Arrays.fill(profile, Double.NaN);
            return new StepTiming(profile, Double.NaN, 0);
        }
        double shared = 0;
        for (int t = 0; t < steps; t++) {
            profile[t] /= count;
            double mx = meanX[t] / count;
            double my = meanY[t] / count;
            shared += mx * mx + my * my;
        }
        return new StepTiming(profile, shared, count);
    }

    /**
     * How alike two sets' trajectories step, pair by pair: the mean over pairs of the dot product of their scaled
     * steps (as for {@link #of}), in [-1, 1]. 1 when each second trajectory steps where and as its first does,
     * whatever its size; near 0 when their steps are unrelated. Pairs where either does not move count 0.
     */
    public static double agreement(List<double[]> a, List<double[]> b) {
        if (a.size() != b.size() || a.isEmpty()) {
            throw new LptemException("step agreement needs two equally large, non-empty sets, got " + a.size()
                    + " and " + b.size());
        }
        double sum = 0;
        for (int i = 0; i < a.size(); i++) {
            double[] p = a.get(i);
            double[] q = b.get(i);
            if (p.length != q.length) {
                throw new LptemException("step agreement needs equally long trajectories: " + p.length / 2
                        + " and " + q.length / 2 + " frames");
            }
            double dot = 0;
            double ep = 0;
            double eq = 0;
            for (int k = 2; k < p.length; k++) {
                double dp = p[k] - p[k - 2];
                double dq = q[k] - q[k - 2];
                dot += dp * dq;
                ep += dp * dp;
                eq += dq * dq;
            }
            if (ep > 0 && eq > 0 && Double.isFinite(dot)) {
                sum += dot / Math.sqrt(ep * eq);
            }
        }
        return sum / a.size();
    }

    /**
     * The total variation distance between two profiles (half their L1 distance): the share of step energy that
     * would have to move to other frames to turn one into the other, in [0, 1].
     */
    public double distance(StepTiming other) {
        if (other.profile.length != profile.length) {
            throw new LptemException("step timings of " + (profile.length + 1) + " and " + (other.profile.length + 1)
                    + " frames cannot be compared");
        }
        double sum = 0;
        for (int t = 0; t < profile.length; t++) {
            sum += Math.abs(profile[t] - other.profile[t]);
        }
        return sum / 2;
    }
}
