package org.lptem.leonardo;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.lptem.core.Calibration;
import org.lptem.core.LptemException;

/**
 * What normalisation throws away and generation needs back: the empirical distribution of the windows' extents
 * (px) and the table's calibration, so that generated trajectories come out in px, and in nm and s when the
 * training table was calibrated. Generation draws an extent independently of the shape, as the published model
 * does.
 *
 * @param extentsPx sorted extents, at most {@link #MAX_STORED} (evenly spaced quantiles of larger sets)
 * @param calibration of the training table
 */
public record ScaleDistribution(double[] extentsPx, Calibration calibration) {
    public static final int MAX_STORED = 20_000;

    public ScaleDistribution {
        if (extentsPx.length == 0) {
            throw new LptemException("a scale distribution needs at least one extent");
        }
        extentsPx = extentsPx.clone();
        Arrays.sort(extentsPx);
        for (double e : extentsPx) {
            if (!(e > 0) || !Double.isFinite(e)) {
                throw new LptemException("window extents must be positive and finite, got " + e);
            }
        }
    }

    public static ScaleDistribution of(List<Window> windows, Calibration calibration) {
        double[] all = windows.stream().mapToDouble(Window::extentPx).sorted().toArray();
        if (all.length <= MAX_STORED) {
            return new ScaleDistribution(all, calibration);
        }
        double[] q = new double[MAX_STORED];
        for (int i = 0; i < q.length; i++) {
            q[i] = all[(int) Math.round(i * (all.length - 1.0) / (q.length - 1))];
        }
        return new ScaleDistribution(q, calibration);
    }

    public double sample(RandomGenerator random) {
        return extentsPx[random.nextInt(extentsPx.length)];
    }

    public double median() {
        return extentsPx[(extentsPx.length - 1) / 2];
    }
}
