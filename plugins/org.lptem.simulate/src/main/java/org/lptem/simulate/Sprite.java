package org.lptem.simulate;

/**
 * One particle's imprint on the beam: the fraction of electrons it removes, 1 - exp(-t (1/l_p - 1/l_water)) where
 * it is t thick (it displaces its own thickness of liquid), averaged over its positions during the exposure and
 * spread by a defocus disk, then multiplied into the field's transmission map. Working in a patch around the
 * particle keeps the cost proportional to the particle's size, not the field's.
 */
final class Sprite {
    private Sprite() {
    }

    /**
     * @param transmission row-major field map, multiplied in place
     * @param poses the particle's shape (turned) at each sub-exposure instant, with its centres
     * @param attenuationPerPx (1/l_p - 1/l_water) x nm per px: the extra attenuation per px of particle thickness
     * @param diskRadiusPx defocus blur radius, 0 for none
     */
    static void multiplyInto(double[] transmission, int width, int height, ParticleShape[] poses, double[] cx,
            double[] cy, double attenuationPerPx, double diskRadiusPx) {
        int border = diskRadiusPx > 0 ? (int) Math.ceil(diskRadiusPx + 0.5) + 1 : 0;
        double reach = 0;
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < poses.length; k++) {
            reach = Math.max(reach, poses[k].boundingRadiusPx() + 1);
            minX = Math.min(minX, cx[k]);
            maxX = Math.max(maxX, cx[k]);
            minY = Math.min(minY, cy[k]);
            maxY = Math.max(maxY, cy[k]);
        }
        // Beyond the field by more than the blur reach nothing can land inside it.
        int x0 = (int) Math.max(-border, Math.floor(minX - reach) - border);
        int x1 = (int) Math.min(width - 1 + border, Math.ceil(maxX + reach) + border);
        int y0 = (int) Math.max(-border, Math.floor(minY - reach) - border);
        int y1 = (int) Math.min(height - 1 + border, Math.ceil(maxY + reach) + border);
        if (x0 > x1 || y0 > y1 || x1 < 0 || y1 < 0 || x0 >= width || y0 >= height) {
            return;
        }
        int pw = x1 - x0 + 1;
        int ph = y1 - y0 + 1;
        double[] deficit = new double[pw * ph];
        double[] thickness = poses.length == 1 ? deficit : new double[pw * ph];
        for (int k = 0; k < poses.length; k++) {
            if (poses.length > 1) {
                java.util.Arrays.fill(thickness, 0);
            }
            ImageFormation.addThicknessPx(thickness, pw, ph, poses[k], cx[k] - x0, cy[k] - y0);
            for (int i = 0; i < thickness.length; i++) {
                if (thickness[i] != 0) {
                    double removed = -Math.expm1(-thickness[i] * attenuationPerPx);
                    if (poses.length == 1) {
                        deficit[i] = removed;
                    } else {
                        deficit[i] += removed / poses.length;
                    }
                }
            }
        }
        if (diskRadiusPx > 0) {
            deficit = DiskBlur.blur(deficit, pw, ph, diskRadiusPx);
        }
        for (int row = Math.max(0, y0); row <= Math.min(height - 1, y1); row++) {
            int src = (row - y0) * pw - x0;
            int dst = row * width;
            for (int col = Math.max(0, x0); col <= Math.min(width - 1, x1); col++) {
                double d = deficit[src + col];
                if (d != 0) {
                    transmission[dst + col] *= 1 - d;
                }
            }
        }
    }
}
