package org.lptem.segment.unet;

/** Pads a row-major image on the right and bottom by repeating its last column and row (ONNX Pad mode "edge"). */
final class EdgePadding {
    private EdgePadding() {
    }

    static float[] pad(float[] image, int width, int height, int paddedWidth, int paddedHeight) {
        if (paddedWidth == width && paddedHeight == height) {
            return image;
        }
        float[] out = new float[paddedWidth * paddedHeight];
        for (int y = 0; y < paddedHeight; y++) {
            int row = Math.min(y, height - 1) * width;
            System.arraycopy(image, row, out, y * paddedWidth, width);
            java.util.Arrays.fill(out, y * paddedWidth + width, (y + 1) * paddedWidth, image[row + width - 1]);
        }
        return out;
    }

    /** The top-left {@code width x height} of an image {@code paddedWidth} wide. */
    static float[] crop(float[] image, int paddedWidth, int width, int height) {
        if (paddedWidth == width && image.length == width * height) {
            return image;
        }
        float[] out = new float[width * height];
        for (int y = 0; y < height; y++) {
            System.arraycopy(image, y * paddedWidth, out, y * width, width);
        }
        return out;
    }
}
