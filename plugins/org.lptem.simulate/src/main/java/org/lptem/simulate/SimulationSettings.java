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
 * @param particleRadiusNm mean sphere radius, or rod cross-section radius, nm
 * @param radiusDispersity relative standard deviation of the particle size (0.1 = 10 %), drawn from a normal
 *     truncated at 3 standard deviations; all of a particle's sizes scale together
 * @param nmPerPixel pixel size, nm/px
 * @param secondsPerFrame frame interval, s
 * @param diffusionNm2PerS translational diffusion coefficient, nm^2/s (0 = particles stand still); for fbm and sbm
 *     the generalised coefficient K of MSD = 4 K t^alpha, nm^2/s^alpha; for ctrw and attm the D of each jump or
 *     segment, whose MSD then also depends on the frame interval ({@link MotionKind})
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
 * @param shape particle shape; sizes: {@code particleRadiusNm} (sphere radius, rod cross-section radius),
 *     {@code particleLengthNm} (rod tip to tip, prism and cube edge), {@code prismThicknessNm}; dispersity scales all
 *     of a particle's sizes together
 * @param particleLengthNm mean rod length (tip to tip), prism edge or cube edge, nm; unused for spheres
 * @param prismThicknessNm mean prism thickness along the beam, nm; unused for other shapes
 * @param motion translational motion model; {@code diffusionNm2PerS} is its coefficient K of MSD = 4 K t^alpha
 *     (nm^2/s^alpha) for fbm and sbm, and a per-jump D for the frame-clocked ctrw and attm ({@link MotionKind})
 * @param alpha anomalous exponent of fbm and sbm (0, 2), ctrw (0, 1], levy (1, 2), attm (0, 1); ignored by the others
 * @param speedNmPerS flight speed of levy, drift speed of directed motion, nm/s
 * @param confinementNm harmonic trap: rms distance from the trap centre; box: side length; nm
 * @param rotationalDiffusionRad2PerS in-plane rotational diffusion coefficient of anisotropic shapes, rad^2/s
 * @param fieldMarginPx 0: particles stay entirely inside the field; above 0 the liquid extends this far beyond every
 *     edge, so particles leave and re-enter the field (frames where one is out of view are marked invisible)
 * @param avoidOverlap reject steps that would bring two particles' bounding circles into contact
 * @param defocusBlurPx radius of the disk blurring every particle's image (defocus), px (0 = sharp)
 * @param distractors number of out-of-focus particles in the image that are absent from the ground truth
 * @param distractorBlurPx disk blur radius of the distractors, px
 * @param doseFluctuation relative standard deviation of the incident dose from frame to frame (lognormal, mean 1)
 * @param motionBlurSubframes particle positions averaged over the exposure (centred on the frame time); 1 = none
 * @param targetSnr requested per-pixel SNR, (background mean - particle mean) / background std; above 0 the dose
 *     rate is derived from it ({@link SimulatedVideo#settings()} then holds the derived dose); 0 = use the dose rate
 */
public record SimulationSettings(int width, int height, int frames, int particles, double particleRadiusNm,
        double radiusDispersity, double nmPerPixel, double secondsPerFrame, double diffusionNm2PerS,
        double doseRateElectronsPerA2PerS, double exposureS, double liquidThicknessNm, double sinWindowThicknessNm,
        double particleMeanFreePathNm, double readNoiseCounts, double gainCountsPerElectron, double detectorBlurPx,
        int bitDepth, double driftXPxPerFrame, double driftYPxPerFrame, double illuminationGradient, long seed,
        ShapeKind shape, double particleLengthNm, double prismThicknessNm, MotionKind motion, double alpha,
        double speedNmPerS, double confinementNm, double rotationalDiffusionRad2PerS, double fieldMarginPx,
        boolean avoidOverlap, double defocusBlurPx, int distractors, double distractorBlurPx,
        double doseFluctuation, int motionBlurSubframes, double targetSnr) {

    /** Inelastic mean free path of water at 200-300 kV (Yao et al. 2020), nm. */
    public static final double WATER_MEAN_FREE_PATH_NM = 185;
    /** Inelastic mean free path of amorphous SiN (Yao et al. 2020), nm. */
    public static final double SIN_MEAN_FREE_PATH_NM = 144;
    /** Radii are drawn from a normal truncated at this many standard deviations. */
    public static final double RADIUS_TRUNCATION_SIGMAS = 3;
    /** Initial centres are at least this many (mean of the two) radii apart, so particles start well separated. */
    public static final double MIN_INITIAL_SEPARATION_RADII = 3;

    /** Largest particle id a 16-bit label image can hold. */
    public static final int MAX_PARTICLES = 65_535;
    /** Most sub-exposure positions averaged for motion blur. */
    public static final int MAX_MOTION_BLUR_SUBFRAMES = 64;
    public static final int MAX_DISTRACTORS = 10_000;

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
        if (particles > MAX_PARTICLES) {
            throw new LptemException("particles must be at most " + MAX_PARTICLES + " (labels.tif is 16-bit), got "
                    + particles);
        }
        if ((long) (particles + distractors) * frames > MAX_TRAJECTORY_POINTS) {
            throw new LptemException("particles x frames must be at most " + MAX_TRAJECTORY_POINTS + ", got "
                    + (particles + distractors) + " x " + frames);
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
        if (shape == null) {
            throw new LptemException("shape must be one of sphere, rod, prism, cube");
        }
        if (motion == null) {
            throw new LptemException("motion must be set");
        }
        checkShapeSizes(shape, particleRadiusNm, particleLengthNm, prismThicknessNm);
        checkMotion(motion, alpha, speedNmPerS, confinementNm);
        nonNegative("rotationalDiffusionRad2PerS", rotationalDiffusionRad2PerS);
        nonNegative("fieldMarginPx", fieldMarginPx);
        if (!(defocusBlurPx >= 0 && defocusBlurPx <= 50)) {
            throw new LptemException("defocusBlurPx must be in [0, 50], got " + defocusBlurPx);
        }
        if (distractors < 0 || distractors > MAX_DISTRACTORS) {
            throw new LptemException("distractors must be in [0, " + MAX_DISTRACTORS + "], got " + distractors);
        }
        if (!(distractorBlurPx >= 0 && distractorBlurPx <= 50)) {
            throw new LptemException("distractorBlurPx must be in [0, 50], got " + distractorBlurPx);
        }
        if (!(doseFluctuation >= 0 && doseFluctuation < 1)) {
            throw new LptemException("doseFluctuation must be in [0, 1), got " + doseFluctuation);
        }
        if (motionBlurSubframes < 1 || motionBlurSubframes > MAX_MOTION_BLUR_SUBFRAMES) {
            throw new LptemException("motionBlurSubframes must be in [1, " + MAX_MOTION_BLUR_SUBFRAMES + "], got "
                    + motionBlurSubframes);
        }
        nonNegative("targetSnr", targetSnr);
        double scale = 1 + RADIUS_TRUNCATION_SIGMAS * radiusDispersity;
        double maxThicknessNm = scale * nominalThicknessNm(shape, particleRadiusNm, particleLengthNm, prismThicknessNm);
        if (particles > 0 && maxThicknessNm > liquidThicknessNm) {
            throw new LptemException((shape == ShapeKind.SPHERE ? "particles up to " + maxThicknessNm
                    + " nm across (particleRadiusNm " + particleRadiusNm + " with radiusDispersity " + radiusDispersity
                    + ")" : shape.key() + "s up to " + maxThicknessNm + " nm thick (with radiusDispersity "
                    + radiusDispersity + ")") + " do not fit in liquidThicknessNm " + liquidThicknessNm);
        }
        double maxReachPx = scale * nominalBoundingRadiusNm(shape, particleRadiusNm, particleLengthNm) / nmPerPixel;
        if (particles > 0 && fieldMarginPx == 0) {
            checkRoom("width", width, driftXPxPerFrame, maxReachPx, frames);
            checkRoom("height", height, driftYPxPerFrame, maxReachPx, frames);
        }
    }

    /** The settings of before shapes and motion models: spheres in Brownian motion, none of the later effects. */
    public SimulationSettings(int width, int height, int frames, int particles, double particleRadiusNm,
            double radiusDispersity, double nmPerPixel, double secondsPerFrame, double diffusionNm2PerS,
            double doseRateElectronsPerA2PerS, double exposureS, double liquidThicknessNm,
            double sinWindowThicknessNm, double particleMeanFreePathNm, double readNoiseCounts,
            double gainCountsPerElectron, double detectorBlurPx, int bitDepth, double driftXPxPerFrame,
            double driftYPxPerFrame, double illuminationGradient, long seed) {
        this(width, height, frames, particles, particleRadiusNm, radiusDispersity, nmPerPixel, secondsPerFrame,
                diffusionNm2PerS, doseRateElectronsPerA2PerS, exposureS, liquidThicknessNm, sinWindowThicknessNm,
                particleMeanFreePathNm, readNoiseCounts, gainCountsPerElectron, detectorBlurPx, bitDepth,
                driftXPxPerFrame, driftYPxPerFrame, illuminationGradient, seed,
                ShapeKind.SPHERE, 4 * particleRadiusNm, particleRadiusNm, MotionKind.BM, 1, 0, 0, 0, 0, false, 0, 0,
                0, 0, 1, 0);
    }

    private static void checkShapeSizes(ShapeKind shape, double radius, double length, double prismThickness) {
        switch (shape) {
            case SPHERE -> {
            }
            case ROD -> {
                if (!(length >= 2 * radius && Double.isFinite(length))) {
                    throw new LptemException("particleLengthNm must be at least 2 x particleRadiusNm (" + 2 * radius
                            + " nm) for rods, got " + length);
                }
            }
            case PRISM -> {
                positive("particleLengthNm", length);
                positive("prismThicknessNm", prismThickness);
            }
            case CUBE -> positive("particleLengthNm", length);
        }
    }

    private static void checkMotion(MotionKind motion, double alpha, double speed, double confinement) {
        switch (motion) {
            case FBM, SBM -> alphaIn(motion, alpha, 0, 2, false);
            case CTRW -> alphaIn(motion, alpha, 0, 1, true);
            case LEVY -> alphaIn(motion, alpha, 1, 2, false);
            case ATTM -> alphaIn(motion, alpha, 0, 1, false);
            default -> finite("alpha", alpha);
        }
        nonNegative("speedNmPerS", speed);
        if (motion == MotionKind.LEVY && speed <= 0) {
            throw new LptemException("speedNmPerS must be above 0 for levy motion, got " + speed);
        }
        nonNegative("confinementNm", confinement);
        if ((motion == MotionKind.HARMONIC || motion == MotionKind.BOX) && confinement <= 0) {
            throw new LptemException("confinementNm must be above 0 for " + motion.key() + " motion, got "
                    + confinement);
        }
    }

    private static void alphaIn(MotionKind motion, double alpha, double lo, double hi, boolean closedHigh) {
        if (!(alpha > lo && (closedHigh ? alpha <= hi : alpha < hi))) {
            throw new LptemException("alpha must be in (" + fmt(lo) + ", " + fmt(hi) + (closedHigh ? "]" : ")")
                    + " for " + motion.key() + ", got " + alpha);
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** Projected thickness of the mean-size particle at its thickest, nm. */
    private static double nominalThicknessNm(ShapeKind shape, double radius, double length, double prismThickness) {
        return switch (shape) {
            case SPHERE, ROD -> 2 * radius;
            case PRISM -> prismThickness;
            case CUBE -> length;
        };
    }

    /** Distance from the centre of the mean-size particle to its farthest point in projection, nm. */
    private static double nominalBoundingRadiusNm(ShapeKind shape, double radius, double length) {
        return switch (shape) {
            case SPHERE -> radius;
            case ROD -> length / 2;
            case PRISM -> length / Math.sqrt(3);
            case CUBE -> length / Math.sqrt(2);
        };
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

    /**
     * Per-axis standard deviation of the displacement over one frame for models scaled by K (MSD = 4 K t^alpha),
     * px: sqrt(2 K dt^alpha) / pixel size; alpha = 1 for models without an exponent.
     */
    public double anomalousStepSigmaPx() {
        double a = (motion == MotionKind.FBM || motion == MotionKind.SBM) ? alpha : 1;
        return Math.sqrt(2 * diffusionNm2PerS * Math.pow(secondsPerFrame, a)) / nmPerPixel;
    }

    /** {@code speedNmPerS} in px per frame. */
    public double speedPxPerFrame() {
        return speedNmPerS * secondsPerFrame / nmPerPixel;
    }

    /** Standard deviation of one frame's in-plane rotation, rad: sqrt(2 D_r dt). */
    public double rotationStepSigmaRad() {
        return Math.sqrt(2 * rotationalDiffusionRad2PerS * secondsPerFrame);
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
        private ShapeKind shape;
        private double particleLengthNm;
        private double prismThicknessNm;
        private MotionKind motion;
        private double alpha;
        private double speedNmPerS;
        private double confinementNm;
        private double rotationalDiffusionRad2PerS;
        private double fieldMarginPx;
        private boolean avoidOverlap;
        private double defocusBlurPx;
        private int distractors;
        private double distractorBlurPx;
        private double doseFluctuation;
        private int motionBlurSubframes;
        private double targetSnr;

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
            shape = s.shape;
            particleLengthNm = s.particleLengthNm;
            prismThicknessNm = s.prismThicknessNm;
            motion = s.motion;
            alpha = s.alpha;
            speedNmPerS = s.speedNmPerS;
            confinementNm = s.confinementNm;
            rotationalDiffusionRad2PerS = s.rotationalDiffusionRad2PerS;
            fieldMarginPx = s.fieldMarginPx;
            avoidOverlap = s.avoidOverlap;
            defocusBlurPx = s.defocusBlurPx;
            distractors = s.distractors;
            distractorBlurPx = s.distractorBlurPx;
            doseFluctuation = s.doseFluctuation;
            motionBlurSubframes = s.motionBlurSubframes;
            targetSnr = s.targetSnr;
        }

        public Builder width(int v) {
            width = v;
            return this;
        }

        public Builder height(int v) {
            height = v;
            return this;
        }

        public Builder driftXPxPerFrame(double v) {
            driftXPxPerFrame = v;
            return this;
        }

        public Builder driftYPxPerFrame(double v) {
            driftYPxPerFrame = v;
            return this;
        }

        public Builder shape(ShapeKind v) {
            shape = v;
            return this;
        }

        public Builder particleLengthNm(double v) {
            particleLengthNm = v;
            return this;
        }

        public Builder prismThicknessNm(double v) {
            prismThicknessNm = v;
            return this;
        }

        public Builder motion(MotionKind v) {
            motion = v;
            return this;
        }

        public Builder alpha(double v) {
            alpha = v;
            return this;
        }

        public Builder speedNmPerS(double v) {
            speedNmPerS = v;
            return this;
        }

        public Builder confinementNm(double v) {
            confinementNm = v;
            return this;
        }

        public Builder rotationalDiffusionRad2PerS(double v) {
            rotationalDiffusionRad2PerS = v;
            return this;
        }

        public Builder fieldMarginPx(double v) {
            fieldMarginPx = v;
            return this;
        }

        public Builder avoidOverlap(boolean v) {
            avoidOverlap = v;
            return this;
        }

        public Builder defocusBlurPx(double v) {
            defocusBlurPx = v;
            return this;
        }

        public Builder distractors(int v) {
            distractors = v;
            return this;
        }

        public Builder distractorBlurPx(double v) {
            distractorBlurPx = v;
            return this;
        }

        public Builder doseFluctuation(double v) {
            doseFluctuation = v;
            return this;
        }

        public Builder motionBlurSubframes(int v) {
            motionBlurSubframes = v;
            return this;
        }

        public Builder targetSnr(double v) {
            targetSnr = v;
            return this;
        }

        /**
         * Sets the parameter named {@code key} (a record component name, see {@link SettingsKeys}) from text.
         *
         * @throws LptemException naming the key when it is unknown or the text is not a value of its type
         */
        public Builder set(String key, String value) {
            SettingsKeys.set(this, key, value);
            return this;
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
                    illuminationGradient, seed, shape, particleLengthNm, prismThicknessNm, motion, alpha, speedNmPerS,
                    confinementNm, rotationalDiffusionRad2PerS, fieldMarginPx, avoidOverlap, defocusBlurPx,
                    distractors, distractorBlurPx, doseFluctuation, motionBlurSubframes, targetSnr);
        }
    }
}
