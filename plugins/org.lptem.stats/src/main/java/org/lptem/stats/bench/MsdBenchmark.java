package org.lptem.stats.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.lptem.stats.MsdCurve;
import org.lptem.stats.TimeAveragedMsd;
import org.lptem.stats.TrackSeries;

/**
 * Times the all-lag time-averaged MSD on one thread: 10,000 Brownian tracks x 1,000 frames, complete and with 2% of
 * the frames missing (the target: 1.5 s each). Run with
 * {@code java -cp <stats classes>:<core jar> org.lptem.stats.bench.MsdBenchmark [tracks] [frames] [repeats]}.
 * Tracks are generated first and not timed; each configuration is run once to warm up the JIT, then timed. Both
 * wall-clock time and the thread's CPU time are printed: on a shared machine the CPU time is the fairer figure.
 */
public final class MsdBenchmark {
    private MsdBenchmark() {
    }

    public static void main(String[] args) {
        int tracks = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        for (double missing : new double[] {0, 0.02}) {
            List<TrackSeries> set = generate(tracks, frames, missing, 42);
            long points = set.stream().mapToLong(TrackSeries::size).sum();
            run(set, frames - 1); // warm-up
            double[] seconds = new double[repeats];
            double[] cpu = new double[repeats];
            double checksum = 0;
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int r = 0; r < repeats; r++) {
                long start = System.nanoTime();
                long startCpu = threads.getCurrentThreadCpuTime();
                checksum = run(set, frames - 1);
                seconds[r] = (System.nanoTime() - start) / 1e9;
                cpu[r] = (threads.getCurrentThreadCpuTime() - startCpu) / 1e9;
            }
            Arrays.sort(seconds);
            Arrays.sort(cpu);
            System.out.printf(Locale.ROOT, "%d tracks x %d frames, %.0f%% frames missing (%d points), all %d lags: "
                    + "wall best %.3f s, median %.3f s; CPU best %.3f s, median %.3f s (checksum %.6e)%n", tracks,
                    frames, 100 * missing, points, frames - 1, seconds[0], seconds[repeats / 2], cpu[0],
                    cpu[repeats / 2], checksum);
        }
    }

    private static double run(List<TrackSeries> tracks, int maxLag) {
        TimeAveragedMsd msd = new TimeAveragedMsd();
        double checksum = 0;
        for (TrackSeries t : tracks) {
            MsdCurve c = msd.compute(t, maxLag);
            checksum += c.msd(0);
        }
        return checksum;
    }

    /** Brownian tracks (unit step per axis) without {@code missing} of their inner frames, chosen at random. */
    static List<TrackSeries> generate(int tracks, int frames, double missing, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<TrackSeries> out = new ArrayList<>(tracks);
        for (int t = 0; t < tracks; t++) {
            int[] f = new int[frames];
            double[] x = new double[frames];
            double[] y = new double[frames];
            int n = 0;
            double px = 500 * random.nextDouble();
            double py = 500 * random.nextDouble();
            for (int i = 0; i < frames; i++) {
                px += random.nextGaussian();
                py += random.nextGaussian();
                if (i == 0 || i == frames - 1 || random.nextDouble() >= missing) {
                    f[n] = i;
                    x[n] = px;
                    y[n] = py;
                    n++;
                }
            }
            out.add(new TrackSeries(t + 1, Arrays.copyOf(f, n), Arrays.copyOf(x, n), Arrays.copyOf(y, n)));
        }
        return out;
    }
}
