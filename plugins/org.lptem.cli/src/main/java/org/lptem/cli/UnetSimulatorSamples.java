package org.lptem.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.lptem.core.Frame;
import org.lptem.core.LptemException;
import org.lptem.segment.unet.Sample;
import org.lptem.segment.unet.SampleSource;
import org.lptem.simulate.SimulatedVideo;
import org.lptem.simulate.SimulationPreset;
import org.lptem.simulate.SimulationSettings;

/**
 * U-Net training samples from the simulator: for frame k, preset k mod n of the chosen ones with its physical
 * parameters drawn around the preset's (SNR, particle size, liquid thickness, crowding) and its own seed, one frame
 * rendered with its label truth, then {@value #CROPS_PER_FRAME} crops of it, most of them centred near a particle
 * pixel so the rare particle pixels of a large field are not all missed.
 *
 * <p>The seeds are drawn from the training seed through {@link SplittableRandom}, never the presets' own, so the
 * benchmark videos ({@code lptem bench-segmentation}, preset seeds) are not trained on.
 */
final class UnetSimulatorSamples implements SampleSource {
    static final int CROPS_PER_FRAME = 4;
    /** Fraction of crops centred near a particle pixel; the rest are anywhere (liquid, distractors, borders). */
    static final double PARTICLE_CENTRED = 0.5;

    private final List<SimulationPreset> presets;
    private final int crop;
    private final long seed;
    private int cachedFrame = -1;
    private Sample.Cropper cropper;
    private int[] foreground;

    UnetSimulatorSamples(List<SimulationPreset> presets, int crop, long seed) {
        if (presets.isEmpty()) {
            throw new LptemException("U-Net training needs at least one simulator preset");
        }
        for (SimulationPreset p : presets) {
            SimulationSettings s = p.settings();
            if (s.width() < crop || s.height() < crop) {
                throw new LptemException("--crop " + crop + " px is larger than preset " + p.key() + "'s "
                        + s.width() + " x " + s.height() + " frames");
            }
        }
        this.presets = List.copyOf(presets);
        this.crop = crop;
        this.seed = seed;
    }

    @Override
    public Sample sample(int index) {
        int frame = index / CROPS_PER_FRAME;
        if (frame != cachedFrame) {
            render(frame);
        }
        SplittableRandom pick = new SplittableRandom(~seed ^ (0xBF58476D1CE4E5B9L * (index + 1)));
        int x0;
        int y0;
        if (foreground.length > 0 && pick.nextDouble() < PARTICLE_CENTRED) {
            int p = foreground[pick.nextInt(foreground.length)];
            x0 = p % cropper.width() - crop / 2 + pick.nextInt(-crop / 4, crop / 4 + 1);
            y0 = p / cropper.width() - crop / 2 + pick.nextInt(-crop / 4, crop / 4 + 1);
        } else {
            x0 = pick.nextInt(cropper.width() - crop + 1);
            y0 = pick.nextInt(cropper.height() - crop + 1);
        }
        x0 = Math.max(0, Math.min(cropper.width() - crop, x0));
        y0 = Math.max(0, Math.min(cropper.height() - crop, y0));
        return cropper.crop(x0, y0, crop);
    }

    private SplittableRandom random(int frame) {
        return new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (frame + 1)));
    }

    private void render(int frame) {
        SimulationPreset preset = presets.get(frame % presets.size());
        SplittableRandom r = random(frame);
        SimulationSettings s = varied(preset, r).toBuilder().frames(1).seed(r.nextLong()).build();
        try (SimulatedVideo video = reachable(s)) {
            Frame image = video.frame(0);
            Frame labels = video.labels(0);
            cropper = Sample.of(image, labels);
            int count = 0;
            for (float m : cropper.mask()) {
                count += m > 0 ? 1 : 0;
            }
            foreground = new int[count];
            for (int i = 0, k = 0; i < cropper.mask().length; i++) {
                if (cropper.mask()[i] > 0) {
                    foreground[k++] = i;
                }
            }
        }
        cachedFrame = frame;
    }

    /**
     * The video, or if its target SNR is above what its background allows (gradient and distractors bound it), the
     * same with the target lowered until it is reachable.
     */
    private static SimulatedVideo reachable(SimulationSettings s) {
        for (int attempt = 0; ; attempt++) {
            try {
                return new SimulatedVideo(s);
            } catch (LptemException e) {
                if (attempt == 5 || s.targetSnr() <= 0 || !e.getMessage().contains("cannot be reached")) {
                    throw e;
                }
                s = s.toBuilder().targetSnr(0.9 * s.targetSnr()).build();
            }
        }
    }

    /** The preset with its physics drawn from ranges around it, so the network sees more than five set-ups. */
    static SimulationSettings varied(SimulationPreset preset, SplittableRandom r) {
        SimulationSettings s = preset.settings();
        SimulationSettings.Builder b = s.toBuilder();
        switch (preset) {
            case ROD_1024 -> b.targetSnr(r.nextDouble(0.6, 1.4)).particleLengthNm(r.nextDouble(28, 52))
                    .particleRadiusNm(r.nextDouble(5, 10));
            case THICKNESS_5NM, THICKNESS_50NM, THICKNESS_150NM -> {
                // the particle must fit in the liquid layer
                double radius = r.nextDouble(1.2, 3.5);
                b.particleRadiusNm(radius).liquidThicknessNm(r.nextDouble(2 * radius + 0.2, 200));
            }
            case MULTI -> b.targetSnr(r.nextDouble(1.0, 1.8)).particleRadiusNm(r.nextDouble(8, 16))
                    .particles(r.nextInt(8, 33));
            default -> b.targetSnr(r.nextDouble(1.0, 4.0));
        }
        return b.build();
    }

    @Override
    public Map<String, Object> description() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("source", "lptem simulator, one frame per " + CROPS_PER_FRAME + " crops, presets in turn");
        d.put("presets", presets.stream().map(SimulationPreset::key).toList());
        d.put("crop_px", crop);
        d.put("seed", seed);
        d.put("particle_centred_fraction", PARTICLE_CENTRED);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("rod-1024", "target SNR U(0.6, 1.4), length U(28, 52) nm, radius U(5, 10) nm");
        v.put("thickness-*", "particle radius r U(1.2, 3.5) nm, liquid U(2r + 0.2, 200) nm");
        v.put("multi", "target SNR U(1.0, 1.8) (lowered by 10 % steps where the background cannot reach it), "
                + "radius U(8, 16) nm, 8-32 particles");
        v.put("demo", "target SNR U(1, 4)");
        d.put("variation", v);
        return d;
    }
}
