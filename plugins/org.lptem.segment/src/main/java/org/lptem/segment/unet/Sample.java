package org.lptem.segment.unet;

import org.lptem.core.Frame;
import org.lptem.core.LptemException;
import org.lptem.segment.onnx.ProbabilityModel;

/**
 * One training example: a square crop of a standardised frame and its particle mask (1 inside a particle, 0 in the
 * liquid), both row-major, {@code size x size}.
 */
public record Sample(int size, float[] image, float[] mask) {
    public Sample {
        if (size < 1 || image.length != size * size || mask.length != size * size) {
            throw new LptemException("a training sample needs a " + size + " x " + size + " image and mask, got "
                    + image.length + " and " + mask.length + " values");
        }
    }

    /**
     * Standardises a whole frame as {@link ProbabilityModel} does at inference, so that a crop carries the
     * intensities the network will see in the full frame, and gives a cropper over it.
     */
    public static Cropper of(Frame frame, Frame labels) {
        if (frame.width() != labels.width() || frame.height() != labels.height()) {
            throw new LptemException("labels of " + labels.width() + " x " + labels.height() + " px for a frame of "
                    + frame.width() + " x " + frame.height() + " px");
        }
        float[] mask = new float[frame.width() * frame.height()];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = labels.get(i) > 0 ? 1f : 0f;
        }
        return new Cropper(frame.width(), frame.height(), ProbabilityModel.standardised(frame.toFloat()), mask);
    }

    /** Crops of one standardised frame and its mask. */
    public record Cropper(int width, int height, float[] image, float[] mask) {
        /** The {@code size x size} crop whose top-left pixel is (x0, y0); it must lie inside the frame. */
        public Sample crop(int x0, int y0, int size) {
            if (x0 < 0 || y0 < 0 || x0 + size > width || y0 + size > height) {
                throw new LptemException("a " + size + " px crop at (" + x0 + ", " + y0 + ") leaves the " + width
                        + " x " + height + " frame");
            }
            float[] im = new float[size * size];
            float[] m = new float[size * size];
            for (int y = 0; y < size; y++) {
                System.arraycopy(image, (y0 + y) * width + x0, im, y * size, size);
                System.arraycopy(mask, (y0 + y) * width + x0, m, y * size, size);
            }
            return new Sample(size, im, m);
        }
    }
}
