package org.lptem.segment.sam2;

import java.util.ArrayList;
import java.util.List;
import org.lptem.core.LptemException;

/**
 * Coordinates between the original frame ({@code width x height} pixels, integer coordinates at pixel centres) and
 * SAM2's {@code point_coords} in the model's 1024 x 1024 frame. SAM2's prompt encoder, which the exported decoders
 * contain, takes a coordinate as a model pixel's index and adds half a pixel itself to reach its centre, so the
 * half pixel is taken off here (added here as well, it would shift every prompt twice). On a 1024-pixel frame this is
 * SAM2ImagePredictor's {@code x * 1024 / width}; elsewhere that formula puts a point up to half a model pixel off the
 * original pixel's centre and ends a box where its last pixel begins, while this maps centres onto centres and a
 * box onto the model pixels it covers. SAM2 stretches each axis separately, so x and y scale differently on a
 * non-square frame.
 */
public final class PromptTransform {
    /** SAM2's label codes for point_labels. */
    static final float NEGATIVE = 0;
    static final float POSITIVE = 1;
    static final float BOX_TOP_LEFT = 2;
    static final float BOX_BOTTOM_RIGHT = 3;
    static final float PADDING = -1;
    /** Mask prompts become logits of this magnitude: well saturated, as SAM2 treats an input mask as certain. */
    static final float MASK_LOGIT = 10;

    private final int width;
    private final int height;
    private final double sx;
    private final double sy;
    private final int modelSize;

    public PromptTransform(int width, int height) {
        this(width, height, Sam2Preprocessor.SIZE);
    }

    PromptTransform(int width, int height, int modelSize) {
        this.width = width;
        this.height = height;
        this.modelSize = modelSize;
        this.sx = (double) modelSize / width;
        this.sy = (double) modelSize / height;
    }

    /** Model x (a pixel index, as SAM2's point_coords take it) of the original pixel-centre coordinate {@code x}. */
    public double toModelX(double x) {
        return (x + 0.5) * sx - 0.5;
    }

    public double toModelY(double y) {
        return (y + 0.5) * sy - 0.5;
    }

    /** Original pixel-centre x of model coordinate {@code u}. */
    public double toFrameX(double u) {
        return (u + 0.5) / sx - 0.5;
    }

    public double toFrameY(double v) {
        return (v + 0.5) / sy - 0.5;
    }

    /**
     * The prompt's points and box corners as SAM2's {@code point_coords} [1, P, 2] and {@code point_labels} [1, P]:
     * points first, then the box's top-left (label 2) and bottom-right (label 3) corners as SAM2 takes a box: the
     * indices of the first and last model pixels it covers. A prompt with a mask only gets one padding point
     * (label -1), as SAM2 does.
     */
    public float[][] points(Prompt p) {
        List<float[]> coords = new ArrayList<>();
        List<Float> labels = new ArrayList<>();
        for (Prompt.Point q : p.points()) {
            coords.add(new float[] {(float) toModelX(q.x()), (float) toModelY(q.y())});
            labels.add(q.positive() ? POSITIVE : NEGATIVE);
        }
        if (p.box() != null) {
            Box b = p.box();
            // the box's outer edges, (x0 - 0.5) and (x1 + 0.5) in frame pixels, begin its first model pixel and end
            // its last; a box narrower than a model pixel is that one pixel
            double left = b.x0() * sx;
            double top = b.y0() * sy;
            coords.add(new float[] {(float) left, (float) top});
            labels.add(BOX_TOP_LEFT);
            coords.add(new float[] {(float) Math.max(left, (b.x1() + 1) * sx - 1),
                (float) Math.max(top, (b.y1() + 1) * sy - 1)});
            labels.add(BOX_BOTTOM_RIGHT);
        }
        if (coords.isEmpty()) {
            coords.add(new float[] {0, 0});
            labels.add(PADDING);
        }
        float[] c = new float[coords.size() * 2];
        float[] l = new float[labels.size()];
        for (int i = 0; i < l.length; i++) {
            c[2 * i] = coords.get(i)[0];
            c[2 * i + 1] = coords.get(i)[1];
            l[i] = labels.get(i);
        }
        return new float[][] {c, l};
    }

    /**
     * A mask of the original frame as the decoder's {@code mask_input}: logits at {@code lowRes x lowRes} (256 for
     * SAM2) over the model frame.
     */
    public float[] maskInput(boolean[] mask, int lowRes) {
        if (mask.length != width * height) {
            throw new LptemException("mask prompt of " + mask.length + " px does not fit the " + width + " x "
                    + height + " frame");
        }
        float[] v = new float[mask.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = mask[i] ? MASK_LOGIT : -MASK_LOGIT;
        }
        float[] out = new float[lowRes * lowRes];
        Resampler.resample(v, width, height, new Resampler(width, lowRes), new Resampler(height, lowRes), 0, lowRes,
                0, lowRes, out);
        return out;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int modelSize() {
        return modelSize;
    }
}
