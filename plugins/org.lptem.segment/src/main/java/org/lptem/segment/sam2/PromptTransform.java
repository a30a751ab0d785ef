package org.lptem.segment.sam2;

import java.util.ArrayList;
import java.util.List;
import org.lptem.core.LptemException;

/**
 * Coordinates between the original frame ({@code width x height} pixels, integer coordinates at pixel centres) and
 * the model's 1024 x 1024 frame (continuous coordinates from the image's top-left corner, as SAM2's prompt encoder
 * takes them). SAM2 stretches each axis separately, so x and y scale differently on a non-square frame.
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

    /** Model x of the original pixel-centre coordinate {@code x}. */
    public double toModelX(double x) {
        return (x + 0.5) * sx;
    }

    public double toModelY(double y) {
        return (y + 0.5) * sy;
    }

    /** Original pixel-centre x of model coordinate {@code u}. */
    public double toFrameX(double u) {
        return u / sx - 0.5;
    }

    public double toFrameY(double v) {
        return v / sy - 0.5;
    }

    /**
     * The prompt's points and box corners as SAM2's {@code point_coords} [1, P, 2] and {@code point_labels} [1, P]:
     * points first, then the box's outer top-left (label 2) and bottom-right (label 3) corners. A prompt with a
     * mask only gets one padding point (label -1), as SAM2 does.
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
            coords.add(new float[] {(float) toModelX(b.x0() - 0.5), (float) toModelY(b.y0() - 0.5)});
            labels.add(BOX_TOP_LEFT);
            coords.add(new float[] {(float) toModelX(b.x1() + 0.5), (float) toModelY(b.y1() + 0.5)});
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
