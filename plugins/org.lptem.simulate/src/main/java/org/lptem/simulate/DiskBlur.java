package org.lptem.simulate;

/**
 * Convolution with a uniform disk, the shape a defocused point takes. Pixels partly inside the disk get the covered
 * fraction of a weight (approximated by r + 0.5 - distance), so that the blur grows smoothly with the radius
 * instead of jumping when the disk crosses a pixel centre.
 */
final class DiskBlur {
    private DiskBlur() {
    }

    /**
     * Blurs a row-major patch whose content lies at least {@code ceil(radius) + 1} px inside its border, so that no
     * weight leaves it; returns a new array. Only non-zero pixels are spread: sprites are mostly empty.
     */
    static double[] blur(double[] patch, int width, int height, double radius) {
        int reach = (int) Math.ceil(radius + 0.5);
        int side = 2 * reach + 1;
        double[] kernel = new double[side * side];
        double sum = 0;
        for (int j = -reach; j <= reach; j++) {
            for (int i = -reach; i <= reach; i++) {
                double w = Math.max(0, Math.min(1, radius + 0.5 - Math.hypot(i, j)));
                kernel[(j + reach) * side + i + reach] = w;
                sum += w;
            }
        }
        for (int k = 0; k < kernel.length; k++) {
            kernel[k] /= sum;
        }
        double[] out = new double[patch.length];
        for (int row = 0; row < height; row++) {
            for (int col = 0; col < width; col++) {
                double v = patch[row * width + col];
                if (v == 0) {
                    continue;
                }
                for (int j = Math.max(-reach, -row); j <= Math.min(reach, height - 1 - row); j++) {
                    int dst = (row + j) * width + col;
                    int k = (j + reach) * side + reach;
                    for (int i = Math.max(-reach, -col); i <= Math.min(reach, width - 1 - col); i++) {
                        out[dst + i] += v * kernel[k + i];
                    }
                }
            }
        }
        return out;
    }
}
