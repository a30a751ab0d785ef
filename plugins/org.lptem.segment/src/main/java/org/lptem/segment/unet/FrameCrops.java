package org.lptem.segment.unet;

import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;
import org.lptem.core.Frame;

/**
 * Training samples cut from labelled frames: sample i is a square crop of frame {@code frameOf(i)}, placed by
 * {@code placement}. Consecutive samples share a frame, so the last frame is kept. The frames come from elsewhere (the
 * simulator's training frames, for the CLI and the KNIME learner alike), which keeps segmentation free of the
 * simulator.
 */
public final class FrameCrops<F> implements SampleSource {
    /** Top-left corner {x0, y0} of sample i's crop, given its frame's labels. */
    public interface Placement {
        int[] origin(int sample, Frame labels);
    }

    private final IntFunction<F> frames;
    private final Function<F, Frame> image;
    private final Function<F, Frame> labels;
    private final IntUnaryOperator frameOf;
    private final Placement placement;
    private final int cropPx;
    private final Supplier<Map<String, Object>> description;
    private int cachedFrame = -1;
    private Frame cachedLabels;
    private Sample.Cropper cropper;

    /**
     * @param frames renders frame k (a frame and its label truth: 0 = background, k > 0 = particle k)
     * @param image the frame of what {@code frames} gives
     * @param labels its labels
     */
    public FrameCrops(IntFunction<F> frames, Function<F, Frame> image, Function<F, Frame> labels,
            IntUnaryOperator frameOf, Placement placement, int cropPx, Supplier<Map<String, Object>> description) {
        this.frames = frames;
        this.image = image;
        this.labels = labels;
        this.frameOf = frameOf;
        this.placement = placement;
        this.cropPx = cropPx;
        this.description = description;
    }

    @Override
    public Sample sample(int index) {
        int frame = frameOf.applyAsInt(index);
        if (frame != cachedFrame) {
            F rendered = frames.apply(frame);
            cachedLabels = labels.apply(rendered);
            cropper = Sample.of(image.apply(rendered), cachedLabels);
            cachedFrame = frame;
        }
        int[] origin = placement.origin(index, cachedLabels);
        return cropper.crop(origin[0], origin[1], cropPx);
    }

    @Override
    public Map<String, Object> description() {
        return description.get();
    }
}
