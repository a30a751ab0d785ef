package org.lptem.simulate;

import java.util.Locale;

/**
 * Rendering speed on one thread: frames per second for the {@link SimulationPreset#ROD_1024} set-up (1024 x 1024,
 * shot noise, detector blur) with ten rods. Run as {@code java -cp ... org.lptem.simulate.SimulationBench [frames]}
 * or {@code lptem simulate --bench}; for the one-core figure pin the JVM to one core and keep the collector on it
 * too ({@code taskset -c 0 java -XX:+UseSerialGC ...}). On a shared machine the best of the rounds is the figure
 * least disturbed by other work.
 */
public final class SimulationBench {
    public static final int PARTICLES = 10;
    public static final int ROUNDS = 3;

    private SimulationBench() {
    }

    /** The benchmark's set-up: rod-1024 with {@value #PARTICLES} rods and enough frames. */
    public static SimulationSettings settings(int frames) {
        return SimulationPreset.ROD_1024.settings().toBuilder().particles(PARTICLES).frames(Math.max(frames, 1))
                .build();
    }

    /** Renders {@code warmUp} frames untimed (the JIT compiles), then {@code frames} timed; returns frames/s. */
    public static double framesPerSecond(SimulationSettings s, int warmUp, int frames) {
        SimulatedVideo video = new SimulatedVideo(s);
        for (int f = 0; f < warmUp; f++) {
            video.frame(f % video.frameCount());
        }
        long start = System.nanoTime();
        for (int f = 0; f < frames; f++) {
            video.frame(f % video.frameCount());
        }
        return frames / ((System.nanoTime() - start) / 1e9);
    }

    /** One line: what was rendered and how fast, the best of {@value #ROUNDS} rounds and each round. */
    public static String report(int frames) {
        SimulationSettings s = settings(frames);
        double best = 0;
        StringBuilder rounds = new StringBuilder();
        for (int r = 0; r < ROUNDS; r++) {
            double fps = framesPerSecond(s, r == 0 ? Math.min(frames, 30) : 0, frames);
            best = Math.max(best, fps);
            rounds.append(r == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", fps));
        }
        return String.format(Locale.ROOT, "%d x %d, %d rods, %d frames: %.1f frames/s on one thread (best of "
                + "rounds %s)", s.width(), s.height(), s.particles(), frames, best, rounds);
    }

    public static void main(String[] args) {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        System.out.println(report(frames));
    }
}
