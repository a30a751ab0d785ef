package org.lptem.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.lptem.core.Calibration;
import org.lptem.core.Detection;
import org.lptem.core.Frame;
import org.lptem.core.PixelType;
import org.lptem.core.Track;
import org.lptem.core.Video;

/**
 * A synthetic liquid-phase TEM video with its ground truth. Only the trajectories are held in memory; each frame
 * is rendered when asked for, from the seed and its index alone, so frame i has the same samples whichever frames
 * were read before it, and a video of any length streams in constant memory.
 *
 * <p>Not thread-safe (as {@link Video}): frames are rendered into one reused buffer, though no frame depends on
 * another.
 */
public final class SimulatedVideo implements Video {
    private final SimulationSettings settings;
    private final Trajectories trajectories;
    private final ImageFormation optics;
    private final Detector detector;
    private final Calibration calibration;
    /** Reused by {@link #frame(int)}: a million-pixel frame would otherwise allocate 8 MB each time. */
    private double[] scratch;

    /**
     * Simulates the trajectories; renders nothing yet. With a {@code targetSnr} the dose rate is first derived from
     * noise-free renders (see {@link #settings()}).
     */
    public SimulatedVideo(SimulationSettings settings) {
        this.trajectories = Trajectories.simulate(settings);
        this.settings = settings.targetSnr() > 0 ? SnrCalibration.calibrate(settings, trajectories) : settings;
        this.optics = new ImageFormation(this.settings);
        this.detector = new Detector(this.settings, optics);
        this.calibration = new Calibration(OptionalDouble.of(settings.nmPerPixel()),
                OptionalDouble.of(settings.secondsPerFrame()));
    }

    /** The settings rendered: those given, except that a {@code targetSnr} above 0 has set the dose rate. */
    public SimulationSettings settings() {
        return settings;
    }

    public Trajectories trajectories() {
        return trajectories;
    }

    @Override
    public int frameCount() {
        return settings.frames();
    }

    @Override
    public int width() {
        return settings.width();
    }

    @Override
    public int height() {
        return settings.height();
    }

    @Override
    public PixelType pixelType() {
        return detector.pixelType();
    }

    @Override
    public Calibration calibration() {
        return calibration;
    }

    @Override
    public String source() {
        return "simulated:" + settings.seed();
    }

    @Override
    public String format() {
        return "simulated";
    }

    @Override
    public Frame frame(int index) {
        checkIndex(index);
        if (scratch == null) {
            scratch = new double[width() * height()];
        }
        return detector.record(optics.relativeTransmission(trajectories, index, scratch),
                optics.backgroundElectrons(index), settings.seed(), index);
    }

    /** Mean electrons reaching a pixel of plain liquid in that frame (field average): N0 x dose factor x T_liquid. */
    public double backgroundElectronsPerPixel(int frame) {
        checkIndex(frame);
        return optics.meanIncidentElectrons() * optics.doseFactor(frame) * optics.transmission(0);
    }

    /** Output value of zero detector counts; pixel value = offset + scale x counts. */
    public double outputOffset() {
        return detector.offset();
    }

    /** Output values per detector count (1 unless the background would not fit the bit depth). */
    public double outputScale() {
        return detector.scale();
    }

    /**
     * The true tracks: particle ids 1..n, one detection per frame in which the particle is {@link
     * Trajectories#visible(int, int) visible} (all frames unless a field margin lets particles leave), at the true
     * centre (px, origin at the centre of the top-left pixel), area = true projected area (px^2), axes = true
     * outline lengths (px), orientation = true in-plane angle reduced by the shape's symmetry (NaN for spheres),
     * score 1, label = particle id (as in {@link #labels(int)}). Mean intensity is NaN: it is a property of a
     * detection in a noisy frame, not of the truth. Particles never in view have no track.
     */
    public List<Track> groundTruth() {
        List<Track> tracks = new ArrayList<>(trajectories.particleCount());
        for (int p = 0; p < trajectories.particleCount(); p++) {
            List<Detection> points = new ArrayList<>(frameCount());
            for (int f = 0; f < frameCount(); f++) {
                if (!trajectories.visible(p, f)) {
                    continue;
                }
                ParticleShape shape = trajectories.shape(p, f);
                points.add(new Detection(f, trajectories.x(p, f), trajectories.y(p, f), shape.areaPx2(),
                        shape.orientationDeg(), shape.majorAxisPx(), shape.minorAxisPx(), Double.NaN, 1, p + 1));
            }
            if (!points.isEmpty()) {
                tracks.add(new Track(p + 1, points));
            }
        }
        return tracks;
    }

    /**
     * Ground-truth label image (UINT16): the particle id where that particle's true projected outline covers the
     * pixel centre, 0 elsewhere; where particles overlap, the higher id wins. Masks stay sharp: no blur, no noise.
     */
    public Frame labels(int frame) {
        checkIndex(frame);
        return Frame.ofShorts(width(), height(), LabelImage.render(trajectories, frame, width(), height()), false);
    }

    /**
     * The realised per-pixel SNR of a frame: (mean of background pixels - mean of particle pixels) / standard
     * deviation of background pixels, pixels classed by {@link #labels(int)}. The background statistics include
     * the illumination gradient and the blurred rims just outside particles, as an analysis of the frame would
     * see them. NaN when the frame has no particle or no background pixel.
     */
    public double measuredSnr(int frame) {
        return snr(frame(frame), labels(frame));
    }

    /**
     * Per-pixel SNR of an image against its label image: (mean of pixels labelled 0 - mean of the others) /
     * standard deviation of the pixels labelled 0; NaN without particle pixels or with fewer than two background
     * pixels.
     */
    public static double snr(Frame image, Frame labels) {
        int n = image.width() * image.height();
        double bgSum = 0;
        long bgCount = 0;
        double pSum = 0;
        long pCount = 0;
        for (int i = 0; i < n; i++) {
            if (labels.get(i) == 0) {
                bgSum += image.get(i);
                bgCount++;
            } else {
                pSum += image.get(i);
                pCount++;
            }
        }
        if (bgCount < 2 || pCount == 0) {
            return Double.NaN;
        }
        double bgMean = bgSum / bgCount;
        // Second pass about the mean: 16-bit backgrounds sit near 32768, where sum-of-squares would cancel.
        double ss = 0;
        for (int i = 0; i < n; i++) {
            if (labels.get(i) == 0) {
                double d = image.get(i) - bgMean;
                ss += d * d;
            }
        }
        return (bgMean - pSum / pCount) / Math.sqrt(ss / (bgCount - 1));
    }

    @Override
    public void close() {
        // Nothing to release: frames are rendered on demand.
    }
}
