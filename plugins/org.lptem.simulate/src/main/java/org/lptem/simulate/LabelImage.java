package org.lptem.simulate;

/**
 * The ground-truth label image of a frame: the particle id (1-based) where that particle's true projected outline,
 * at its orientation at the frame time, covers the pixel centre, 0 elsewhere; where particles overlap the higher id
 * wins. Masks stay sharp (no motion or defocus blur, no noise), and distractors are not in them.
 */
final class LabelImage {
    private LabelImage() {
    }

    static short[] render(Trajectories t, int frame, int width, int height) {
        short[] ids = new short[width * height];
        for (int p = 0; p < t.particleCount(); p++) {
            ParticleShape shape = t.shape(p, frame);
            double cx = t.x(p, frame);
            double cy = t.y(p, frame);
            double reach = shape.boundingRadiusPx();
            int c0 = Math.max(0, (int) Math.ceil(cx - reach));
            int c1 = Math.min(width - 1, (int) Math.floor(cx + reach));
            int r0 = Math.max(0, (int) Math.ceil(cy - reach));
            int r1 = Math.min(height - 1, (int) Math.floor(cy + reach));
            for (int row = r0; row <= r1; row++) {
                for (int col = c0; col <= c1; col++) {
                    if (shape.covers(col - cx, row - cy)) {
                        ids[row * width + col] = (short) (p + 1);
                    }
                }
            }
        }
        return ids;
    }
}
