package org.lptem.simulate;

import java.util.Arrays;

/**
 * The mass-thickness model of Yao et al. (ACS Cent. Sci. 6:1421, 2020): the mean number of electrons reaching a
 * pixel is N = N0 exp(-(t_p/l_p + (t_liq - t_p)/l_water + 2 t_SiN/l_SiN)), the particle displacing its own
 * thickness of liquid. This class turns a frame's particle positions into that expected image, with what the
 * published simulator leaves out: an illumination gradient, a dose that fluctuates from frame to frame, motion blur
 * over the exposure, defocus blur and out-of-focus distractors. Noise is the detector's business.
 *
 * <p>The image is built as N0(column) x dose factor(frame) x T_background x A, where A is the product of every
 * particle's transmitted fraction relative to plain liquid: exactly 1 wherever no particle reaches, which lets the
 * detector recognise background pixels, and exactly exp(-t (1/l_p - 1/l_water)) inside a sharp particle.
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
    private final double incidentElectrons;
    private final double gradient;
    private final double liquidNm;
    private final double invParticlePath;
    private final double invWaterPath;
    private final double windowExponent;
    private final double attenuationPerPx;
    private final long seed;
    private final double logDoseSigma;
    private final double defocusPx;
    private final double distractorBlurPx;
    private final int subframes;
    private final double exposureFrames;

    ImageFormation(SimulationSettings s) {
        this.width = s.width();
        this.height = s.height();
        this.incidentElectrons = s.incidentElectronsPerPixel();
        this.gradient = s.illuminationGradient();
        this.liquidNm = s.liquidThicknessNm();
        this.invParticlePath = 1 / s.particleMeanFreePathNm();
        this.invWaterPath = 1 / SimulationSettings.WATER_MEAN_FREE_PATH_NM;
        this.windowExponent = 2 * s.sinWindowThicknessNm() / SimulationSettings.SIN_MEAN_FREE_PATH_NM;
        this.attenuationPerPx = s.nmPerPixel() * (invParticlePath - invWaterPath);
        this.seed = s.seed();
        // A lognormal factor of mean 1 whose standard deviation is the requested relative fluctuation.
        this.logDoseSigma = Math.sqrt(Math.log1p(s.doseFluctuation() * s.doseFluctuation()));
        this.defocusPx = s.defocusBlurPx();
        this.distractorBlurPx = s.distractorBlurPx();
        this.subframes = s.motionBlurSubframes();
        this.exposureFrames = s.exposureS() / s.secondsPerFrame();
    }

    /** Mean transmitted electrons per pixel of frame {@code frame}, row-major, with that frame's dose. */
    double[] meanElectrons(Trajectories t, int frame) {
        double[] map = relativeTransmission(t, frame);
        double[] background = backgroundElectrons(frame);
        for (int row = 0; row < height; row++) {
            int start = row * width;
            for (int col = 0; col < width; col++) {
                map[start + col] *= background[col];
            }
        }
        return map;
    }

    /** Mean transmitted electrons through plain liquid, per column (the gradient runs along x), in that frame. */
    double[] backgroundElectrons(int frame) {
        double[] out = new double[width];
        double factor = doseFactor(frame) * transmission(0);
        for (int col = 0; col < width; col++) {
            out[col] = incidentElectrons(col) * factor;
        }
        return out;
    }

    /**
     * Transmission of each pixel relative to plain liquid (1 where no particle reaches): particles blurred by
     * their motion during the exposure and by defocus, then the distractors, blurred by theirs.
     */
    double[] relativeTransmission(Trajectories t, int frame) {
        return relativeTransmission(t, frame, new double[width * height]);
    }

    /** As {@link #relativeTransmission(Trajectories, int)}, into {@code map} (width x height, overwritten). */
    double[] relativeTransmission(Trajectories t, int frame, double[] map) {
        Arrays.fill(map, 1.0);
        ParticleShape[] poses = new ParticleShape[subframes];
        double[] cx = new double[subframes];
        double[] cy = new double[subframes];
        for (int p = 0; p < t.particleCount(); p++) {
            for (int k = 0; k < subframes; k++) {
                // Sub-exposure instants centred on the frame time, so the blurred image is centred on the truth.
                double s = subframes == 1 ? 0 : exposureFrames * ((k + 0.5) / subframes - 0.5);
                cx[k] = t.interpolatedX(p, frame, s);
                cy[k] = t.interpolatedY(p, frame, s);
                poses[k] = subframes == 1 ? t.shape(p, frame) : t.shapeAtAngle(p, t.interpolatedAngle(p, frame, s));
            }
            Sprite.multiplyInto(map, width, height, poses, cx, cy, attenuationPerPx, defocusPx);
        }
        for (int i = 0; i < t.distractorCount(); i++) {
            Sprite.multiplyInto(map, width, height, new ParticleShape[] {t.distractorShape(i)},
                    new double[] {t.distractorX(i, frame)}, new double[] {t.distractorY(i, frame)}, attenuationPerPx,
                    distractorBlurPx);
        }
        return map;
    }

    /** The frame's incident dose relative to the nominal one: lognormal, mean 1, keyed by (seed, frame) alone. */
    double doseFactor(int frame) {
        if (logDoseSigma == 0) {
            return 1;
        }
        double z = SplitMix64.stream(seed, SplitMix64.DOSE, frame).nextGaussian();
        return Math.exp(logDoseSigma * z - logDoseSigma * logDoseSigma / 2);
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
