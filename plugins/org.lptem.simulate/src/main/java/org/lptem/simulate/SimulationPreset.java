package org.lptem.simulate;

import java.util.Arrays;
import java.util.Locale;
import org.lptem.core.LptemException;

/**
 * Named set-ups for benchmarks and demos, modelled on published synthetic LPTEM data (see the project's science
 * notes, sections 1 and 2). Each is a starting point: any parameter can be changed afterwards.
 */
public enum SimulationPreset {
    /** The small Brownian-spheres video of {@code lptem analyze --demo}. */
    DEMO("demo", "256 x 256, 60 frames, 8 gold spheres 28 nm across in Brownian motion, SNR ~3"),
    /**
     * One gold nanorod, 40 x 16 nm at 0.4 nm/px (100 x 40 px), in a harmonic trap with large jumps (rms 15 px per
     * axis per frame, rms 60 px from the trap centre) and rotating (rms 13 degrees per frame), imaged at a
     * per-pixel SNR of 0.9 with noise correlated over ~2 px, like the public synthetic rod example.
     */
    ROD_1024("rod-1024", "1024 x 1024, 50 frames, one confined rotating rod ~100 x 40 px, per-pixel SNR 0.9"),
    /** A 4.6 nm sphere (46 px) under 5 nm of water: the thin end of the published liquid-layer sweep. */
    THICKNESS_5NM("thickness-5nm", "512 x 512, 50 frames, one sphere 46 px across under 5 nm of liquid"),
    /** As {@link #THICKNESS_5NM} under 50 nm of water. */
    THICKNESS_50NM("thickness-50nm", "512 x 512, 50 frames, one sphere 46 px across under 50 nm of liquid"),
    /** As {@link #THICKNESS_5NM} under 150 nm of water. */
    THICKNESS_150NM("thickness-150nm", "512 x 512, 50 frames, one sphere 46 px across under 150 nm of liquid"),
    /**
     * A crowded field for trackers: 20 polydisperse spheres that avoid each other and wander in and out of view,
     * stage drift, an illumination gradient, dose flicker, read noise and six out-of-focus distractors, at a
     * per-pixel SNR of 1.5.
     */
    MULTI("multi", "512 x 512, 100 frames, 20 spheres entering and leaving, drift, gradient, distractors, SNR 1.5");

    private final String key;
    private final String description;

    SimulationPreset(String key, String description) {
        this.key = key;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    public SimulationSettings settings() {
        SimulationSettings demo = SimulationSettings.demo();
        return switch (this) {
            case DEMO -> demo;
            case ROD_1024 -> demo.toBuilder().size(1024, 1024).frames(50).particles(1).shape(ShapeKind.ROD)
                    .particleRadiusNm(8).particleLengthNm(40).radiusDispersity(0).nmPerPixel(0.4)
                    .secondsPerFrame(0.05).exposureS(0.05)
                    // rms 15 px per axis per frame: 2 D dt = (15 x 0.4 nm)^2
                    .diffusionNm2PerS(360).motion(MotionKind.HARMONIC).confinementNm(24)
                    .rotationalDiffusionRad2PerS(0.5).liquidThicknessNm(100).readNoiseCounts(0).detectorBlurPx(1)
                    .illuminationGradient(0).bitDepth(8).targetSnr(0.9).build();
            case THICKNESS_5NM -> thickness(5);
            case THICKNESS_50NM -> thickness(50);
            case THICKNESS_150NM -> thickness(150);
            case MULTI -> demo.toBuilder().size(512, 512).frames(100).particles(20).particleRadiusNm(12)
                    .radiusDispersity(0.15).nmPerPixel(2).secondsPerFrame(0.05).exposureS(0.05)
                    .diffusionNm2PerS(45).drift(0.05, 0.03).illuminationGradient(0.2).fieldMarginPx(20)
                    .avoidOverlap(true).distractors(6).distractorBlurPx(6).doseFluctuation(0.03).readNoiseCounts(2)
                    .detectorBlurPx(0.8).bitDepth(8).targetSnr(1.5).build();
        };
    }

    /**
     * The liquid-layer sweep: everything but the liquid fixed, so the SNR falls with thickness as the published
     * sweep's (about 0.8, 0.7 and 0.55 here). The dose rate of 800 e-/A^2/s at 0.1 nm/px is within the range of
     * high-resolution work and puts the 5 nm case near the top of its published SNR range.
     */
    private static SimulationSettings thickness(double liquidNm) {
        return SimulationSettings.demo().toBuilder().size(512, 512).frames(50).particles(1).shape(ShapeKind.SPHERE)
                .particleRadiusNm(2.3).radiusDispersity(0).nmPerPixel(0.1).secondsPerFrame(0.1).exposureS(0.1)
                .diffusionNm2PerS(0.2).liquidThicknessNm(liquidNm).doseRateElectronsPerA2PerS(800)
                .readNoiseCounts(0).detectorBlurPx(0.8).illuminationGradient(0).bitDepth(16).build();
    }

    public static SimulationPreset parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (SimulationPreset p : values()) {
            if (p.key.equals(t)) {
                return p;
            }
        }
        throw new LptemException("unknown preset '" + text + "'; the presets are "
                + Arrays.stream(values()).map(SimulationPreset::key).toList());
    }
}
