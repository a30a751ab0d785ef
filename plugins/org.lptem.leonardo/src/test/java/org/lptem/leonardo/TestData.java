package org.lptem.leonardo;

import java.util.ArrayList;
import java.util.List;
import org.lptem.core.Calibration;
import org.lptem.core.Progress;
import org.lptem.core.Track;
import org.lptem.simulate.SettingsKeys;
import org.lptem.simulate.SimulationSettings;
import org.lptem.simulate.TrajectoryExport;

/** Simulated fBm and CTRW trajectories and the tiny network the tests train. */
final class TestData {
    static final Calibration CALIBRATION = Calibration.of(0.5, 0.02);

    private TestData() {
    }

    static LeonardoConfig tiny() {
        return new LeonardoConfig(32, 4, 1, 2, 16, 32, 4, 32, 32);
    }

    /** {@code n} fBm (alpha 0.6) and {@code n} CTRW tracks of {@code length} frames; particle ids distinct. */
    static List<Track> mix(int n, int length, long seed) {
        List<Track> out = new ArrayList<>();
        for (String model : new String[] {"fbm", "ctrw"}) {
            SimulationSettings s = SettingsKeys.apply(SimulationSettings.demo(),
                    List.of("motion=" + model, "alpha=0.6", "seed=" + seed));
            for (Track t : TrajectoryExport.simulate(s, n, length)) {
                out.add(new Track(out.size() + 1, t.points()));
            }
        }
        return out;
    }

    static TrajectoryWindows windows(int n, int length, long seed) {
        return TrajectoryWindows.cut(mix(n, length, seed), CALIBRATION, length, length, Progress.NONE);
    }
}
