package org.lptem.simulate;

import org.lptem.core.LptemException;

/**
 * Everything that defines a synthetic LPTEM video: field, particles, motion, the mass-thickness image formation
 * model of Yao et al. (ACS Cent. Sci. 2020) and the detector. The same settings and seed always give the same
 * video, bit for bit.
 *
 * @param width field width, px
 * @param height field height, px
 * @param frames number of frames
 * @param particles number of particles (0 gives an empty liquid cell)
 * @param particleRadiusNm mean sphere radius, nm
 * @param radiusDispersity relative standard deviation of the radius (0.1 = 10 %); radii are drawn from a normal
 *     truncated at 3 standard deviations
 * @param nmPerPixel pixel size, nm/px
 * @param secondsPerFrame frame interval, s
 * @param diffusionNm2PerS Brownian translational diffusion coefficient, nm^2/s (0 = particles stand still)
 * @param doseRateElectronsPerA2PerS incident dose rate, e-/A^2/s
 * @param exposureS exposure time of one frame, s (at most the frame interval)
 * @param liquidThicknessNm liquid layer thickness, nm
 * @param sinWindowThicknessNm thickness of each of the two SiN windows, nm
 * @param particleMeanFreePathNm inelastic mean free path in the particle material, nm (Au ~ 50)
 * @param readNoiseCounts standard deviation of the additive Gaussian read noise, counts
 * @param gainCountsPerElectron detector gain, counts per electron
 * @param detectorBlurPx standard deviation of the Gaussian detector point spread function, px (0 = none)
 * @param bitDepth 8 or 16: the output pixel type (UINT8 or UINT16)
 * @param driftXPxPerFrame constant stage drift along x, px/frame
 * @param driftYPxPerFrame constant stage drift along y, px/frame
 * @param illuminationGradient relative change of the incident dose from the left to the right edge of the field
 *     (0.1 = the right edge gets 10 % more than the left; the field average is unchanged)
 * @param seed random seed
 */
public record SimulationSettings(int width, int height, int frames, int particles, double particleRadiusNm,
        double radiusDispersity, double nmPerPixel, double secondsPerFrame, double diffusionNm2PerS,
        double doseRateElectronsPerA2PerS, double exposureS, double liquidThicknessNm, double sinWindowThicknessNm,
        double particleMeanFreePathNm, double readNoiseCounts, double gainCountsPerElectron, double detectorBlurPx,
        int bitDepth, double driftXPxPerFrame, double driftYPxPerFrame, double illuminationGradient, long seed) {

    /** Inelastic mean free path of water at 200-300 kV (Yao et al. 2020), nm. */
    public static final double WATER_MEAN_FREE_PATH_NM = 185;
    /** Inelastic mean free path of amorphous SiN (Yao et al. 2020), nm. */
    public static final double SIN_MEAN_FREE_PATH_NM = 144;
    /** Radii are drawn from a normal truncated at this many standard deviations. */
    public static final double RADIUS_TRUNCATION_SIGMAS = 3;
    /** Initial centres are at least this many (mean of the two) radii apart, so particles start well separated. */
    public static final double MIN_INITIAL_SEPARATION_RADII = 3;

    private static final long MAX_TRAJECTORY_POINTS = 50_000_000L;
    /**
     * Chosen so that demo()'s per-pixel SNR, (background mean - particle mean) / background std, is about 3: the
     * particles are obvious to the eye, yet single pixels are unreliable, as in real low-dose videos.
     */
    private static final double DEMO_DOSE = 5;

    public SimulationSettings {
        positive("width", width);
        positive("height", height);
        positive("frames", frames);
        if ((long) width * height > Integer.MAX_VALUE - 8) {
            throw new LptemException("width x height must be below 2^31 pixels, got " + width + " x " + height);
        }
        if (particles < 0) {
            throw new LptemException("particles must be >= 0, got " + particles);
        }
        if ((long) particles * frames > MAX_TRAJECTORY_POINTS) {
            throw new LptemException("particles x frames must be at most " + MAX_TRAJECTORY_POINTS + ", got "
                    + particles + " x " + frames);
        }
        positive("particleRadiusNm", particleRadiusNm);
        if (!(radiusDispersity >= 0 && radiusDispersity <= 0.3)) {
            // Above 0.3 the truncated normal would reach zero or negative radii.
            throw new LptemException("radiusDispersity must be in [0, 0.3], got " + radiusDispersity);
        }
        positive("nmPerPixel", nmPerPixel);
        positive("secondsPerFrame", secondsPerFrame);
        nonNegative("diffusionNm2PerS", diffusionNm2PerS);
        positive("doseRateElectronsPerA2PerS", doseRateElectronsPerA2PerS);
        positive("exposureS", exposureS);
        if (exposureS > secondsPerFrame) {
            throw new LptemException("exposureS (" + exposureS + " s) cannot exceed secondsPerFrame ("
                    + secondsPerFrame + " s)");
        }
        positive("liquidThicknessNm", liquidThicknessNm);
        nonNegative("sinWindowThicknessNm", sinWindowThicknessNm);
        positive("particleMeanFreePathNm", particleMeanFreePathNm);
        nonNegative("readNoiseCounts", readNoiseCounts);
        positive("gainCountsPerElectron", gainCountsPerElectron);
        if (!(detectorBlurPx >= 0 && detectorBlurPx <= 50)) {
            throw new LptemException("detectorBlurPx must be in [0, 50], got " + detectorBlurPx);
        }
        if (bitDepth != 8 && bitDepth != 16) {
            throw new LptemException("bitDepth must be 8 or 16, got " + bitDepth);
        }
        finite("driftXPxPerFrame", driftXPxPerFrame);
        finite("driftYPxPerFrame", driftYPxPerFrame);
        if (!(Math.abs(illuminationGradient) < 1)) {
            throw new LptemException("illuminationGradient must be in (-1, 1), got " + illuminationGradient);
        }
        double n0 = doseRateElectronsPerA2PerS * 100 * nmPerPixel * nmPerPixel * exposureS;
        if (n0 > 1e9) {
            throw new LptemException("doseRateElectronsPerA2PerS x exposure gives " + n0
                    + " electrons per pixel per frame; at most 1e9 is supported");
        }
        double maxRadiusNm = particleRadiusNm * (1 + RADIUS_TRUNCATION_SIGMAS * radiusDispersity);
        if (particles > 0 && 2 * maxRadiusNm > liquidThicknessNm) {
            throw new LptemException("particles up to " + 2 * maxRadiusNm + " nm across (particleRadiusNm "
                    + particleRadiusNm + " with radiusDispersity " + radiusDispersity
                    + ") do not fit in liquidThicknessNm " + liquidThicknessNm);
        }
        if (particles > 0) {
            checkRoom("width", width, driftXPxPerFrame, maxRadiusNm / nmPerPixel, frames);
            checkRoom("height", height, driftYPxPerFrame, maxRadiusNm / nmPerPixel, frames);
        }
    }

    /** The default of {@code lptem analyze --demo}: small, fast, noisy but clearly trackable. */
    public static SimulationSettings demo() {
        return new SimulationSettings(
                256, 256, 60, 8,
                14, 0.1, // radius 7 px
                2, 0.05,
                20, // 4 D dt = 4 nm^2 = 1 px^2: a root-mean-square step of 1 px per frame
                DEMO_DOSE, 0.05,
                100, 50, 50,
                2, 3.47, 0.8, 8,
                0, 0, 0.1,
                1);
    }

    /** Incident electrons per pixel per frame, N0 = dose rate x 100 A^2/nm^2 x pixel area x exposure. */
    public double incidentElectronsPerPixel() {
        return doseRateElectronsPerA2PerS * 100 * nmPerPixel * nmPerPixel * exposureS;
    }

    /** Standard deviation of one Brownian step along one axis, px: sqrt(2 D dt) / pixel size. */
    public double stepSigmaPx() {
        return Math.sqrt(2 * diffusionNm2PerS * secondsPerFrame) / nmPerPixel;
    }

    public double particleRadiusPx() {
        return particleRadiusNm / nmPerPixel;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    private static void checkRoom(String axis, int size, double drift, double maxRadiusPx, int frames) {
        double travel = Math.abs(drift) * (frames - 1);
        // The centre must stay in [r - 0.5, size - 0.5 - r] at every frame while the stage carries it by travel.
        if (size - 1 - 2 * maxRadiusPx - travel <= 0) {
            throw new LptemException("the field " + axis + " of " + size + " px has no room for particles of radius up to "
                    + String.format(java.util.Locale.ROOT, "%.2f", maxRadiusPx) + " px"
                    + (travel > 0 ? " drifting " + String.format(java.util.Locale.ROOT, "%.2f", travel)
                            + " px over " + frames + " frames" : "")
                    + ": enlarge the field, or reduce particleRadiusNm or the drift");
        }
    }

    private static void positive(String name, double v) {
        if (!(v > 0 && Double.isFinite(v))) {
            throw new LptemException(name + " must be a positive finite number, got " + v);
        }
    }

    private static void nonNegative(String name, double v) {
        if (!(v >= 0 && Double.isFinite(v))) {
            throw new LptemException(name + " must be a finite number >= 0, got " + v);
        }
    }

    private static void finite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new LptemException(name + " must be a finite number, got " + v);
        }
    }

    /** Mutable copy for changing a few values; {@link #build()} validates. */
    public static final class Builder {
        private int width;
        private int height;
        private int frames;
        private int particles;
        private double particleRadiusNm;
        private double radiusDispersity;
        private double nmPerPixel;
        private double secondsPerFrame;
        private double diffusionNm2PerS;
        private double doseRateElectronsPerA2PerS;
        private double exposureS;
        private double liquidThicknessNm;
        private double sinWindowThicknessNm;
        private double particleMeanFreePathNm;
        private double readNoiseCounts;
        private double gainCountsPerElectron;
        private double detectorBlurPx;
        private int bitDepth;
        private double driftXPxPerFrame;
        private double driftYPxPerFrame;
        private double illuminationGradient;
        private long seed;

        private Builder(SimulationSettings s) {
            width = s.width;
            height = s.height;
            frames = s.frames;
            particles = s.particles;
            particleRadiusNm = s.particleRadiusNm;
            radiusDispersity = s.radiusDispersity;
            nmPerPixel = s.nmPerPixel;
            secondsPerFrame = s.secondsPerFrame;
            diffusionNm2PerS = s.diffusionNm2PerS;
            doseRateElectronsPerA2PerS = s.doseRateElectronsPerA2PerS;
            exposureS = s.exposureS;
            liquidThicknessNm = s.liquidThicknessNm;
            sinWindowThicknessNm = s.sinWindowThicknessNm;
            particleMeanFreePathNm = s.particleMeanFreePathNm;
            readNoiseCounts = s.readNoiseCounts;
            gainCountsPerElectron = s.gainCountsPerElectron;
            detectorBlurPx = s.detectorBlurPx;
            bitDepth = s.bitDepth;
            driftXPxPerFrame = s.driftXPxPerFrame;
            driftYPxPerFrame = s.driftYPxPerFrame;
            illuminationGradient = s.illuminationGradient;
            seed = s.seed;
        }

        public Builder size(int width, int height) {
            this.width = width;
            this.height = height;
            return this;
        }

        public Builder frames(int v) {
            frames = v;
            return this;
        }

        public Builder particles(int v) {
            particles = v;
            return this;
        }

        public Builder particleRadiusNm(double v) {
            particleRadiusNm = v;
            return this;
        }

        public Builder radiusDispersity(double v) {
            radiusDispersity = v;
            return this;
        }

        public Builder nmPerPixel(double v) {
            nmPerPixel = v;
            return this;
        }

        public Builder secondsPerFrame(double v) {
            secondsPerFrame = v;
            return this;
        }

        public Builder diffusionNm2PerS(double v) {
            diffusionNm2PerS = v;
            return this;
        }

        public Builder doseRateElectronsPerA2PerS(double v) {
            doseRateElectronsPerA2PerS = v;
            return this;
        }

        public Builder exposureS(double v) {
            exposureS = v;
            return this;
        }

        public Builder liquidThicknessNm(double v) {
            liquidThicknessNm = v;
            return this;
        }

        public Builder sinWindowThicknessNm(double v) {
            sinWindowThicknessNm = v;
            return this;
        }

        public Builder particleMeanFreePathNm(double v) {
            particleMeanFreePathNm = v;
            return this;
        }

        public Builder readNoiseCounts(double v) {
            readNoiseCounts = v;
            return this;
        }

        public Builder gainCountsPerElectron(double v) {
            gainCountsPerElectron = v;
            return this;
        }

        public Builder detectorBlurPx(double v) {
            detectorBlurPx = v;
            return this;
        }

        public Builder bitDepth(int v) {
            bitDepth = v;
            return this;
        }

        public Builder drift(double xPxPerFrame, double yPxPerFrame) {
            driftXPxPerFrame = xPxPerFrame;
            driftYPxPerFrame = yPxPerFrame;
            return this;
        }

        public Builder illuminationGradient(double v) {
            illuminationGradient = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public SimulationSettings build() {
            return new SimulationSettings(width, height, frames, particles, particleRadiusNm, radiusDispersity,
                    nmPerPixel, secondsPerFrame, diffusionNm2PerS, doseRateElectronsPerA2PerS, exposureS,
                    liquidThicknessNm, sinWindowThicknessNm, particleMeanFreePathNm, readNoiseCounts,
                    gainCountsPerElectron, detectorBlurPx, bitDepth, driftXPxPerFrame, driftYPxPerFrame,
                    illuminationGradient, seed);
        }
    }
}
