package org.lptem.segment.sam2;

import java.util.ArrayList;
import java.util.List;
import org.lptem.core.Detection;
import org.lptem.core.Frame;
import org.lptem.segment.RegionMoments;
import org.lptem.segment.Segmentation;
import org.lptem.segment.Segmenter;

/**
 * Box prompts from a detector (the classical detector, or a U-Net through {@code ProbabilitySegmenter}): on the
 * first frame every particle found, later only particles that the tracked masks do not already cover, so SAM2
 * needs no hand-drawn box per particle and picks up particles that enter or appear late.
 */
public final class AutoPrompter {
    private final Segmenter detector;
    private final double newOverlap;
    private long nanos;
    private long cpuNanos;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory
            .getThreadMXBean();

    /** A particle the detector found and nobody tracks: its box and centroid. */
    public record Found(Box box, double x, double y) {
    }

    /**
     * @param newOverlap a detection whose area is covered by tracked masks by less than this fraction is new
     */
    public AutoPrompter(Segmenter detector, double newOverlap) {
        this.detector = detector;
        this.newOverlap = newOverlap;
    }

    /**
     * The particles on {@code frame} not covered by {@code tracked} (a label image of the frame, 0 = free; null
     * when nothing is tracked).
     */
    public List<Found> untracked(Frame frame, int frameIndex, int[] tracked) {
        long start = System.nanoTime();
        long startCpu = CPU.getCurrentThreadCpuTime();
        Segmentation s = detector.segment(frame, frameIndex);
        int[] labels = s.labels();
        int count = s.detections().stream().mapToInt(Detection::label).max().orElse(0);
        RegionMoments moments = RegionMoments.measure(labels, count, s.width());
        long[] covered = new long[count + 1];
        if (tracked != null) {
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] != 0 && tracked[i] != 0) {
                    covered[labels[i]]++;
                }
            }
        }
        List<Found> out = new ArrayList<>();
        for (Detection d : s.detections()) {
            int l = d.label();
            long area = moments.area(l);
            if (area == 0 || covered[l] >= newOverlap * area) {
                continue;
            }
            out.add(new Found(new Box(moments.minX(l), moments.minY(l), moments.maxX(l), moments.maxY(l)), d.x(),
                    d.y()));
        }
        nanos += System.nanoTime() - start;
        cpuNanos += CPU.getCurrentThreadCpuTime() - startCpu;
        return out;
    }

    /** Time spent detecting so far, nanoseconds. */
    public long nanos() {
        return nanos;
    }

    /** CPU time of the calling thread spent detecting so far, nanoseconds. */
    public long cpuNanos() {
        return cpuNanos;
    }
}
