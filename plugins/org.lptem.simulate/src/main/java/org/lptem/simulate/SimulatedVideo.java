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
 * <p>Not thread-safe (as {@link Video}); rendering itself keeps no state between calls.
 */
public final class SimulatedVideo implements Video {
    private final SimulationSettings settings;
    private final Trajectories trajectories;
    private final ImageFormation optics;
    private final Detector detector;
    private final Calibration calibration;

    public SimulatedVideo(SimulationSettings settings) {
        this.settings = settings;
        this.trajectories = Trajectories.simulate(settings);
        this.optics = new ImageFormation(settings);
        this.detector = new Detector(settings, optics);
        this.calibration = new Calibration(OptionalDouble.of(settings.nmPerPixel()),
                OptionalDouble.of(settings.secondsPerFrame()));
    }

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
        return detector.record(optics.meanElectrons(trajectories, index), settings.seed(), index);
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
     * The true tracks: particle ids 1..n, one detection per frame at the true centre (px, origin at the centre
     * of the top-left pixel), area = true projected area (px^2), axes = true outline axes (px), orientation NaN
     * for spheres, score 1, label = particle id (as in {@link #labels(int)}). Mean intensity is NaN: it is a
     * property of a detection in a noisy frame, not of the truth.
     */
    public List<Track> groundTruth() {
        List<Track> tracks = new ArrayList<>(trajectories.particleCount());
        for (int p = 0; p < trajectories.particleCount(); p++) {
            ParticleShape shape = trajectories.shape(p);
            List<Detection> points = new ArrayList<>(frameCount());
            for (int f = 0; f < frameCount(); f++) {
                points.add(new Detection(f, trajectories.x(p, f), trajectories.y(p, f), shape.areaPx2(),
                        shape.orientationDeg(), shape.majorAxisPx(), shape.minorAxisPx(), Double.NaN, 1, p + 1));
            }
            tracks.add(new Track(p + 1, points));
        }
        return tracks;
    }

    /**
     * Ground-truth label image (UINT16): the particle id where that particle's true projected outline covers the
     * pixel centre, 0 elsewhere; where particles overlap, the higher id wins. Masks stay sharp: no blur, no noise.
     */
    public Frame labels(int frame) {
        checkIndex(frame);
        int w = width();
        int h = height();
        short[] ids = new short[w * h];
        for (int p = 0; p < trajectories.particleCount(); p++) {
            ParticleShape shape = trajectories.shape(p);
            double cx = trajectories.x(p, frame);
            double cy = trajectories.y(p, frame);
            double reach = shape.boundingRadiusPx();
            int c0 = Math.max(0, (int) Math.ceil(cx - reach));
            int c1 = Math.min(w - 1, (int) Math.floor(cx + reach));
            int r0 = Math.max(0, (int) Math.ceil(cy - reach));
            int r1 = Math.min(h - 1, (int) Math.floor(cy + reach));
            for (int row = r0; row <= r1; row++) {
                for (int col = c0; col <= c1; col++) {
                    if (shape.covers(col - cx, row - cy)) {
                        ids[row * w + col] = (short) (p + 1);
                    }
                }
            }
        }
        return Frame.ofShorts(w, h, ids, false);
    }

    /**
     * The realised per-pixel SNR of a frame: (mean of background pixels - mean of particle pixels) / standard
     * deviation of background pixels, pixels classed by {@link #labels(int)}. The background statistics include
     * the illumination gradient and the blurred rims just outside particles, as an analysis of the frame would
     * see them. NaN when the frame has no particle or no background pixel.
     */
    public double measuredSnr(int frame) {
        Frame image = frame(frame);
        Frame labels = labels(frame);
        int n = width() * height();
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
