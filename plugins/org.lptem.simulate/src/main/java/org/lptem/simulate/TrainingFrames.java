package org.lptem.simulate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.lptem.core.Frame;
import org.lptem.core.LptemException;
import org.lptem.core.MovingAverageVideo;

/**
 * Simulated frames for training a segmentation network: for frame k, preset k mod n of the chosen ones with its
 * physical parameters drawn around the preset's (SNR, particle size, liquid thickness, crowding) and its own seed,
 * rendered with its label truth; then {@value #CROPS_PER_FRAME} square crops of it, {@value #PARTICLE_CENTRED} of
 * them centred near a particle pixel so the rare particle pixels of a large field are not all missed, and (by
 * default {@value #DISTRACTOR_CENTRED}) centred near an out-of-focus distractor where the frame shows one: a
 * distractor is a few hundred pixels of a large frame, so random crops alone rarely teach a network that such a blob
 * is not a particle.
 *
 * <p>The seeds are drawn from the training seed, never the presets' own, so the benchmark videos (preset seeds) are
 * not trained on. Sample i is crop {@code i mod CROPS_PER_FRAME} of frame {@code i / CROPS_PER_FRAME}, and the same
 * seed always gives the same frames and crops. The segmentation bundle turns a frame and a crop origin into a
 * standardised training sample; this class knows nothing of networks.
 */
public final class TrainingFrames {
    public static final int CROPS_PER_FRAME = 4;
    /** Fraction of crops centred near a particle pixel; the rest are anywhere (liquid, distractors, borders). */
    public static final double PARTICLE_CENTRED = 0.5;
    /** Default fraction of crops centred near a distractor in view (hard negatives); the rest are anywhere. */
    public static final double DISTRACTOR_CENTRED = 0.1;

    private final List<SimulationPreset> presets;
    private final int crop;
    private final long seed;
    private final double distractorCentred;
    private final int averagedFrames;

    /** A frame and its label truth (0 = liquid, k = particle k). */
    public record Rendered(Frame image, Frame labels) {
    }

    /**
     * @param presets used in turn, frame by frame
     * @param cropPx side of the square crops; every preset's frames must be at least this large
     */
    public TrainingFrames(List<SimulationPreset> presets, int cropPx, long seed) {
        this(presets, cropPx, seed, DISTRACTOR_CENTRED);
    }

    /**
     * @param distractorCentred fraction of crops centred near a distractor, in [0, 1 - {@value #PARTICLE_CENTRED}];
     *        frames without a distractor in view give random crops instead
     */
    public TrainingFrames(List<SimulationPreset> presets, int cropPx, long seed, double distractorCentred) {
        this(presets, cropPx, seed, distractorCentred, 1);
    }

    /**
     * @param averagedFrames each frame is the mean of this many (odd) consecutive frames of its set-up, labelled
     *        with the middle one's truth: for a network that will see moving means ({@code --average-frames})
     */
    public TrainingFrames(List<SimulationPreset> presets, int cropPx, long seed, double distractorCentred,
            int averagedFrames) {
        if (averagedFrames < 1 || averagedFrames % 2 == 0) {
            throw new LptemException("the frames averaged must be an odd number >= 1, got " + averagedFrames);
        }
        this.averagedFrames = averagedFrames;
        if (!(distractorCentred >= 0 && distractorCentred <= 1 - PARTICLE_CENTRED)) {
            throw new LptemException("the distractor-centred fraction must be in [0, " + (1 - PARTICLE_CENTRED)
                    + "], got " + distractorCentred);
        }
        if (presets.isEmpty()) {
            throw new LptemException("training frames need at least one simulator preset");
        }
        if (cropPx < 1) {
            throw new LptemException("the crop side must be at least 1 px, got " + cropPx);
        }
        for (SimulationPreset p : presets) {
            SimulationSettings s = p.settings();
            if (s.width() < cropPx || s.height() < cropPx) {
                throw new LptemException("a crop of " + cropPx + " px is larger than preset " + p.key() + "'s "
                        + s.width() + " x " + s.height() + " frames");
            }
        }
        this.presets = List.copyOf(presets);
        this.crop = cropPx;
        this.seed = seed;
        this.distractorCentred = distractorCentred;
    }

    public int cropPx() {
        return crop;
    }

    /** The frame that sample {@code index} is cut from. */
    public static int frameOf(int index) {
        return index / CROPS_PER_FRAME;
    }

    /** Frame {@code k}: one frame of preset k mod n with varied physics, and its labels. */
    public Rendered render(int k) {
        if (averagedFrames > 1) {
            try (SimulatedVideo video = video(k, averagedFrames)) {
                int middle = averagedFrames / 2;
                return new Rendered(new MovingAverageVideo(video, averagedFrames).frame(middle),
                        video.labels(middle));
            }
        }
        try (SimulatedVideo video = reachable(settings(k))) {
            return new Rendered(video.frame(0), video.labels(0));
        }
    }

    /**
     * Frame k's set-up as a short video: the particles of {@link #render(int)}'s frame where they are there, then
     * moving on (the grey levels may differ slightly: an 8-bit video is scaled over all its frames). For methods that
     * use neighbouring frames (a moving mean); the caller closes it.
     */
    public SimulatedVideo video(int k, int frames) {
        if (frames < 1) {
            throw new LptemException("a training video needs at least 1 frame, got " + frames);
        }
        return reachable(settings(k).toBuilder().frames(frames).build());
    }

    /** The one-frame settings of frame k, before {@link #reachable} adjusts the SNR (which moves nothing). */
    private SimulationSettings settings(int k) {
        SimulationPreset preset = presets.get(k % presets.size());
        SplittableRandom r = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (k + 1)));
        return varied(preset, r).toBuilder().frames(1).seed(r.nextLong()).build();
    }

    /** Centres {x, y} of the distractors inside frame k's field (the trajectories alone: nothing is rendered). */
    double[][] distractorsInView(int k) {
        SimulationSettings s = settings(k);
        if (s.distractors() == 0) {
            return new double[0][];
        }
        Trajectories t = Trajectories.simulate(s.toBuilder().frames(averagedFrames).build());
        int middle = averagedFrames / 2;
        List<double[]> inView = new ArrayList<>();
        for (int i = 0; i < t.distractorCount(); i++) {
            double x = t.distractorX(i, middle);
            double y = t.distractorY(i, middle);
            if (x >= 0 && y >= 0 && x <= s.width() - 1 && y <= s.height() - 1) {
                inView.add(new double[] {x, y});
            }
        }
        return inView.toArray(new double[0][]);
    }

    /**
     * The video, or if its target SNR is above what its background allows (gradient and distractors bound it), the
     * same with the target lowered by 10 % steps until it is reachable.
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

    /**
     * Top-left corner {x0, y0} of sample {@code index}'s crop in its frame, whose labels are given: near a random
     * particle pixel, near a distractor or anywhere, always inside the frame. With no distractor-centred crops the
     * draws are those of the earlier sampling (the same seed gives the same crops).
     */
    public int[] cropOrigin(int index, Frame labels) {
        int width = labels.width();
        int height = labels.height();
        int[] foreground = foreground(labels);
        SplittableRandom pick = new SplittableRandom(~seed ^ (0xBF58476D1CE4E5B9L * (index + 1)));
        int x0;
        int y0;
        double u = pick.nextDouble();
        double[][] distractors = u >= PARTICLE_CENTRED && u < PARTICLE_CENTRED + distractorCentred
                ? distractorsInView(frameOf(index)) : new double[0][];
        if (foreground.length > 0 && u < PARTICLE_CENTRED) {
            int p = foreground[pick.nextInt(foreground.length)];
            x0 = p % width - crop / 2 + pick.nextInt(-crop / 4, crop / 4 + 1);
            y0 = p / width - crop / 2 + pick.nextInt(-crop / 4, crop / 4 + 1);
        } else if (distractors.length > 0) {
            double[] d = distractors[pick.nextInt(distractors.length)];
            x0 = (int) Math.round(d[0]) - crop / 2 + pick.nextInt(-crop / 4, crop / 4 + 1);
            y0 = (int) Math.round(d[1]) - crop / 2 + pick.nextInt(-crop / 4, crop / 4 + 1);
        } else {
            x0 = pick.nextInt(width - crop + 1);
            y0 = pick.nextInt(height - crop + 1);
        }
        return new int[] {Math.max(0, Math.min(width - crop, x0)), Math.max(0, Math.min(height - crop, y0))};
    }

    private static int[] foreground(Frame labels) {
        int n = labels.width() * labels.height();
        int count = 0;
        for (int i = 0; i < n; i++) {
            count += labels.get(i) > 0 ? 1 : 0;
        }
        int[] out = new int[count];
        for (int i = 0, k = 0; i < n; i++) {
            if (labels.get(i) > 0) {
                out[k++] = i;
            }
        }
        return out;
    }

    /** The preset with its physics drawn from ranges around it, so the network sees more than a few set-ups. */
    static SimulationSettings varied(SimulationPreset preset, SplittableRandom r) {
        SimulationSettings.Builder b = preset.settings().toBuilder();
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

    /** The parameters that define the data, for the training record. */
    public Map<String, Object> description() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("source", "lptem simulator, one frame per " + CROPS_PER_FRAME + " crops, presets in turn");
        d.put("presets", presets.stream().map(SimulationPreset::key).toList());
        d.put("crop_px", crop);
        d.put("seed", seed);
        d.put("particle_centred_fraction", PARTICLE_CENTRED);
        d.put("distractor_centred_fraction", distractorCentred);
        if (averagedFrames > 1) {
            d.put("averaged_frames", averagedFrames);
        }
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
