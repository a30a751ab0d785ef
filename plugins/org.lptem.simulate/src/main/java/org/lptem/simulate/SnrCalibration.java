package org.lptem.simulate;

import org.lptem.core.image.GaussianBlur;
import org.lptem.core.LptemException;

/**
 * Finds the dose rate that gives a requested per-pixel SNR, (background mean - particle mean) / background std,
 * from noise-free renders. Every mean scales with the dose rate x, so a few renders at x = 1 give the contrast
 * Delta and the background's spatial variance v (illumination gradient, blurred rims, distractors) per unit dose;
 * the noise adds g^2 x s m (shot noise of mean m, thinned by the detector blur's sum of squared weights s), the
 * read noise r^2 and the rounding q. The SNR then solves
 * S^2 (g^2 v x^2 + g^2 s m x + r^2 + q) = g^2 Delta^2 x^2, a quadratic in x.
 */
final class SnrCalibration {
    /** Frames rendered (evenly spread): the contrast changes as particles move, turn and leave the field. */
    static final int FRAMES = 5;

    private SnrCalibration() {
    }

    /** The settings with the dose rate that gives {@code s.targetSnr()} for these trajectories. */
    static SimulationSettings calibrate(SimulationSettings s, Trajectories t) {
        SimulationSettings unit = s.toBuilder().doseRateElectronsPerA2PerS(1).doseFluctuation(0).build();
        ImageFormation optics = new ImageFormation(unit);
        int w = s.width();
        int h = s.height();
        int count = Math.min(FRAMES, s.frames());
        double bgMean = 0;
        double bgVar = 0;
        double particleMean = 0;
        int used = 0;
        for (int i = 0; i < count; i++) {
            int frame = count == 1 ? 0 : (int) Math.round((double) i * (s.frames() - 1) / (count - 1));
            double[] image = optics.meanElectrons(t, frame);
            GaussianBlur.blurInPlace(image, w, h, s.detectorBlurPx());
            short[] labels = LabelImage.render(t, frame, w, h);
            double[] stats = statistics(image, labels);
            if (stats != null) {
                bgMean += stats[0];
                bgVar += stats[1];
                particleMean += stats[2];
                used++;
            }
        }
        if (used == 0) {
            throw new LptemException("targetSnr " + s.targetSnr() + " needs a particle in view, but none is in the "
                    + "frames sampled");
        }
        bgMean /= used;
        bgVar /= used;
        double contrast = bgMean - particleMean / used;
        if (!(contrast > 0)) {
            throw new LptemException("targetSnr " + s.targetSnr() + " cannot be reached: the particles are not darker "
                    + "than the liquid (particleMeanFreePathNm " + s.particleMeanFreePathNm() + " nm)");
        }
        double blurWeights = squaredWeights(s.detectorBlurPx());
        double g = s.gainCountsPerElectron();
        double target = s.targetSnr();
        double a = g * g * (contrast * contrast - target * target * bgVar);
        if (a <= 0) {
            throw new LptemException("targetSnr " + target + " cannot be reached: the spread of the background "
                    + "itself (illumination gradient, distractors, blurred particle rims) limits the per-pixel SNR to " + String.format(java.util.Locale.ROOT, "%.3g",
                            contrast / Math.sqrt(bgVar)));
        }
        double b = -target * target * g * g * blurWeights * bgMean;
        double quantisation = 0;
        double dose = 1;
        // The rounding step depends on the output scale, which depends on the dose: a few rounds settle it.
        for (int round = 0; round < 4; round++) {
            double c = -target * target * (s.readNoiseCounts() * s.readNoiseCounts() + quantisation);
            dose = (-b + Math.sqrt(b * b - 4 * a * c)) / (2 * a);
            SimulationSettings trial = s.toBuilder().doseRateElectronsPerA2PerS(dose).build();
            quantisation = new Detector(trial, new ImageFormation(trial)).quantisationVariance();
        }
        return s.toBuilder().doseRateElectronsPerA2PerS(dose).build();
    }

    /** {background mean, background variance, particle mean}, or null when no pixel shows a particle. */
    private static double[] statistics(double[] image, short[] labels) {
        double bgSum = 0;
        long bgCount = 0;
        double pSum = 0;
        long pCount = 0;
        for (int i = 0; i < image.length; i++) {
            if (labels[i] == 0) {
                bgSum += image[i];
                bgCount++;
            } else {
                pSum += image[i];
                pCount++;
            }
        }
        if (pCount == 0 || bgCount < 2) {
            return null;
        }
        double mean = bgSum / bgCount;
        double ss = 0;
        for (int i = 0; i < image.length; i++) {
            if (labels[i] == 0) {
                ss += (image[i] - mean) * (image[i] - mean);
            }
        }
        return new double[] {mean, ss / (bgCount - 1), pSum / pCount};
    }

    /** Sum of the squared weights of the 2D detector blur: the factor by which it scales white-noise variance. */
    static double squaredWeights(double sigma) {
        if (sigma <= 0) {
            return 1;
        }
        double s = 0;
        for (double k : GaussianBlur.kernel(sigma)) {
            s += k * k;
        }
        return s * s;
    }
}
