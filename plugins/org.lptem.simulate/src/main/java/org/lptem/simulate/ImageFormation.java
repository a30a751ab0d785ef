package org.lptem.simulate;

/**
 * The mass-thickness model of Yao et al. (ACS Cent. Sci. 6:1421, 2020): the mean number of electrons reaching a
 * pixel is N = N0 exp(-(t_p/l_p + (t_liq - t_p)/l_water + 2 t_SiN/l_SiN)), the particle displacing its own
 * thickness of liquid. This class turns a frame's particle positions into that expected image; noise is the
 * detector's business.
 */
final class ImageFormation {
    /** Sub-samples per axis in pixels that the particle outline crosses. */
    static final int SUPERSAMPLING = 8;
    /**
     * Pixels whose centre lies less than this inside the outline are supersampled too: the sqrt profile of a
     * sphere is steep just inside the rim, and point sampling there loses ~2 % of the particle's mass (0.1 % with
     * this margin) and shifts its centroid with the sub-pixel position.
     */
    static final double SUPERSAMPLING_BAND_PX = 3;
    /** A pixel whose centre is this far outside the outline cannot overlap the particle. */
    private static final double HALF_DIAGONAL_PX = Math.sqrt(0.5);

    private final int width;
    private final int height;
    private final double nmPerPixel;
    private final double incidentElectrons;
    private final double gradient;
    private final double liquidNm;
    private final double invParticlePath;
    private final double invWaterPath;
    private final double windowExponent;

    ImageFormation(SimulationSettings s) {
        this.width = s.width();
        this.height = s.height();
        this.nmPerPixel = s.nmPerPixel();
        this.incidentElectrons = s.incidentElectronsPerPixel();
        this.gradient = s.illuminationGradient();
        this.liquidNm = s.liquidThicknessNm();
        this.invParticlePath = 1 / s.particleMeanFreePathNm();
        this.invWaterPath = 1 / SimulationSettings.WATER_MEAN_FREE_PATH_NM;
        this.windowExponent = 2 * s.sinWindowThicknessNm() / SimulationSettings.SIN_MEAN_FREE_PATH_NM;
    }

    /** Mean transmitted electrons per pixel of frame {@code frame}, row-major. */
    double[] meanElectrons(Trajectories t, int frame) {
        double[] map = new double[width * height];
        for (int p = 0; p < t.particleCount(); p++) {
            addThicknessPx(map, width, height, t.shape(p), t.x(p, frame), t.y(p, frame));
        }
        for (int row = 0; row < height; row++) {
            for (int col = 0; col < width; col++) {
                int i = row * width + col;
                map[i] = incidentElectrons(col) * transmission(map[i] * nmPerPixel);
            }
        }
        return map;
    }

    /** N0 at this column: the illumination gradient runs along x and averages to N0 over the field. */
    double incidentElectrons(int column) {
        double position = width > 1 ? (double) column / (width - 1) - 0.5 : 0;
        return incidentElectrons * (1 + gradient * position);
    }

    /** N0 averaged over the field (the gradient's mean is zero). */
    double meanIncidentElectrons() {
        return incidentElectrons;
    }

    /** Fraction of incident electrons transmitted through {@code particleNm} of particle plus the rest. */
    double transmission(double particleNm) {
        // Overlapping particles can in principle stack thicker than the liquid; the liquid term cannot go negative.
        double liquid = Math.max(0, liquidNm - particleNm);
        return Math.exp(-(particleNm * invParticlePath + liquid * invWaterPath + windowExponent));
    }

    /**
     * Adds the pixel-averaged projected thickness (px) of {@code shape} centred at (cx, cy) to {@code map}. Pixels
     * near the outline are averaged over a sub-pixel grid, so the rendered particle's centroid follows the true
     * centre continuously instead of snapping to the pixel grid.
     */
    static void addThicknessPx(double[] map, int width, int height, ParticleShape shape, double cx, double cy) {
        double reach = shape.boundingRadiusPx() + 0.5;
        int c0 = Math.max(0, (int) Math.ceil(cx - reach));
        int c1 = Math.min(width - 1, (int) Math.floor(cx + reach));
        int r0 = Math.max(0, (int) Math.ceil(cy - reach));
        int r1 = Math.min(height - 1, (int) Math.floor(cy + reach));
        double step = 1.0 / SUPERSAMPLING;
        for (int row = r0; row <= r1; row++) {
            double dy = row - cy;
            for (int col = c0; col <= c1; col++) {
                double dx = col - cx;
                double sd = shape.signedDistancePx(dx, dy);
                if (sd <= -SUPERSAMPLING_BAND_PX) {
                    map[row * width + col] += shape.thicknessPx(dx, dy);
                } else if (sd < HALF_DIAGONAL_PX) {
                    double sum = 0;
                    for (int j = 0; j < SUPERSAMPLING; j++) {
                        double sy = dy - 0.5 + (j + 0.5) * step;
                        for (int i = 0; i < SUPERSAMPLING; i++) {
                            sum += shape.thicknessPx(dx - 0.5 + (i + 0.5) * step, sy);
                        }
                    }
                    map[row * width + col] += sum / (SUPERSAMPLING * SUPERSAMPLING);
                }
            }
        }
    }
}
