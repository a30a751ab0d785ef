package org.lptem.track;

import java.util.ArrayList;
import java.util.List;
import org.lptem.core.Detection;
import org.lptem.core.Progress;
import org.lptem.core.Track;

/**
 * The linking benchmark behind {@code lptem bench-tracking}: accuracy of each linker on simulated scenarios, and
 * linking speed from 10^4 to 10^6 detections. Scenario sizes are in units of the mean nearest-neighbour distance
 * (NN) of the particles, so difficulty does not depend on the image size.
 */
public final class TrackingBenchmark {
    private TrackingBenchmark() {
    }

    /** A simulated scene and the search radius that suits it (4 sigma of the step, plus the directed speed). */
    public record Scenario(String name, TrackingScenario.Settings settings, double maxDistancePx) {
    }

    /** The linkers compared: nearest neighbour (greedy), LAP from the last position, LAP with Kalman prediction. */
    public static final List<String> LINKERS = List.of("nn", "lap", "kalman");

    public record AccuracyRow(String scenario, String linker, TrackingScores scores, double seconds) {
    }

    /**
     * @param detections number of detections linked
     * @param firstSeconds for the largest set, its first run in a fresh JVM (which includes compiling the code);
     *     for the others, the first timed run
     * @param bestSeconds the fastest of the repeats
     */
    public record SpeedRow(int particles, int frames, int detections, double firstSeconds, double bestSeconds) {
        /** Microseconds per detection of the fastest run. */
        public double microsPerDetection() {
            return 1e6 * bestSeconds / detections;
        }
    }

    /**
     * Brownian (steps of 0.05 and 0.3 NN, the acceptance scenes), directed (0.3 NN/frame plus 0.05 NN of
     * diffusion) and switching (the same, toggling between the two modes): RMS steps, 2% missed detections.
     */
    public static List<Scenario> scenarios(int particles, int frames, double size, double noisePx, long seed) {
        double nn = TrackingScenario.expectedNearestNeighbourDistance(particles, size, size);
        List<Scenario> out = new ArrayList<>();
        for (double step : new double[] {0.05, 0.3}) {
            out.add(new Scenario("brownian-" + step, new TrackingScenario.Settings(particles, frames, size, size,
                    TrackingScenario.Motion.BROWNIAN, step * nn, 0, noisePx, 0.02, 0, seed),
                    4 * step * nn / Math.sqrt(2)));
        }
        for (TrackingScenario.Motion m : List.of(TrackingScenario.Motion.DIRECTED,
                TrackingScenario.Motion.SWITCHING)) {
            out.add(new Scenario(m.name().toLowerCase(java.util.Locale.ROOT), new TrackingScenario.Settings(
                    particles, frames, size, size, m, 0.05 * nn, 0.3 * nn, noisePx, 0.02, 0, seed),
                    0.3 * nn + 4 * 0.05 * nn / Math.sqrt(2)));
        }
        return out;
    }

    /** The named linker for a scenario (gaps of up to 2 frames for all). */
    public static Linker linker(String name, double maxDistancePx) {
        return switch (name) {
            case "nn" -> new NearestNeighbourLinker(maxDistancePx, 2);
            case "lap" -> new LapLinker(LapSettings.builder(maxDistancePx).maxGap(2).build());
            case "kalman" -> new LapLinker(LapSettings.builder(maxDistancePx).maxGap(2)
                    .motion(MotionPrediction.KALMAN).build());
            default -> throw new IllegalArgumentException("unknown linker " + name);
        };
    }

    public static List<AccuracyRow> accuracy(List<Scenario> scenarios, double gatePx, Progress progress) {
        List<AccuracyRow> rows = new ArrayList<>();
        int done = 0;
        for (Scenario s : scenarios) {
            TrackingScenario.Data data = new TrackingScenario(s.settings()).generate();
            for (String name : LINKERS) {
                progress.checkCanceled();
                progress.report((double) done++ / (scenarios.size() * LINKERS.size()), s.name() + ", " + name);
                long t0 = System.nanoTime();
                List<Track> tracks = linker(name, s.maxDistancePx()).link(data.detections(), Progress.NONE);
                double seconds = (System.nanoTime() - t0) / 1e9;
                rows.add(new AccuracyRow(s.name(), name, TrackingScores.of(data.truth(), tracks, gatePx), seconds));
            }
        }
        progress.report(1, "scored");
        return rows;
    }

    /**
     * Links {@code particles} Brownian particles (RMS step 0.1 NN, 0.3 px noise, 2% missed, 1024 x 1024 px) over
     * each number of frames with the LAP linker and gap closing (up to 2 missed frames), search radius 1.1 NN.
     * The largest set is linked first, so its first time is that of a fresh JVM (code not yet compiled); then every
     * set is linked once more to finish compiling, and timed {@code repeats} times (more for small sets, whose
     * times are short and noisy), keeping the fastest.
     */
    public static List<SpeedRow> speed(int particles, int[] frameCounts, int repeats, long seed, Progress progress) {
        double nn = TrackingScenario.expectedNearestNeighbourDistance(particles, 1024, 1024);
        LapLinker linker = new LapLinker(LapSettings.builder(1.1 * nn).maxGap(2).build());
        int n = frameCounts.length;
        int largest = 0;
        for (int k = 1; k < n; k++) {
            largest = frameCounts[k] > frameCounts[largest] ? k : largest;
        }
        List<List<Detection>> sets = new ArrayList<>();
        for (int frames : frameCounts) {
            sets.add(new TrackingScenario(TrackingScenario.brownian(particles, frames, 1024, 0.1 * nn, seed))
                    .generate().detections());
        }
        progress.report(0.1, "first run, " + sets.get(largest).size() + " detections");
        double cold = time(linker, sets.get(largest));
        for (List<Detection> set : sets) {
            progress.checkCanceled();
            time(linker, set);
        }
        SpeedRow[] rows = new SpeedRow[n];
        for (int k = 0; k < n; k++) {
            progress.checkCanceled();
            progress.report(0.2 + 0.8 * k / n, particles + " particles x " + frameCounts[k] + " frames");
            int runs = Math.max(1, repeats) * (int) Math.min(20, Math.max(1, frameCounts[largest] / frameCounts[k]));
            double first = Double.NaN;
            double best = Double.POSITIVE_INFINITY;
            for (int r = 0; r < runs; r++) {
                double seconds = time(linker, sets.get(k));
                first = r == 0 ? seconds : first;
                best = Math.min(best, seconds);
            }
            rows[k] = new SpeedRow(particles, frameCounts[k], sets.get(k).size(), k == largest ? cold : first, best);
        }
        progress.report(1, "timed");
        return List.of(rows);
    }

    private static double time(LapLinker linker, List<Detection> detections) {
        long t0 = System.nanoTime();
        linker.link(detections, Progress.NONE);
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Exponent b of time ~ detections^b between the smallest and largest run (1 is linear). */
    public static double scalingExponent(List<SpeedRow> rows) {
        SpeedRow a = rows.get(0);
        SpeedRow b = rows.get(rows.size() - 1);
        return Math.log(b.bestSeconds() / a.bestSeconds()) / Math.log((double) b.detections() / a.detections());
    }
}
